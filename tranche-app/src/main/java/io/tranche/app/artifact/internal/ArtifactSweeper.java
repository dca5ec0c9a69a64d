package io.tranche.app.artifact.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import io.tranche.app.platform.Jobs;
import io.tranche.app.storage.BlobStore;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Removes what interrupted uploads left behind: an upload still sealing whose heartbeat stopped
 * (the uploading node renews it while bytes arrive) was cut off by a crash or a dropped connection,
 * so its row and its uncommitted or committed blob go. Runs at start and then every minute; expired
 * download tokens go too.
 */
@Component
public class ArtifactSweeper {
  private static final Logger log = LoggerFactory.getLogger(ArtifactSweeper.class);

  private final ArtifactRepository artifacts;
  private final BlobStore blobs;
  private final Clock clock;
  private final Duration staleAfter;
  private final TransactionTemplate transaction;

  ArtifactSweeper(
      ArtifactRepository artifacts,
      BlobStore blobs,
      Clock clock,
      TransactionTemplate transaction,
      @Value("${tranche.artifacts.upload-stale-after}") Duration staleAfter) {
    this.artifacts = artifacts;
    this.blobs = blobs;
    this.clock = clock;
    this.transaction = transaction;
    this.staleAfter = staleAfter;
  }

  @EventListener(ApplicationReadyEvent.class)
  void atStart() {
    sweep(clock.instant().minus(staleAfter));
  }

  @Bean
  RecurringTask<Void> artifactSweep(@Value("${tranche.artifacts.sweep-interval}") Duration every) {
    return Jobs.every("artifact-sweep", every, () -> sweep(clock.instant().minus(staleAfter)));
  }

  /** Removes uploads still sealing and silent since before {@code cutoff}; returns how many. */
  public int sweep(Instant cutoff) {
    int removed = 0;
    for (ArtifactRepository.StoredArtifact a : artifacts.sealingSilentSince(cutoff)) {
      if (!Boolean.TRUE.equals(
          transaction.execute(s -> artifacts.claimForSweep(a.workspaceId(), a.id(), cutoff)))) {
        continue; // sealed or alive after all
      }
      try {
        blobs.delete(a.blobKey());
      } catch (IOException | RuntimeException e) {
        log.warn("could not remove the blob of abandoned upload {}: {}", a.id(), e.toString());
        continue;
      }
      transaction.executeWithoutResult(s -> artifacts.delete(a.workspaceId(), a.id()));
      removed++;
    }
    int tokens = artifacts.deleteTokensBefore(clock.instant());
    if (removed > 0) {
      log.info("removed {} abandoned uploads and {} expired download tokens", removed, tokens);
    }
    return removed;
  }
}
