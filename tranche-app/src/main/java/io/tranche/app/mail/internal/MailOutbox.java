package io.tranche.app.mail.internal;

import io.tranche.app.mail.MailStatus;
import io.tranche.app.mail.MailboxEntry;
import io.tranche.app.mail.OutgoingMail;
import io.tranche.app.platform.CrossWorkspace;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code mail_outbox} table. */
@Repository
public class MailOutbox {
  private final JdbcClient jdbc;
  private final Clock clock;

  MailOutbox(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public UUID insert(OutgoingMail mail) {
    UUID id = UUID.randomUUID();
    Instant now = clock.instant();
    jdbc.sql(
            """
            insert into mail_outbox (id, workspace_id, recipient, subject, body, status, attempts,
                                     created_at, next_attempt_at, attachments)
            values (:id, :workspace, :recipient, :subject, :body, 'PENDING', 0, :now, :now,
                    :attachments)
            """)
        .param("id", id)
        .param("workspace", mail.workspaceId())
        .param("recipient", mail.recipient())
        .param("subject", mail.subject())
        .param("body", mail.body())
        .param("now", Timestamp.from(now))
        .param(
            "attachments",
            mail.attachments().isEmpty() ? null : String.join(",", mail.attachments()))
        .update();
    return id;
  }

  @CrossWorkspace("the mail dispatcher sends every workspace's mail")
  List<MailboxEntry> due(Instant now, int limit) {
    return jdbc.sql(
            """
            select * from mail_outbox where status = 'PENDING' and next_attempt_at <= :now
            order by next_attempt_at limit :limit
            """)
        .param("now", Timestamp.from(now))
        .param("limit", limit)
        .query((rs, i) -> entry(rs))
        .list();
  }

  /**
   * Claims a pending mail for one delivery attempt by pushing its next attempt into the future;
   * only one node wins the claim, so a mail is not sent twice by two nodes.
   */
  @CrossWorkspace("the mail dispatcher claims a row it read from every workspace's mail")
  boolean claim(UUID id, int attempts, Instant until) {
    return jdbc.sql(
                """
                update mail_outbox set next_attempt_at = :until, attempts = :next
                where id = :id and status = 'PENDING' and attempts = :attempts
                """)
            .param("until", Timestamp.from(until))
            .param("next", attempts + 1)
            .param("id", id)
            .param("attempts", attempts)
            .update()
        == 1;
  }

  @CrossWorkspace("the mail dispatcher records the outcome of a row it claimed")
  void finish(UUID id, MailStatus status, Instant at) {
    jdbc.sql(
            "update mail_outbox set status = :status, sent_at = :at, last_error = null where id = :id")
        .param("status", status.name())
        .param("at", Timestamp.from(at))
        .param("id", id)
        .update();
  }

  /**
   * A failed attempt: tried again at {@code next}, or given up. A mail another node sent meanwhile
   * (it took over a claim that ran out) stays sent: a late failure does not queue it again.
   */
  @CrossWorkspace("the mail dispatcher records the outcome of a row it claimed")
  void retryLater(UUID id, Instant next, String error, boolean giveUp) {
    jdbc.sql(
            """
            update mail_outbox set next_attempt_at = :next, last_error = :error, status = :status
            where id = :id and status = 'PENDING'
            """)
        .param("next", Timestamp.from(next))
        .param("error", error.length() > 500 ? error.substring(0, 500) : error)
        .param("status", giveUp ? MailStatus.FAILED.name() : MailStatus.PENDING.name())
        .param("id", id)
        .update();
  }

  public List<MailboxEntry> forWorkspace(UUID workspaceId, int limit) {
    return jdbc.sql(
            "select * from mail_outbox where workspace_id = :ws order by created_at desc limit :limit")
        .param("ws", workspaceId)
        .param("limit", limit)
        .query((rs, i) -> entry(rs))
        .list();
  }

  private static MailboxEntry entry(java.sql.ResultSet rs) throws java.sql.SQLException {
    Timestamp sent = rs.getTimestamp("sent_at");
    return new MailboxEntry(
        rs.getObject("id", UUID.class),
        rs.getString("recipient"),
        rs.getString("subject"),
        rs.getString("body"),
        MailStatus.valueOf(rs.getString("status")),
        rs.getInt("attempts"),
        rs.getTimestamp("created_at").toInstant(),
        sent == null ? null : sent.toInstant(),
        rs.getObject("workspace_id", UUID.class),
        rs.getString("attachments") == null
            ? java.util.List.of()
            : java.util.List.of(rs.getString("attachments").split(",")));
  }
}
