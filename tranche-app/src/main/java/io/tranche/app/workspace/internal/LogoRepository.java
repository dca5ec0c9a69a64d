package io.tranche.app.workspace.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The workspace's logo, and its SHA-256 on the workspace row. */
@Repository
public class LogoRepository {
  private final JdbcClient jdbc;

  LogoRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public record StoredLogo(byte[] png, String sha256) {}

  /** Keeps the logo in place of any earlier one. */
  public void save(UUID workspaceId, byte[] png, String sha256, Instant at) {
    jdbc.sql("delete from workspace_logo where workspace_id = ?").param(workspaceId).update();
    jdbc.sql(
            "insert into workspace_logo (workspace_id, png, sha256, updated_at) values (?, ?, ?, ?)")
        .params(workspaceId, png, sha256, Timestamp.from(at))
        .update();
    jdbc.sql("update workspace set logo_sha256 = ? where id = ?")
        .params(sha256, workspaceId)
        .update();
  }

  public void remove(UUID workspaceId) {
    jdbc.sql("delete from workspace_logo where workspace_id = ?").param(workspaceId).update();
    jdbc.sql("update workspace set logo_sha256 = null where id = ?").param(workspaceId).update();
  }

  public Optional<StoredLogo> find(UUID workspaceId) {
    return jdbc.sql("select png, sha256 from workspace_logo where workspace_id = ?")
        .param(workspaceId)
        .query((rs, i) -> new StoredLogo(rs.getBytes(1), rs.getString(2)))
        .optional();
  }
}
