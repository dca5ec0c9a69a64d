package io.tranche.app.evidence.internal;

import io.tranche.app.evidence.EvidenceService;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Signs a checkpoint for every workspace whose log grew, daily by default. Safe on several nodes:
 * signing locks the workspace's chain head and skips a head that is already signed.
 */
@Component
class CheckpointJob {
  private static final Logger log = LoggerFactory.getLogger(CheckpointJob.class);

  private final EvidenceRepository repository;
  private final EvidenceService evidence;

  CheckpointJob(EvidenceRepository repository, EvidenceService evidence) {
    this.repository = repository;
    this.evidence = evidence;
  }

  @Scheduled(cron = "${tranche.evidence.checkpoint-cron}")
  void signAll() {
    for (UUID workspace : repository.workspacesNeedingCheckpoint()) {
      try {
        evidence.checkpoint(workspace);
      } catch (RuntimeException e) {
        log.error("could not sign the evidence checkpoint of workspace {}", workspace, e);
      }
    }
  }
}
