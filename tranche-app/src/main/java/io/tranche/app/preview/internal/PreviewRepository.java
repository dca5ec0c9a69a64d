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

  public void insert(
      UUID workspaceId,
      PreviewView p,
      String by,
      @org.jspecify.annotations.Nullable String upstream) {
    jdbc.sql(
            """
            insert into preview (id, workspace_id, project_id, milestone_id, name, kind, files,
                                 bytes, created_at, created_by, upstream_url, as_uploaded, state)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            p.id(),
            workspaceId,
            p.projectId(),
            p.milestoneId(),
            p.name(),
            p.kind(),
            p.files(),
            p.bytes(),
            Timestamp.from(p.createdAt()),
            by,
            upstream,
            p.asUploaded(),
            p.state())
        .update();
  }

  /**
   * A video being prepared becomes READY, or FAILED with its problem; false when it is not being
   * prepared (any more).
   */
  public boolean prepared(
      UUID workspaceId, UUID id, String state, @org.jspecify.annotations.Nullable String problem) {
    return jdbc.sql(
                """
                update preview set state = ?, problem = ?
                where workspace_id = ? and id = ? and state = 'PREPARING' and revoked_at is null
                """)
            .params(state, problem, workspaceId, id)
            .update()
        == 1;
  }

  /** The staging address an {@code UPSTREAM} preview shows. */
  public Optional<String> upstream(UUID workspaceId, UUID id) {
    return jdbc.sql("select upstream_url from preview where workspace_id = ? and id = ?")
        .params(workspaceId, id)
        .query(String.class)
        .optional();
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
        rs.getString("kind"),
        rs.getInt("files"),
        rs.getLong("bytes"),
        rs.getTimestamp("created_at").toInstant(),
        revoked == null ? null : revoked.toInstant(),
        rs.getBoolean("as_uploaded"),
        rs.getString("state").trim(),
        rs.getString("problem"));
  }

  /** A share link: the preview it opens and until when. */
  public record Link(
      UUID workspaceId, UUID previewId, java.time.Instant expiresAt, boolean revoked) {}

  public void insertLink(
      String tokenHash,
      UUID workspaceId,
      UUID previewId,
      java.time.Instant at,
      java.time.Instant expires,
      String by) {
    jdbc.sql(
            """
            insert into preview_link (token_hash, workspace_id, preview_id, created_at, created_by,
                                      expires_at)
            values (?, ?, ?, ?, ?, ?)
            """)
        .params(tokenHash, workspaceId, previewId, Timestamp.from(at), by, Timestamp.from(expires))
        .update();
  }

  /** The link a token's hash names, in any workspace: the token is the secret that finds it. */
  @io.tranche.app.platform.CrossWorkspace("a share link's token is a secret that names its preview")
  public Optional<Link> link(String tokenHash) {
    return jdbc.sql(
            "select workspace_id, preview_id, expires_at, revoked_at from preview_link"
                + " where token_hash = ?")
        .param(tokenHash)
        .query(
            (rs, i) ->
                new Link(
                    rs.getObject(1, UUID.class),
                    rs.getObject(2, UUID.class),
                    rs.getTimestamp(3).toInstant(),
                    rs.getTimestamp(4) != null))
        .optional();
  }

  public boolean revokeLinks(UUID workspaceId, UUID previewId, java.time.Instant at) {
    return jdbc.sql(
                """
                update preview_link set revoked_at = ?
                where workspace_id = ? and preview_id = ? and revoked_at is null
                """)
            .params(Timestamp.from(at), workspaceId, previewId)
            .update()
        > 0;
  }

  /** Notes that {@code viewer} opened a preview (first time kept, last time moved). */
  public void recordView(
      UUID workspaceId,
      UUID previewId,
      String viewer,
      @org.jspecify.annotations.Nullable String email,
      java.time.Instant at) {
    int seen =
        jdbc.sql(
                """
                update preview_view set last_viewed_at = ?
                where workspace_id = ? and preview_id = ? and viewer = ?
                """)
            .params(Timestamp.from(at), workspaceId, previewId, viewer)
            .update();
    if (seen == 0) {
      jdbc.sql(
              """
              insert into preview_view (preview_id, workspace_id, viewer, viewer_email,
                                        first_viewed_at, last_viewed_at)
              values (?, ?, ?, ?, ?, ?)
              on conflict do nothing
              """)
          .params(previewId, workspaceId, viewer, email, Timestamp.from(at), Timestamp.from(at))
          .update();
    }
  }

  /** The previews of a milestone, oldest first, that are not revoked. */
  public List<PreviewView> ofMilestone(UUID workspaceId, UUID milestoneId) {
    return jdbc.sql(
            """
            select * from preview
            where workspace_id = ? and milestone_id = ? and revoked_at is null
              and state = 'READY'
            order by created_at
            """)
        .params(workspaceId, milestoneId)
        .query(PreviewRepository::view)
        .list();
  }

  /** The names of a milestone's previews {@code viewer} opened, oldest preview first. */
  public List<String> viewedBy(UUID workspaceId, UUID milestoneId, String viewer) {
    return jdbc.sql(
            """
            select p.name from preview p
            join preview_view v on v.preview_id = p.id and v.workspace_id = p.workspace_id
            where p.workspace_id = ? and p.milestone_id = ? and v.viewer = ?
            order by p.created_at
            """)
        .params(workspaceId, milestoneId, viewer)
        .query(String.class)
        .list();
  }

  /** Who opened a preview, first and last. */
  public record Viewer(String email, java.time.Instant first, java.time.Instant last) {}

  public List<Viewer> viewers(UUID workspaceId, UUID previewId) {
    return jdbc.sql(
            """
            select viewer, viewer_email, first_viewed_at, last_viewed_at from preview_view
            where workspace_id = ? and preview_id = ? order by first_viewed_at
            """)
        .params(workspaceId, previewId)
        .query(
            (rs, i) ->
                new Viewer(
                    rs.getString(2) == null ? rs.getString(1) : rs.getString(2),
                    rs.getTimestamp(3).toInstant(),
                    rs.getTimestamp(4).toInstant()))
        .list();
  }

  public boolean revoke(UUID workspaceId, UUID previewId, java.time.Instant at) {
    return jdbc.sql(
                """
                update preview set revoked_at = ?
                where workspace_id = ? and id = ? and revoked_at is null
                """)
            .params(Timestamp.from(at), workspaceId, previewId)
            .update()
        == 1;
  }

  public void insertGrant(
      String tokenHash,
      io.tranche.app.preview.PreviewGrant grant,
      @org.jspecify.annotations.Nullable String linkHash,
      java.time.Instant at,
      java.time.Instant expires) {
    jdbc.sql(
            """
            delete from preview_grant
            where workspace_id = ? and preview_id = ? and expires_at < ?
            """)
        .params(grant.workspaceId(), grant.previewId(), Timestamp.from(at))
        .update();
    jdbc.sql(
            """
            insert into preview_grant (token_hash, workspace_id, preview_id, viewer, viewer_email,
                                       link_hash, created_at, expires_at)
            values (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            tokenHash,
            grant.workspaceId(),
            grant.previewId(),
            grant.viewer(),
            grant.email(),
            linkHash,
            Timestamp.from(at),
            Timestamp.from(expires))
        .update();
  }

  /** A pass and until when it works, in any workspace: the token is the secret that finds it. */
  public record Pass(io.tranche.app.preview.PreviewGrant grant, java.time.Instant expiresAt) {}

  @io.tranche.app.platform.CrossWorkspace(
      "a preview pass's token is a secret that names its preview")
  public Optional<Pass> grant(String tokenHash) {
    return jdbc.sql(
            "select workspace_id, preview_id, viewer, viewer_email, expires_at from preview_grant"
                + " where token_hash = ?")
        .param(tokenHash)
        .query(
            (rs, i) ->
                new Pass(
                    new io.tranche.app.preview.PreviewGrant(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getString(3),
                        rs.getString(4)),
                    rs.getTimestamp(5).toInstant()))
        .optional();
  }

  /** Ends the passes that came through a preview's share links. */
  public void endLinkGrants(UUID workspaceId, UUID previewId) {
    jdbc.sql(
            """
            delete from preview_grant
            where workspace_id = ? and preview_id = ? and link_hash is not null
            """)
        .params(workspaceId, previewId)
        .update();
  }
}
