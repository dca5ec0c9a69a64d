package io.tranche.app.preview.internal;

import io.tranche.app.preview.PreviewView;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code preview} table. */
@Repository
public class PreviewRepository {
  private final JdbcClient jdbc;

  PreviewRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(UUID workspaceId, PreviewView p, String by) {
    jdbc.sql(
            """
            insert into preview (id, workspace_id, project_id, milestone_id, name, files, bytes,
                                 created_at, created_by)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            p.id(),
            workspaceId,
            p.projectId(),
            p.milestoneId(),
            p.name(),
            p.files(),
            p.bytes(),
            Timestamp.from(p.createdAt()),
            by)
        .update();
  }

  public Optional<PreviewView> find(UUID workspaceId, UUID id) {
    return jdbc.sql("select * from preview where workspace_id = ? and id = ?")
        .params(workspaceId, id)
        .query(PreviewRepository::view)
        .optional();
  }

  public List<PreviewView> ofProject(UUID workspaceId, UUID projectId) {
    return jdbc.sql(
            "select * from preview where workspace_id = ? and project_id = ? order by created_at")
        .params(workspaceId, projectId)
        .query(PreviewRepository::view)
        .list();
  }

  private static PreviewView view(ResultSet rs, int i) throws SQLException {
    Timestamp revoked = rs.getTimestamp("revoked_at");
    return new PreviewView(
        rs.getObject("id", UUID.class),
        rs.getObject("project_id", UUID.class),
        rs.getObject("milestone_id", UUID.class),
        rs.getString("name"),
        rs.getInt("files"),
        rs.getLong("bytes"),
        rs.getTimestamp("created_at").toInstant(),
        revoked == null ? null : revoked.toInstant());
  }
}
