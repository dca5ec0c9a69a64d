package io.tranche.app.modification.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import io.tranche.app.contract.AgreementEvent;
import io.tranche.app.modification.ModificationService;
import io.tranche.app.platform.Jobs;
import io.tranche.app.platform.Reaction;
import io.tranche.app.project.ProjectService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * Closes modification windows when they end (an evidence entry each) and marks a change order
 * signed when the amendment that quotes it is signed by both sides.
 */
@Component
public class ModificationWindows {
  private static final Logger log = LoggerFactory.getLogger(ModificationWindows.class);

  private final ModificationService modifications;
  private final ProjectService projects;
  private final Clock clock;

  ModificationWindows(ModificationService modifications, ProjectService projects, Clock clock) {
    this.modifications = modifications;
    this.projects = projects;
    this.clock = clock;
  }

  @Bean
  RecurringTask<Void> modificationWindowClose(
      @Value("${tranche.review.sweep-interval:10m}") Duration every) {
    return Jobs.every("modification-windows", every, this::closeEnded);
  }

  /** Records the close of every window that has ended; returns how many it closed. */
  public int closeEnded() {
    Instant now = clock.instant();
    int closed = 0;
    for (UUID[] ended : projects.windowsToClose(now)) {
      try {
        UUID workspaceId = ended[0];
        UUID projectId = ended[1];
        Instant endedAt = projects.stageOf(workspaceId, projectId).windowEndsAt();
        if (modifications.closeWindow(workspaceId, projectId, endedAt == null ? now : endedAt)) {
          closed++;
        }
      } catch (RuntimeException e) {
        log.warn("closing a modification window failed; retried on the next pass", e);
      }
    }
    return closed;
  }

  @Reaction
  void on(AgreementEvent.ContractCompleted completed) {
    if (completed.amends() != null) {
      modifications.amendmentSigned(completed.workspaceId(), completed.quoteId());
    }
  }
}
