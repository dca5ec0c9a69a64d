package io.tranche.app.artifact.internal;

import io.tranche.app.platform.CrossWorkspace;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Artifacts, releases and download tokens. */
@Repository
public class ArtifactRepository {
  public static final String SEALING = "SEALING";
  public static final String SEALED = "SEALED";

  private final JdbcClient jdbc;

  ArtifactRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** An artifact row; the digests are null while it is still sealing. */
  public record StoredArtifact(
      UUID id,
      UUID workspaceId,
      UUID projectId,
      UUID milestoneId,
      String name,
      String mediaType,
      String state,
      String blobKey,
      String wrappedKey,
      String keyCommitment,
      long plaintextSize,
      @Nullable String plaintextSha256,
      long ciphertextSize,
      @Nullable String ciphertextSha256,
      Instant createdAt,
      @Nullable String receiptJws,
      @Nullable Instant receiptAt) {}

  /** A milestone's release. */
  public record Release(
      UUID milestoneId,
      String reason,
      String actor,
      Instant releasedAt,
      @Nullable String reversal,
      @Nullable Instant reversedAfterAt) {}

  /** A download token's row. */
  public record Token(
      UUID artifactId, UUID workspaceId, String kind, String actor, Instant expiresAt) {}

  /** Records an upload about to stream (committed on its own, so a crash leaves a trace). */
  public void insertSealing(
      UUID id,
      UUID workspaceId,
      UUID projectId,
      UUID milestoneId,
      String name,
      String mediaType,
      String blobKey,
      String wrappedKey,
      String keyCommitment,
      String uploadedBy,
      Instant at) {
    jdbc.sql(
            """
            insert into artifact (id, workspace_id, project_id, milestone_id, name, media_type, state,
                                  blob_key, wrapped_key, key_commitment, uploaded_by, created_at,
                                  heartbeat_at)
            values (?, ?, ?, ?, ?, ?, 'SEALING', ?, ?, ?, ?, ?, ?)
            """)
        .params(
            id,
            workspaceId,
            projectId,
            milestoneId,
            name,
            mediaType,
            blobKey,
            wrappedKey,
            keyCommitment,
            uploadedBy,
            Timestamp.from(at),
            Timestamp.from(at))
        .update();
  }

  /** An upload still streaming says so. */
  public void heartbeat(UUID workspaceId, UUID id, Instant at) {
    jdbc.sql(
            "update artifact set heartbeat_at = ? where workspace_id = ? and id = ? and state = 'SEALING'")
        .params(Timestamp.from(at), workspaceId, id)
        .update();
  }

  /** Marks an upload sealed, with its digests; false if the row is gone (swept). */
  public boolean markSealed(
      UUID workspaceId,
      UUID id,
      long plainSize,
      String plainSha,
      long cipherSize,
      String cipherSha,
      Instant at) {
    return jdbc.sql(
                """
                update artifact set state = 'SEALED', plaintext_size = ?, plaintext_sha256 = ?,
                       ciphertext_size = ?, ciphertext_sha256 = ?, sealed_at = ?
                where workspace_id = ? and id = ? and state = 'SEALING'
                """)
            .params(plainSize, plainSha, cipherSize, cipherSha, Timestamp.from(at), workspaceId, id)
            .update()
        == 1;
  }

  /**
   * Claims a silent upload for removal; false when it has moved meanwhile (sealed after all, or its
   * heartbeat came back), in which case it must be left alone.
   */
  public boolean claimForSweep(UUID workspaceId, UUID id, Instant cutoff) {
    return jdbc.sql(
                """
                update artifact set state = 'SWEEPING'
                where workspace_id = ? and id = ?
                  and (state = 'SWEEPING' or (state = 'SEALING' and heartbeat_at < ?))
                """)
            .params(workspaceId, id, Timestamp.from(cutoff))
            .update()
        == 1;
  }

  /** Deletes an artifact that has no receipt; false when it has one (or is gone). */
  public boolean deleteUnreceipted(UUID workspaceId, UUID id) {
    return jdbc.sql(
                "delete from artifact where workspace_id = ? and id = ? and receipt_jws is null")
            .params(workspaceId, id)
            .update()
        == 1;
  }

  public void delete(UUID workspaceId, UUID id) {
    jdbc.sql("delete from artifact where workspace_id = ? and id = ?")
        .params(workspaceId, id)
        .update();
  }

  /** A sealed artifact of the workspace; none of another workspace's, whatever the id. */
  public Optional<StoredArtifact> find(UUID workspaceId, UUID id) {
    return jdbc.sql("select * from artifact where workspace_id = ? and id = ? and state = 'SEALED'")
        .params(workspaceId, id)
        .query(ArtifactRepository::map)
        .optional();
  }

  /** A milestone's sealed artifacts, within the workspace. */
  public List<StoredArtifact> ofMilestone(UUID workspaceId, UUID milestoneId) {
    return jdbc.sql(
            """
            select * from artifact where workspace_id = ? and milestone_id = ? and state = 'SEALED'
            order by created_at, id
            """)
        .params(workspaceId, milestoneId)
        .query(ArtifactRepository::map)
        .list();
  }

  /** A project's sealed artifacts, within the workspace. */
  public List<StoredArtifact> ofProject(UUID workspaceId, UUID projectId) {
    return jdbc.sql(
            """
            select * from artifact where workspace_id = ? and project_id = ? and state = 'SEALED'
            order by created_at, id
            """)
        .params(workspaceId, projectId)
        .query(ArtifactRepository::map)
        .list();
  }

  /** The milestones with a sealed file ({@code withReceipt}: only files with their receipt). */
  public java.util.Set<UUID> milestonesWithFiles(
      UUID workspaceId, UUID projectId, boolean withReceipt) {
    return new java.util.HashSet<>(
        jdbc.sql(
                """
                select distinct milestone_id from artifact
                where workspace_id = ? and project_id = ? and state = 'SEALED'
                  and (? or receipt_jws is not null)
                """)
            .params(workspaceId, projectId, !withReceipt)
            .query((rs, i) -> rs.getObject(1, UUID.class))
            .list());
  }

  /**
   * The names of sealed files whose milestone has no release yet, by milestone, oldest first
   * ({@code withReceipt}: only files with their receipt).
   */
  public Map<UUID, List<String>> unreleasedNames(
      UUID workspaceId, UUID projectId, boolean withReceipt) {
    Map<UUID, List<String>> names = new HashMap<>();
    jdbc.sql(
            """
            select a.milestone_id, a.name from artifact a
            where a.workspace_id = ? and a.project_id = ? and a.state = 'SEALED'
              and (? or a.receipt_jws is not null)
              and not exists (select 1 from artifact_release r
                              where r.workspace_id = a.workspace_id
                                and r.milestone_id = a.milestone_id)
            order by a.created_at, a.id
            """)
        .params(workspaceId, projectId, !withReceipt)
        .query(
            rs -> {
              names
                  .computeIfAbsent(rs.getObject(1, UUID.class), k -> new java.util.ArrayList<>())
                  .add(rs.getString(2));
            });
    return names;
  }

  /**
   * Uploads still sealing whose last heartbeat is before {@code cutoff}: abandoned by a crash or a
   * cut connection.
   */
  @CrossWorkspace("the upload sweeper looks at every workspace's abandoned uploads")
  public List<StoredArtifact> sealingSilentSince(Instant cutoff) {
    return jdbc.sql(
            """
            select * from artifact
            where (state = 'SEALING' and heartbeat_at < ?) or state = 'SWEEPING'
            """)
        .params(Timestamp.from(cutoff))
        .query(ArtifactRepository::map)
        .list();
  }

  /** Stores a receipt once; false when one exists already. */
  public boolean setReceipt(UUID workspaceId, UUID id, String jws, Instant at) {
    return jdbc.sql(
                """
                update artifact set receipt_jws = ?, receipt_at = ?
                where workspace_id = ? and id = ? and receipt_jws is null
                """)
            .params(jws, Timestamp.from(at), workspaceId, id)
            .update()
        == 1;
  }

  /** Records a milestone's release; false when it is released already (exactly once). */
  public boolean insertRelease(
      UUID milestoneId, UUID workspaceId, UUID projectId, String reason, String actor, Instant at) {
    return jdbc.sql(
                """
                insert into artifact_release (milestone_id, workspace_id, project_id, reason, actor,
                                              released_at)
                values (?, ?, ?, ?, ?, ?) on conflict do nothing
                """)
            .params(milestoneId, workspaceId, projectId, reason, actor, Timestamp.from(at))
            .update()
        == 1;
  }

  public Optional<Release> release(UUID workspaceId, UUID milestoneId) {
    return jdbc.sql("select * from artifact_release where workspace_id = ? and milestone_id = ?")
        .params(workspaceId, milestoneId)
        .query(ArtifactRepository::release)
        .optional();
  }

  /** The releases of a project's milestones, by milestone: one query however many parts. */
  public Map<UUID, Release> releasesOfProject(UUID workspaceId, UUID projectId) {
    Map<UUID, Release> releases = new HashMap<>();
    jdbc.sql("select * from artifact_release where workspace_id = ? and project_id = ?")
        .params(workspaceId, projectId)
        .query(ArtifactRepository::release)
        .list()
        .forEach(r -> releases.put(r.milestoneId(), r));
    return releases;
  }

  private static Release release(ResultSet rs, int row) throws SQLException {
    return new Release(
        rs.getObject("milestone_id", UUID.class),
        rs.getString("reason"),
        rs.getString("actor"),
        rs.getTimestamp("released_at").toInstant(),
        rs.getString("reversal"),
        instant(rs, "reversed_after_at"));
  }

  /**
   * Marks a release as followed by a refund or a chargeback ({@code reversal}); false when marked
   * already.
   */
  public boolean markReversedAfterRelease(
      UUID workspaceId, UUID milestoneId, String reversal, Instant at) {
    return jdbc.sql(
                """
                update artifact_release set reversal = ?, reversed_after_at = ?
                where workspace_id = ? and milestone_id = ? and reversed_after_at is null
                """)
            .params(reversal, Timestamp.from(at), workspaceId, milestoneId)
            .update()
        == 1;
  }

  public void insertToken(
      String hash, UUID artifactId, UUID workspaceId, String kind, String actor, Instant expires) {
    jdbc.sql(
            """
            insert into download_token (token_hash, artifact_id, workspace_id, kind, actor, expires_at)
            values (?, ?, ?, ?, ?, ?)
            """)
        .params(hash, artifactId, workspaceId, kind, actor, Timestamp.from(expires))
        .update();
  }

  @CrossWorkspace("a download token is a secret; its row names the workspace")
  public Optional<Token> token(String hash) {
    return jdbc.sql("select * from download_token where token_hash = ?")
        .params(hash)
        .query(
            (rs, i) ->
                new Token(
                    rs.getObject("artifact_id", UUID.class),
                    rs.getObject("workspace_id", UUID.class),
                    rs.getString("kind"),
                    rs.getString("actor"),
                    rs.getTimestamp("expires_at").toInstant()))
        .optional();
  }

  @CrossWorkspace("expired tokens of every workspace are deleted by one job")
  public int deleteTokensBefore(Instant cutoff) {
    return jdbc.sql("delete from download_token where expires_at < ?")
        .params(Timestamp.from(cutoff))
        .update();
  }

  private static StoredArtifact map(ResultSet rs, int i) throws SQLException {
    return new StoredArtifact(
        rs.getObject("id", UUID.class),
        rs.getObject("workspace_id", UUID.class),
        rs.getObject("project_id", UUID.class),
        rs.getObject("milestone_id", UUID.class),
        rs.getString("name"),
        rs.getString("media_type"),
        rs.getString("state"),
        rs.getString("blob_key"),
        rs.getString("wrapped_key"),
        rs.getString("key_commitment"),
        rs.getLong("plaintext_size"),
        rs.getString("plaintext_sha256"),
        rs.getLong("ciphertext_size"),
        rs.getString("ciphertext_sha256"),
        rs.getTimestamp("created_at").toInstant(),
        rs.getString("receipt_jws"),
        instant(rs, "receipt_at"));
  }

  private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }
}
