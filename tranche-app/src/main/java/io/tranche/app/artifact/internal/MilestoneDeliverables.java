package io.tranche.app.artifact.internal;

import io.tranche.app.invoice.Unlocks;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** A milestone's receipted deliverables by name, for the invoices that unlock them. */
@Component
class MilestoneDeliverables implements Unlocks {
  private final ArtifactRepository artifacts;

  MilestoneDeliverables(ArtifactRepository artifacts) {
    this.artifacts = artifacts;
  }

  @Override
  public List<String> deliverables(UUID workspaceId, UUID milestoneId) {
    return artifacts.ofMilestone(workspaceId, milestoneId).stream()
        .filter(a -> a.receiptJws() != null)
        .map(ArtifactRepository.StoredArtifact::name)
        .toList();
  }
}
