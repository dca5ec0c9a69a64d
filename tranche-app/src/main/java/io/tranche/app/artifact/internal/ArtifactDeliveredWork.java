package io.tranche.app.artifact.internal;

import io.tranche.app.contract.DeliveredWork;
import io.tranche.core.evidence.EvidenceChain;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The sealed artifacts of a milestone with their receipts, for the acceptance document. */
@Component
class ArtifactDeliveredWork implements DeliveredWork {
  private final ArtifactRepository artifacts;

  ArtifactDeliveredWork(ArtifactRepository artifacts) {
    this.artifacts = artifacts;
  }

  @Override
  public List<Deliverable> of(UUID workspaceId, UUID milestoneId) {
    return artifacts.ofMilestone(workspaceId, milestoneId).stream()
        .filter(a -> a.receiptJws() != null && a.plaintextSha256() != null)
        .map(
            a ->
                new Deliverable(
                    a.id(),
                    a.name(),
                    a.plaintextSize(),
                    a.plaintextSha256(),
                    EvidenceChain.sha256(a.receiptJws())))
        .toList();
  }
}
