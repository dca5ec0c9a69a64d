package io.tranche.app.artifact.internal;

import io.tranche.app.storage.BlobStore;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Removes what interrupted uploads left behind: an upload still sealing after the upload timeout
 * was cut off (a crash, a dropped connection), so its row and its uncommitted or committed blob go.
 * Runs at start and then every few minutes; expired download tokens go too.
 */
@Component
public class ArtifactSweeper {
  private static final Logger log = LoggerFactory.getLogger(ArtifactSweeper.class);

  private final ArtifactRepository artifacts;
  private final BlobStore blobs;
  private final Clock clock;
  private final Duration uploadTimeout;
  private final TransactionTemplate transaction;

  ArtifactSweeper(
      ArtifactRepository artifacts,
      BlobStore blobs,
      Clock clock,
      TransactionTemplate transaction,
      @Value("${tranche.artifacts.upload-timeout}") Duration uploadTimeout) {
    this.artifacts = artifacts;
    this.blobs = blobs;
    this.clock = clock;
    this.transaction = transaction;
    this.uploadTimeout = uploadTimeout;
  }

  @EventListener(ApplicationReadyEvent.class)
  void atStart() {
    sweep(clock.instant().minus(uploadTimeout));
  }

  @Scheduled(fixedDelayString = "${tranche.artifacts.sweep-interval}")
  void periodically() {
    sweep(clock.instant().minus(uploadTimeout));
  }

  /** Removes uploads still sealing since before {@code cutoff}; returns how many. */
  public int sweep(Instant cutoff) {
    int removed = 0;
    for (ArtifactRepository.StoredArtifact a : artifacts.sealingBefore(cutoff)) {
      try {
        blobs.delete(a.blobKey());
      } catch (IOException | RuntimeException e) {
        log.warn("could not remove the blob of abandoned upload {}: {}", a.id(), e.toString());
        continue;
      }
      transaction.executeWithoutResult(s -> artifacts.delete(a.id()));
      removed++;
    }
    int tokens = artifacts.deleteTokensBefore(clock.instant());
    if (removed > 0) {
      log.info("removed {} abandoned uploads and {} expired download tokens", removed, tokens);
    }
    return removed;
  }
}
