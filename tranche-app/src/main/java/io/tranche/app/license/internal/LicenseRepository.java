package io.tranche.app.license.internal;

import io.tranche.app.license.LicenseView;
import io.tranche.app.platform.CrossWorkspace;
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

/** The {@code license} and {@code license_activation} tables. */
@Repository
public class LicenseRepository {
  private static final String VIEW =
      """
      select l.*, (select count(*) from license_activation a
                   where a.workspace_id = l.workspace_id and a.license_id = l.id) as activations
      from license l
      """;

  private final JdbcClient jdbc;

  LicenseRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A licence to keep: what it says, and its signed token. */
  public record NewLicense(
      UUID id,
      UUID workspaceId,
      UUID projectId,
      @Nullable UUID milestoneId,
      String edition,
      String licensee,
      String product,
      Instant notBefore,
      Instant expiresAt,
      long graceSeconds,
      int machines,
      String token,
      String issuedBy) {}

  /**
   * Keeps a licence; false when the release already has its licence of this edition (the unique key
   * of workspace, milestone and edition), so concurrent triggers issue it once.
   */
  public boolean insert(NewLicense l, Instant at) {
    return jdbc.sql(
                """
                insert into license (id, workspace_id, project_id, milestone_id, edition, licensee,
                    product, not_before, expires_at, grace_seconds, machines, token, issued_at,
                    issued_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict do nothing
                """)
            .params(
                l.id(),
                l.workspaceId(),
                l.projectId(),
                l.milestoneId(),
                l.edition(),
                l.licensee(),
                l.product(),
                Timestamp.from(l.notBefore()),
                Timestamp.from(l.expiresAt()),
                l.graceSeconds(),
                l.machines(),
                l.token(),
                Timestamp.from(at),
                l.issuedBy())
            .update()
        == 1;
  }

  public List<LicenseView> ofProject(UUID workspaceId, UUID projectId) {
    return jdbc.sql(VIEW + " where l.workspace_id = ? and l.project_id = ? order by l.issued_at")
        .params(workspaceId, projectId)
        .query(LicenseRepository::view)
        .list();
  }

  public Optional<LicenseView> find(UUID workspaceId, UUID id) {
    return jdbc.sql(VIEW + " where l.workspace_id = ? and l.id = ?")
        .params(workspaceId, id)
        .query(LicenseRepository::view)
        .optional();
  }

  public Optional<String> token(UUID workspaceId, UUID id) {
    return jdbc.sql("select token from license where workspace_id = ? and id = ?")
        .params(workspaceId, id)
        .query(String.class)
        .optional();
  }

  /** The workspace a licence id belongs to, for the public validation that starts from a token. */
  @CrossWorkspace("an app validates a licence by its id; the id names the workspace")
  public Optional<UUID> workspaceOf(UUID id) {
    return jdbc.sql("select workspace_id from license where id = ?")
        .param(id)
        .query(UUID.class)
        .optional();
  }

  public boolean revoke(UUID workspaceId, UUID id, String reason, Instant at) {
    return jdbc.sql(
                """
                update license set revoked_at = ?, revoked_reason = ?
                where workspace_id = ? and id = ? and revoked_at is null
                """)
            .params(Timestamp.from(at), reason, workspaceId, id)
            .update()
        == 1;
  }

  /** The workspace's revoked licence ids, for the revocation list apps fetch. */
  public List<String> revokedIds(UUID workspaceId) {
    return jdbc.sql(
            "select id from license where workspace_id = ? and revoked_at is not null order by id")
        .param(workspaceId)
        .query((rs, i) -> rs.getObject(1, UUID.class).toString())
        .list();
  }

  /**
   * Counts a machine for a licence: true when it is known or there is room under {@code limit} (0 =
   * no limit). The licence row is locked first, so two machines cannot both take the last place.
   */
  public boolean activate(UUID workspaceId, UUID id, String machine, int limit, Instant at) {
    jdbc.sql("select id from license where workspace_id = ? and id = ? for update")
        .params(workspaceId, id)
        .query(UUID.class)
        .single();
    int touched =
        jdbc.sql(
                """
                update license_activation set last_seen = ?
                where workspace_id = ? and license_id = ? and machine = ?
                """)
            .params(Timestamp.from(at), workspaceId, id, machine)
            .update();
    if (touched == 1) {
      return true;
    }
    long count =
        jdbc.sql(
                "select count(*) from license_activation where workspace_id = ? and license_id = ?")
            .params(workspaceId, id)
            .query(Long.class)
            .single();
    if (limit > 0 && count >= limit) {
      return false;
    }
    jdbc.sql(
            "insert into license_activation (license_id, workspace_id, machine, first_seen,"
                + " last_seen) values (?, ?, ?, ?, ?)")
        .params(id, workspaceId, machine, Timestamp.from(at), Timestamp.from(at))
        .update();
    return true;
  }

  private static LicenseView view(ResultSet rs, int i) throws SQLException {
    Timestamp revoked = rs.getTimestamp("revoked_at");
    return new LicenseView(
        rs.getObject("id", UUID.class),
        rs.getObject("project_id", UUID.class),
        rs.getObject("milestone_id", UUID.class),
        rs.getString("edition"),
        rs.getString("licensee"),
        rs.getString("product"),
        rs.getTimestamp("not_before").toInstant(),
        rs.getTimestamp("expires_at").toInstant(),
        rs.getLong("grace_seconds"),
        rs.getInt("machines"),
        rs.getTimestamp("issued_at").toInstant(),
        revoked == null ? null : revoked.toInstant(),
        rs.getString("revoked_reason"),
        rs.getInt("activations"));
  }
}
