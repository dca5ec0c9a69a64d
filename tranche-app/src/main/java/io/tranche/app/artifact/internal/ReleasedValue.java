package io.tranche.app.artifact.internal;

import io.tranche.app.invoice.HandedOver;
import io.tranche.app.project.MilestoneService;
import io.tranche.core.milestone.MilestoneState;
import io.tranche.core.money.Money;
import java.util.Currency;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Milestones released in state or by a release row (a vendor's release before payment). */
@Component
class ReleasedValue implements HandedOver {
  private final MilestoneService milestones;
  private final ArtifactRepository artifacts;
  private final io.tranche.app.project.ProjectService projects;

  ReleasedValue(
      MilestoneService milestones,
      ArtifactRepository artifacts,
      io.tranche.app.project.ProjectService projects) {
    this.milestones = milestones;
    this.artifacts = artifacts;
    this.projects = projects;
  }

  @Override
  public Money value(UUID workspaceId, UUID projectId) {
    Money zero = Money.zero(Currency.getInstance(projects.currencyOf(workspaceId, projectId)));
    return milestones.planAsSystem(workspaceId, projectId).stream()
        .filter(
            m ->
                m.state() == MilestoneState.RELEASED
                    || artifacts.release(workspaceId, m.id().value()).isPresent())
        .map(m -> m.amount())
        .reduce(zero, Money::plus);
  }
}
