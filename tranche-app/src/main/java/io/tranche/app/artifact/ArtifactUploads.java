package io.tranche.app.artifact;

import io.tranche.app.artifact.internal.ArtifactRepository;
import io.tranche.app.artifact.internal.ArtifactRepository.StoredArtifact;
import io.tranche.app.platform.Access;
import io.tranche.app.platform.Actor;
import io.tranche.app.platform.Errors;
import io.tranche.app.platform.KeyRing;
import io.tranche.app.project.MilestoneService;
import io.tranche.app.project.MilestoneView;
import io.tranche.app.storage.BlobStore;
import io.tranche.app.storage.BlobTooLargeException;
import io.tranche.app.storage.BlobWriter;
import io.tranche.core.error.DomainException;
import io.tranche.core.milestone.Milestone;
import io.tranche.core.milestone.MilestoneState;
import io.tranche.vault.DataKey;
import io.tranche.vault.Sealing;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Uploads of builds to a milestone. An upload is sealed while it streams (a fresh data key per
 * artifact, wrapped by the key-encryption key) into a blob that stays invisible until committed;
 * its row is written first, so an upload cut off by a crash is found and removed by the sweeper. A
 * member may delete an upload that has no receipt yet.
 */
@Service
public class ArtifactUploads {
  private static final Logger log = LoggerFactory.getLogger(ArtifactUploads.class);
  private static final Set<MilestoneState> OPEN_FOR_UPLOAD =
      Set.of(MilestoneState.IN_PROGRESS, MilestoneState.CHANGES_REQUESTED);

  private final ArtifactRepository artifacts;
  private final MilestoneService milestones;
  private final KeyRing keyRing;
  private final BlobStore blobs;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final TransactionTemplate separately;
  private final long maxBytes;
  private final Duration heartbeat;
  private final ScheduledExecutorService heartbeats =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "upload-heartbeat");
            t.setDaemon(true);
            return t;
          });

  ArtifactUploads(
      ArtifactRepository artifacts,
      MilestoneService milestones,
      KeyRing keyRing,
      BlobStore blobs,
      ApplicationEventPublisher events,
      Clock clock,
      PlatformTransactionManager transactions,
      @Value("${tranche.artifacts.max-bytes}") long maxBytes,
      @Value("${tranche.artifacts.heartbeat-interval}") Duration heartbeat) {
    this.artifacts = artifacts;
    this.milestones = milestones;
    this.keyRing = keyRing;
    this.blobs = blobs;
    this.events = events;
    this.clock = clock;
    this.separately = new TransactionTemplate(transactions);
    this.maxBytes = maxBytes;
    this.heartbeat = heartbeat;
  }

  /**
   * Seals an upload into a new artifact of a milestone (members, while the milestone is in progress
   * or changes are requested). Not one transaction: the row naming the blob commits first, the
   * bytes stream without holding a database connection, and the artifact becomes visible in a last
   * short transaction — or everything is removed on failure.
   */
  public UUID upload(
      Actor actor,
      UUID milestoneId,
      @Nullable String name,
      @Nullable String contentType,
      InputStream body) {
    Access.member(actor);
    MilestoneView milestone = milestones.milestone(actor, milestoneId);
    requireOpenForUpload(milestone.state(), milestone.disputed());
    Pending upload =
        new Pending(
            UUID.randomUUID(),
            actor,
            milestone.projectId(),
            milestoneId,
            ArtifactNames.fileName(name),
            ArtifactNames.mediaType(contentType));
    UUID id = upload.id();
    DataKey key = DataKey.generate();
    String wrapped = keyRing.wrap(key.keyset(), DataKey.context(id.toString()));
    try (BlobWriter writer = blobs.create()) {
      separately.executeWithoutResult(
          s ->
              artifacts.insertSealing(
                  id,
                  actor.workspaceId(),
                  milestone.projectId(),
                  milestoneId,
                  upload.fileName(),
                  upload.mediaType(),
                  writer.key(),
                  wrapped,
                  key.commitment(),
                  actor.label(),
                  clock.instant()));
      boolean visible = false;
      ScheduledFuture<?> beat =
          heartbeats.scheduleAtFixedRate(
              () -> beat(actor.workspaceId(), id),
              heartbeat.toMillis(),
              heartbeat.toMillis(),
              TimeUnit.MILLISECONDS);
      try {
        Sealing.Digests digests;
        try (OutputStream out = writer.stream()) {
          digests = Sealing.seal(key, id.toString(), LimitedUpload.of(body, maxBytes), out);
        }
        if (digests.plaintextSize() == 0) {
          throw new DomainException(ArtifactErrors.EMPTY, Map.of());
        }
        writer.commit();
        visible = Boolean.TRUE.equals(separately.execute(s -> makeVisible(upload, key, digests)));
        if (!visible) {
          throw new IllegalStateException("the upload was swept while it was sealing");
        }
      } catch (BlobTooLargeException e) {
        throw new DomainException(ArtifactErrors.TOO_LARGE, Map.of("maxBytes", maxBytes));
      } catch (LimitedUpload.CutOff e) {
        log.warn(
            "upload {} to milestone {} interrupted: {}", id, milestoneId, e.getCause().toString());
        throw new DomainException(ArtifactErrors.INTERRUPTED, Map.of());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot store upload " + id, e);
      } finally {
        beat.cancel(false);
        if (!visible) {
          discard(actor.workspaceId(), id, writer.key());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return id;
  }

  /**
   * Tells the sweeper an upload is alive, on a timer rather than per read, so an upload whose
   * storage is slow (and which therefore reads slowly) is not taken for a dead one.
   */
  private void beat(UUID workspaceId, UUID id) {
    try {
      separately.executeWithoutResult(s -> artifacts.heartbeat(workspaceId, id, clock.instant()));
    } catch (RuntimeException e) {
      log.warn("heartbeat of upload {} failed: {}", id, e.toString());
    }
  }

  @PreDestroy
  void stopHeartbeats() {
    heartbeats.shutdownNow();
  }

  /** An upload under way: what its row and its evidence need. */
  private record Pending(
      UUID id, Actor actor, UUID projectId, UUID milestoneId, String fileName, String mediaType) {}

  private static void requireOpenForUpload(MilestoneState state, boolean disputed) {
    if (!OPEN_FOR_UPLOAD.contains(state) || disputed) {
      throw new DomainException(
          ArtifactErrors.NOT_OPEN_FOR_UPLOAD,
          Map.of("state", state.name() + (disputed ? ", disputed" : "")));
    }
  }

  /**
   * The last step of an upload, in its own transaction: under a lock on the milestone (so a
   * submission cannot slip in between), the row becomes SEALED and the sealing is evidence. An
   * upload whose milestone was submitted or disputed meanwhile is refused: it would sit in a
   * delivered milestone without a receipt. False when the sweeper took the row.
   */
  private boolean makeVisible(Pending upload, DataKey key, Sealing.Digests digests) {
    Milestone now =
        milestones.lock(upload.actor().workspaceId(), upload.milestoneId()).orElseThrow();
    requireOpenForUpload(now.state(), now.disputed());
    if (!artifacts.markSealed(
        upload.actor().workspaceId(),
        upload.id(),
        digests.plaintextSize(),
        digests.plaintextSha256(),
        digests.ciphertextSize(),
        digests.ciphertextSha256(),
        clock.instant())) {
      return false;
    }
    events.publishEvent(
        new ArtifactEvent.Sealed(
            upload.actor().workspaceId(),
            upload.projectId(),
            upload.actor().label(),
            upload.id(),
            upload.milestoneId(),
            upload.fileName(),
            upload.mediaType(),
            digests.plaintextSize(),
            digests.plaintextSha256(),
            digests.ciphertextSize(),
            digests.ciphertextSha256(),
            key.commitment()));
    return true;
  }

  /** Removes an upload's row and blob (a failed or abandoned upload). */
  void discard(UUID workspaceId, UUID id, String blobKey) {
    try {
      blobs.delete(blobKey);
    } catch (IOException | RuntimeException e) {
      log.warn("could not remove the blob of abandoned upload {}: {}", id, e.toString());
    }
    separately.executeWithoutResult(s -> artifacts.delete(workspaceId, id));
  }

  /** Removes an artifact that has no receipt yet (members), e.g. a wrong upload. */
  @Transactional
  public void delete(Actor actor, UUID id) {
    Access.member(actor);
    StoredArtifact a =
        artifacts
            .find(actor.workspaceId(), id)
            .orElseThrow(Errors.notFoundSupplier("artifact", id));
    if (a.receiptJws() != null || !artifacts.deleteUnreceipted(a.workspaceId(), a.id())) {
      throw new DomainException(ArtifactErrors.HAS_RECEIPT, Map.of());
    }
    events.publishEvent(
        new ArtifactEvent.Deleted(a.workspaceId(), a.projectId(), actor.label(), a.id(), a.name()));
    try {
      blobs.delete(a.blobKey());
    } catch (IOException e) {
      log.warn(
          "artifact {} deleted, its blob stays until the next sweep: {}", a.id(), e.toString());
    }
  }
}
