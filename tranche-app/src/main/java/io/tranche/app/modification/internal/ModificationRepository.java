package io.tranche.app.modification.internal;

import io.tranche.core.modification.ModificationKind;
import io.tranche.core.modification.ModificationRequest;
import io.tranche.core.modification.ModificationStatus;
import io.tranche.core.project.ProjectId;
import io.tranche.core.workspace.WorkspaceId;
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

/** The {@code modification_request} table; every statement carries the workspace. */
@Repository
public class ModificationRepository {
  private final JdbcClient jdbc;

  ModificationRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A stored request with what the table keeps beside the domain value. */
  public record Stored(
      ModificationRequest request,
      String filedBy,
      Instant filedAt,
      @Nullable UUID quoteId,
      @Nullable UUID messageId,
      int version) {}

  /** The next request number of a project (the unique key refuses a duplicate). */
  public int nextNumber(UUID workspaceId, UUID projectId) {
    return jdbc.sql(
            """
            select coalesce(max(number), 0) + 1 from modification_request
            where workspace_id = ? and project_id = ?
            """)
        .params(workspaceId, projectId)
        .query(Integer.class)
        .single();
  }

  public void insert(ModificationRequest r, String filedBy, Instant at, @Nullable UUID messageId) {
    jdbc.sql(
            """
            insert into modification_request (id, workspace_id, project_id, number, what,
                location, expected, filed_by, filed_at, in_window, kind, status, quote_id,
                message_id, version, updated_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null, ?, 0, ?)
            """)
        .params(
            r.id(),
            r.workspaceId().value(),
            r.projectId().value(),
            r.number(),
            r.what(),
            r.location(),
            r.expected(),
            filedBy,
            Timestamp.from(at),
            r.inWindow(),
            r.kind() == null ? null : r.kind().name(),
            r.status().name(),
            messageId,
            Timestamp.from(at))
        .update();
  }

  /** Stores the next version if nobody changed the row since {@code version} was read. */
  public boolean update(ModificationRequest r, @Nullable UUID quoteId, int version, Instant at) {
    return jdbc.sql(
                """
                update modification_request
                set kind = ?, status = ?, quote_id = coalesce(?, quote_id),
                    version = version + 1, updated_at = ?
                where workspace_id = ? and id = ? and version = ?
                """)
            .params(
                r.kind() == null ? null : r.kind().name(),
                r.status().name(),
                quoteId,
                Timestamp.from(at),
                r.workspaceId().value(),
                r.id(),
                version)
            .update()
        == 1;
  }

  public Optional<Stored> find(UUID workspaceId, UUID id) {
    return jdbc.sql("select * from modification_request where workspace_id = ? and id = ?")
        .params(workspaceId, id)
        .query((rs, i) -> stored(rs))
        .optional();
  }

  public List<Stored> ofProject(UUID workspaceId, UUID projectId) {
    return jdbc.sql(
            """
            select * from modification_request where workspace_id = ? and project_id = ?
            order by number
            """)
        .params(workspaceId, projectId)
        .query((rs, i) -> stored(rs))
        .list();
  }

  /** The request a change-order quote was drafted for, if any. */
  public Optional<Stored> ofQuote(UUID workspaceId, UUID quoteId) {
    return jdbc.sql("select * from modification_request where workspace_id = ? and quote_id = ?")
        .params(workspaceId, quoteId)
        .query((rs, i) -> stored(rs))
        .optional();
  }

  public long count(UUID workspaceId, UUID projectId) {
    return jdbc.sql(
            "select count(*) from modification_request where workspace_id = ? and project_id = ?")
        .params(workspaceId, projectId)
        .query(Long.class)
        .single();
  }

  private static Stored stored(ResultSet rs) throws SQLException {
    String kind = rs.getString("kind");
    ModificationRequest r =
        new ModificationRequest(
            rs.getObject("id", UUID.class),
            new WorkspaceId(rs.getObject("workspace_id", UUID.class)),
            new ProjectId(rs.getObject("project_id", UUID.class)),
            rs.getInt("number"),
            rs.getString("what"),
            rs.getString("location"),
            rs.getString("expected"),
            rs.getBoolean("in_window"),
            kind == null ? null : ModificationKind.valueOf(kind),
            ModificationStatus.valueOf(rs.getString("status")));
    return new Stored(
        r,
        rs.getString("filed_by"),
        rs.getTimestamp("filed_at").toInstant(),
        rs.getObject("quote_id", UUID.class),
        rs.getObject("message_id", UUID.class),
        rs.getInt("version"));
  }
}
