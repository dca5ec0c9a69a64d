package io.tranche.app.evidence.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import io.tranche.app.evidence.EvidenceService;
import io.tranche.app.platform.Jobs;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * Signs a checkpoint for every workspace whose log grew, daily by default, on one node per due time
 * ({@link Jobs}). Signing also locks the workspace's chain head and skips a head that is already
 * signed, so an on-demand checkpoint at the same moment does no harm.
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

  @Bean
  RecurringTask<Void> evidenceCheckpoints(
      @Value("${tranche.evidence.checkpoint-cron}") String cron) {
    return Jobs.cron("evidence-checkpoints", cron, this::signAll);
  }

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
