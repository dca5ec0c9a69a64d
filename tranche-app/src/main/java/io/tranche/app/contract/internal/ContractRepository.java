package io.tranche.app.contract.internal;

import io.tranche.app.contract.ContractView.ContractStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code contract} table. */
@Repository
public class ContractRepository {
  private final JdbcClient jdbc;

  ContractRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A stored contract. */
  public record StoredContract(
      UUID id,
      UUID workspaceId,
      UUID projectId,
      UUID quoteId,
      String documentHash,
      ContractStatus status,
      @Nullable String pdfBlobKey,
      @Nullable String pdfSha256,
      Instant createdAt,
      @Nullable Instant completedAt) {}

  public void insert(
      UUID id, UUID workspaceId, UUID projectId, UUID quoteId, String hash, Instant at) {
    jdbc.sql(
            """
            insert into contract (id, workspace_id, project_id, quote_id, document_hash, status, created_at)
            values (?, ?, ?, ?, ?, 'AWAITING_VENDOR', ?)
            """)
        .params(id, workspaceId, projectId, quoteId, hash, Timestamp.from(at))
        .update();
  }

  public boolean complete(UUID workspaceId, UUID id, String pdfKey, String pdfSha256, Instant at) {
    return jdbc.sql(
                """
                update contract set status = 'SIGNED', pdf_blob_key = ?, pdf_sha256 = ?, completed_at = ?
                where workspace_id = ? and id = ? and status = 'AWAITING_VENDOR'
                """)
            .params(pdfKey, pdfSha256, Timestamp.from(at), workspaceId, id)
            .update()
        == 1;
  }

  /** A contract of the workspace; none of another workspace's, whatever the id. */
  public Optional<StoredContract> find(UUID workspaceId, UUID id) {
    return jdbc.sql("select * from contract where workspace_id = ? and id = ?")
        .params(workspaceId, id)
        .query((rs, i) -> contract(rs))
        .optional();
  }

  /** A project's contracts, within the workspace. */
  public List<StoredContract> ofProject(UUID workspaceId, UUID projectId) {
    return jdbc.sql(
            "select * from contract where workspace_id = ? and project_id = ? order by created_at")
        .params(workspaceId, projectId)
        .query((rs, i) -> contract(rs))
        .list();
  }

  private static StoredContract contract(ResultSet rs) throws SQLException {
    Timestamp done = rs.getTimestamp("completed_at");
    return new StoredContract(
        rs.getObject("id", UUID.class),
        rs.getObject("workspace_id", UUID.class),
        rs.getObject("project_id", UUID.class),
        rs.getObject("quote_id", UUID.class),
        rs.getString("document_hash"),
        ContractStatus.valueOf(rs.getString("status")),
        rs.getString("pdf_blob_key"),
        rs.getString("pdf_sha256"),
        rs.getTimestamp("created_at").toInstant(),
        done == null ? null : done.toInstant());
  }
}
