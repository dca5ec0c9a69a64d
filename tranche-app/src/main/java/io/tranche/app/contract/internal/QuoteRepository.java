package io.tranche.app.contract.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.tranche.core.contract.QuoteContent;
import io.tranche.core.contract.QuoteLine;
import io.tranche.core.contract.QuoteStatus;
import io.tranche.core.contract.QuoteTerms;
import io.tranche.core.evidence.CanonicalJson;
import io.tranche.core.milestone.PaymentPlan;
import io.tranche.core.milestone.PaymentTrigger;
import io.tranche.core.milestone.PlannedMilestone;
import io.tranche.core.money.Money;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The {@code quote} table; a version's content is kept as the canonical JSON that was hashed. */
@Repository
public class QuoteRepository {
  private final JdbcClient jdbc;
  private final JsonMapper json;

  /**
   * Contents already read, by their stored text: a page reads a project's quotes (and a signed
   * contract's terms) on every view, and parsing the JSON cost more than reading it. The key is the
   * whole text, so a hit is exactly what parsing would give; {@link QuoteContent} is immutable.
   * Weighed by the text's length (the parsed content holds about as much again): at most about 8
   * million characters are kept, so a few long quotes cannot fill the heap.
   */
  private final Cache<String, QuoteContent> contents =
      Caffeine.newBuilder()
          .maximumWeight(8_000_000)
          .<String, QuoteContent>weigher((text, content) -> text.length())
          .build();

  QuoteRepository(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /** A stored quote version. */
  public record StoredQuote(
      UUID id,
      UUID workspaceId,
      UUID projectId,
      UUID quoteNo,
      int version,
      QuoteStatus status,
      QuoteContent content,
      String documentHash,
      @Nullable String changeComment,
      Instant createdAt,
      @Nullable Instant sentAt,
      @Nullable UUID amends) {

    /** A new draft version with its document hash (an amendment's names what it amends). */
    public static StoredQuote draft(
        UUID workspaceId,
        UUID projectId,
        UUID quoteNo,
        int version,
        QuoteContent content,
        @Nullable UUID amends,
        Instant now) {
      UUID id = UUID.randomUUID();
      return new StoredQuote(
          id,
          workspaceId,
          projectId,
          quoteNo,
          version,
          QuoteStatus.DRAFT,
          content,
          hash(projectId, id, version, content, amends),
          null,
          now,
          null,
          amends);
    }

    /** The SHA-256 a signature on this version binds to. */
    public static String hash(
        UUID projectId, UUID quoteId, int version, QuoteContent c, @Nullable UUID amends) {
      return c.documentHash(
          projectId.toString(),
          quoteId.toString(),
          version,
          amends == null ? null : amends.toString());
    }

    /** Whether this version amends a signed contract rather than proposing the first one. */
    public boolean amendment() {
      return amends != null;
    }
  }

  public void insert(StoredQuote q) {
    jdbc.sql(
            """
            insert into quote (id, workspace_id, project_id, quote_no, version, status, content,
                               document_hash, valid_until, change_comment, created_at, sent_at,
                               amends)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            q.id(),
            q.workspaceId(),
            q.projectId(),
            q.quoteNo(),
            q.version(),
            q.status().name(),
            CanonicalJson.write(q.content().toMap()),
            q.documentHash(),
            Date.valueOf(q.content().validUntil()),
            q.changeComment(),
            Timestamp.from(q.createdAt()),
            q.sentAt() == null ? null : Timestamp.from(q.sentAt()),
            q.amends())
        .update();
  }

  public void updateContent(UUID workspaceId, UUID id, QuoteContent content, String hash) {
    jdbc.sql(
            """
            update quote set content = ?, document_hash = ?, valid_until = ?
            where workspace_id = ? and id = ? and status = 'DRAFT'
            """)
        .params(
            CanonicalJson.write(content.toMap()),
            hash,
            Date.valueOf(content.validUntil()),
            workspaceId,
            id)
        .update();
  }

  /** Moves a version from one status to another; false if it was no longer in {@code from}. */
  public boolean move(
      UUID workspaceId,
      UUID id,
      QuoteStatus from,
      QuoteStatus to,
      @Nullable Instant sentAt,
      @Nullable String comment) {
    return jdbc.sql(
                """
                update quote set status = ?, sent_at = coalesce(?, sent_at),
                       change_comment = coalesce(?, change_comment)
                where workspace_id = ? and id = ? and status = ?
                """)
            .params(
                to.name(),
                sentAt == null ? null : Timestamp.from(sentAt),
                comment,
                workspaceId,
                id,
                from.name())
            .update()
        == 1;
  }

  /** A quote version of the workspace; none of another workspace's, whatever the id. */
  public Optional<StoredQuote> find(UUID workspaceId, UUID id) {
    return jdbc.sql("select * from quote where workspace_id = ? and id = ?")
        .params(workspaceId, id)
        .query((rs, i) -> quote(rs))
        .optional();
  }

  /** One page of a project's quote versions, newest first; drafts only when asked for. */
  public io.tranche.app.platform.PageOf<StoredQuote> ofProject(
      UUID workspaceId, UUID projectId, boolean withDrafts, io.tranche.app.platform.Paging paging) {
    String drafts = withDrafts ? "" : " and status <> 'DRAFT'";
    List<StoredQuote> items =
        jdbc.sql(
                "select * from quote where workspace_id = ? and project_id = ?"
                    + drafts
                    + " order by created_at desc, version desc, id limit ? offset ?")
            .params(workspaceId, projectId, paging.size(), paging.offset())
            .query((rs, i) -> quote(rs))
            .list();
    return io.tranche.app.platform.PageOf.of(
        items,
        paging,
        () ->
            jdbc.sql(
                    "select count(*) from quote where workspace_id = ? and project_id = ?" + drafts)
                .params(workspaceId, projectId)
                .query(Long.class)
                .single());
  }

  public List<StoredQuote> ofProject(UUID workspaceId, UUID projectId) {
    return jdbc.sql(
            """
            select * from quote where workspace_id = ? and project_id = ?
            order by created_at desc, version desc
            """)
        .params(workspaceId, projectId)
        .query((rs, i) -> quote(rs))
        .list();
  }

  /**
   * Which of these projects have a quote sent and waiting for the client's signature, still valid
   * on {@code today}.
   */
  public java.util.Set<UUID> sentOfProjects(
      UUID workspaceId, java.util.Collection<UUID> ids, java.time.LocalDate today) {
    if (ids.isEmpty()) {
      return java.util.Set.of();
    }
    return java.util.Set.copyOf(
        jdbc.sql(
                """
                select distinct project_id from quote
                where workspace_id = :workspace and project_id in (:ids) and status = 'SENT'
                  and valid_until >= :today
                """)
            .param("workspace", workspaceId)
            .param("ids", ids)
            .param("today", java.sql.Date.valueOf(today))
            .query((rs, i) -> rs.getObject("project_id", UUID.class))
            .list());
  }

  public int nextVersion(UUID workspaceId, UUID quoteNo) {
    return jdbc.sql(
            "select coalesce(max(version), 0) + 1 from quote where workspace_id = ? and quote_no = ?")
        .params(workspaceId, quoteNo)
        .query(Integer.class)
        .single();
  }

  private StoredQuote quote(ResultSet rs) throws SQLException {
    Timestamp sent = rs.getTimestamp("sent_at");
    return new StoredQuote(
        rs.getObject("id", UUID.class),
        rs.getObject("workspace_id", UUID.class),
        rs.getObject("project_id", UUID.class),
        rs.getObject("quote_no", UUID.class),
        rs.getInt("version"),
        QuoteStatus.valueOf(rs.getString("status")),
        content(rs.getString("content")),
        rs.getString("document_hash"),
        rs.getString("change_comment"),
        rs.getTimestamp("created_at").toInstant(),
        sent == null ? null : sent.toInstant(),
        rs.getObject("amends", UUID.class));
  }

  private QuoteContent content(String text) {
    return contents.get(text, this::parse);
  }

  @SuppressWarnings("unchecked")
  private QuoteContent parse(String text) {
    Map<String, Object> m = json.readValue(text, new TypeReference<Map<String, Object>>() {});
    String currency = (String) m.get("currency");
    List<QuoteLine> lines =
        ((List<Map<String, Object>>) m.get("lines"))
            .stream()
                .map(
                    l ->
                        new QuoteLine(
                            (String) l.get("description"),
                            ((Number) l.get("quantity")).longValue(),
                            Money.of(((Number) l.get("unitPriceMinor")).longValue(), currency)))
                .toList();
    List<PlannedMilestone> planned =
        ((List<Map<String, Object>>) m.get("milestones"))
            .stream()
                .map(
                    p ->
                        new PlannedMilestone(
                            (String) p.get("name"),
                            Money.of(((Number) p.get("amountMinor")).longValue(), currency),
                            PaymentTrigger.valueOf((String) p.get("trigger"))))
                .toList();
    Map<String, Object> terms = (Map<String, Object>) m.get("terms");
    return new QuoteContent(
        (String) m.get("scope"),
        (String) m.get("timeline"),
        lines,
        ((Number) m.get("taxRateBasisPoints")).intValue(),
        new PaymentPlan(Money.of(((Number) m.get("grossMinor")).longValue(), currency), planned),
        LocalDate.parse((String) m.get("validUntil")),
        new QuoteTerms(
            ((Number) terms.get("reviewDays")).intValue(),
            ((Number) terms.get("modificationDays")).intValue(),
            Money.of(((Number) terms.get("creditLimitMinor")).longValue(), currency),
            !Boolean.FALSE.equals(terms.get("earlyCiphertextDownload"))));
  }
}
