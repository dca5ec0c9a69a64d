package io.tranche.app.workspace.internal;

import io.tranche.app.platform.CrossWorkspace;
import io.tranche.core.contract.SigningOrder;
import io.tranche.core.workspace.Member;
import io.tranche.core.workspace.MemberId;
import io.tranche.core.workspace.MemberRole;
import io.tranche.core.workspace.Workspace;
import io.tranche.core.workspace.WorkspaceId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code workspace} and {@code member} tables. */
@Repository
public class WorkspaceRepository {
  private final JdbcClient jdbc;

  WorkspaceRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(Workspace w) {
    jdbc.sql("insert into workspace (id, name, created_at) values (?, ?, ?)")
        .params(w.id().value(), w.name(), Timestamp.from(w.createdAt()))
        .update();
  }

  public void insert(Member m, String passwordHash, Instant at) {
    jdbc.sql(
            """
            insert into member (id, workspace_id, email, name, password_hash, role, created_at)
            values (?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            m.id().value(),
            m.workspaceId().value(),
            m.email(),
            m.name(),
            passwordHash,
            m.role().name(),
            Timestamp.from(at))
        .update();
  }

  public long count() {
    return jdbc.sql("select count(*) from workspace").query(Long.class).single();
  }

  public Optional<Workspace> find(UUID id) {
    return jdbc.sql("select * from workspace where id = ?")
        .param(id)
        .query(WorkspaceRepository::workspace)
        .optional();
  }

  public Optional<Workspace> findByName(String name) {
    return jdbc.sql("select * from workspace where name = ? order by created_at limit 1")
        .param(name)
        .query(WorkspaceRepository::workspace)
        .optional();
  }

  public io.tranche.app.workspace.WorkspaceSettings settings(UUID workspaceId) {
    return jdbc.sql(
            """
            select name, address, tax_id, currency, bank_details, invoice_prefix,
                   payment_terms_days, time_zone, signing_order, work_before_contract, tax_note
            from workspace where id = ?
            """)
        .param(workspaceId)
        .query((rs, i) -> settings(rs))
        .single();
  }

  /** A workspace with its settings, from one read of its row. */
  public Optional<io.tranche.app.workspace.CurrentWorkspace> findWithSettings(UUID id) {
    return jdbc.sql("select * from workspace where id = ?")
        .param(id)
        .query(
            (rs, i) ->
                new io.tranche.app.workspace.CurrentWorkspace(workspace(rs, i), settings(rs)))
        .optional();
  }

  private static io.tranche.app.workspace.WorkspaceSettings settings(ResultSet rs)
      throws SQLException {
    return new io.tranche.app.workspace.WorkspaceSettings(
        rs.getString("name"),
        rs.getString("address"),
        rs.getString("tax_id"),
        rs.getString("currency").trim(),
        rs.getString("bank_details"),
        rs.getString("invoice_prefix"),
        rs.getInt("payment_terms_days"),
        rs.getString("time_zone"),
        SigningOrder.valueOf(rs.getString("signing_order")),
        rs.getBoolean("work_before_contract"),
        rs.getString("tax_note"));
  }

  /** Writes every setting at once. */
  public void saveSettings(UUID workspaceId, io.tranche.app.workspace.WorkspaceSettings s) {
    jdbc.sql(
            """
            update workspace set name = ?, address = ?, tax_id = ?, currency = ?, bank_details = ?,
                   invoice_prefix = ?, payment_terms_days = ?, time_zone = ?, signing_order = ?,
                   work_before_contract = ?, tax_note = ?
            where id = ?
            """)
        .params(
            s.name(),
            s.address(),
            s.taxId(),
            s.currency(),
            s.bankDetails(),
            s.invoicePrefix(),
            s.paymentTermsDays(),
            s.timeZone(),
            s.signingOrder().name(),
            s.workBeforeContract(),
            s.taxNote(),
            workspaceId)
        .update();
  }

  public io.tranche.app.workspace.WorkspaceService.InvoiceSettings invoiceSettings(
      UUID workspaceId) {
    return jdbc.sql(
            "select invoice_prefix, payment_terms_days, bank_details from workspace where id = ?")
        .param(workspaceId)
        .query(
            (rs, i) ->
                new io.tranche.app.workspace.WorkspaceService.InvoiceSettings(
                    rs.getString(1), rs.getInt(2), rs.getString(3)))
        .single();
  }

  public void setInvoicePrefix(UUID workspaceId, String prefix) {
    jdbc.sql("update workspace set invoice_prefix = ? where id = ?")
        .params(prefix, workspaceId)
        .update();
  }

  public void setPaymentTermsDays(UUID workspaceId, int days) {
    jdbc.sql("update workspace set payment_terms_days = ? where id = ?")
        .params(days, workspaceId)
        .update();
  }

  public void setBankDetails(UUID workspaceId, @org.jspecify.annotations.Nullable String details) {
    jdbc.sql("update workspace set bank_details = ? where id = ?")
        .params(details, workspaceId)
        .update();
  }

  public SigningOrder signingOrder(UUID workspaceId) {
    return jdbc.sql("select signing_order from workspace where id = ?")
        .param(workspaceId)
        .query((rs, i) -> SigningOrder.valueOf(rs.getString(1)))
        .single();
  }

  public void setSigningOrder(UUID workspaceId, SigningOrder order) {
    jdbc.sql("update workspace set signing_order = ? where id = ?")
        .params(order.name(), workspaceId)
        .update();
  }

  public String timeZone(UUID workspaceId) {
    return jdbc.sql("select time_zone from workspace where id = ?")
        .param(workspaceId)
        .query(String.class)
        .single();
  }

  public void setTimeZone(UUID workspaceId, String zone) {
    jdbc.sql("update workspace set time_zone = ? where id = ?").params(zone, workspaceId).update();
  }

  public boolean workBeforeContract(UUID workspaceId) {
    return jdbc.sql("select work_before_contract from workspace where id = ?")
        .param(workspaceId)
        .query(Boolean.class)
        .single();
  }

  public void setWorkBeforeContract(UUID workspaceId, boolean allowed) {
    jdbc.sql("update workspace set work_before_contract = ? where id = ?")
        .params(allowed, workspaceId)
        .update();
  }

  public List<String> memberEmails(UUID workspaceId) {
    return jdbc.sql("select email from member where workspace_id = ? order by email")
        .param(workspaceId)
        .query(String.class)
        .list();
  }

  @CrossWorkspace("a sign-in names an address, which names the member and the workspace")
  public Optional<Member> memberByEmail(String email) {
    return jdbc.sql("select * from member where email = ?")
        .param(email)
        .query(WorkspaceRepository::member)
        .optional();
  }

  @CrossWorkspace("a signed-in member's session names the member, who names the workspace")
  public Optional<Member> member(UUID id) {
    return jdbc.sql("select * from member where id = ?")
        .param(id)
        .query(WorkspaceRepository::member)
        .optional();
  }

  /** A member and their password hash, for sign-in. */
  @CrossWorkspace("a sign-in names an address, which names the member and the workspace")
  public Optional<StoredMember> memberWithHash(String email) {
    return jdbc.sql("select * from member where email = ?")
        .param(email)
        .query((rs, i) -> new StoredMember(member(rs, i), rs.getString("password_hash")))
        .optional();
  }

  /** A member row with its password hash. */
  public record StoredMember(Member member, String passwordHash) {}

  private static Workspace workspace(ResultSet rs, int i) throws SQLException {
    return new Workspace(
        new WorkspaceId(rs.getObject("id", UUID.class)),
        rs.getString("name"),
        rs.getTimestamp("created_at").toInstant(),
        rs.getString("logo_sha256"));
  }

  private static Member member(ResultSet rs, int i) throws SQLException {
    return new Member(
        new MemberId(rs.getObject("id", UUID.class)),
        new WorkspaceId(rs.getObject("workspace_id", UUID.class)),
        rs.getString("email"),
        rs.getString("name"),
        MemberRole.valueOf(rs.getString("role")));
  }
}
