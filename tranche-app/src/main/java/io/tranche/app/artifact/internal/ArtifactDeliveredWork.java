package io.tranche.app.artifact.internal;

import io.tranche.app.contract.DeliveredWork;
import io.tranche.core.evidence.EvidenceChain;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The sealed artifacts of a milestone with their receipts, and the previews offered with it, for
 * the acceptance document.
 */
@Component
class ArtifactDeliveredWork implements DeliveredWork {
  private final ArtifactRepository artifacts;
  private final io.tranche.app.preview.PreviewService previews;

  ArtifactDeliveredWork(
      ArtifactRepository artifacts, io.tranche.app.preview.PreviewService previews) {
    this.artifacts = artifacts;
    this.previews = previews;
  }

  @Override
  public List<Previewed> previews(UUID workspaceId, UUID milestoneId) {
    return previews.offered(workspaceId, milestoneId).stream()
        .map(p -> new Previewed(p.id(), p.name(), p.kind()))
        .toList();
  }

  @Override
  public List<String> viewedBy(UUID workspaceId, UUID milestoneId, String viewer) {
    return previews.viewedBy(workspaceId, milestoneId, viewer);
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
