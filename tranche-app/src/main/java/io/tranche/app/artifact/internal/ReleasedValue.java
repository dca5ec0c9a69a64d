package io.tranche.app.artifact.internal;

import io.tranche.app.invoice.HandedOver;
import io.tranche.app.project.MilestoneService;
import io.tranche.core.milestone.MilestoneState;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Milestones released in state or by a release row (a vendor's release before payment). */
@Component
class ReleasedValue implements HandedOver {
  private final MilestoneService milestones;
  private final ArtifactRepository artifacts;

  ReleasedValue(MilestoneService milestones, ArtifactRepository artifacts) {
    this.milestones = milestones;
    this.artifacts = artifacts;
  }

  @Override
  public long minor(UUID projectId) {
    return milestones.planAsSystem(projectId).stream()
        .filter(
            m ->
                m.state() == MilestoneState.RELEASED
                    || artifacts.release(m.id().value()).isPresent())
        .mapToLong(m -> m.amount().amountMinor())
        .sum();
  }
}
