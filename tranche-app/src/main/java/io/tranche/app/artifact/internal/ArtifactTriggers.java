package io.tranche.app.artifact.internal;

import io.tranche.app.artifact.ArtifactService;
import io.tranche.app.artifact.ReleaseService;
import io.tranche.app.invoice.InvoiceEvent;
import io.tranche.app.platform.Reaction;
import io.tranche.app.project.MilestoneMoved;
import io.tranche.core.milestone.MilestoneAction;
import io.tranche.core.milestone.MilestoneState;
import io.tranche.core.milestone.MilestoneTransitioned;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Runs the vault's steps inside the transactions of their triggers: receipts when a milestone is
 * submitted, the release rule when it is paid or its dispute is resolved, and refunds.
 */
@Component
class ArtifactTriggers {
  private final ArtifactService artifacts;
  private final io.tranche.app.artifact.DeliveryReceipts receipts;
  private final ReleaseService releases;

  ArtifactTriggers(
      ArtifactService artifacts,
      io.tranche.app.artifact.DeliveryReceipts receipts,
      ReleaseService releases) {
    this.artifacts = artifacts;
    this.receipts = receipts;
    this.releases = releases;
  }

  @Reaction
  void on(MilestoneMoved moved) {
    MilestoneTransitioned t = moved.transition();
    UUID milestoneId = t.milestoneId().value();
    if (t.action() == MilestoneAction.SUBMIT) {
      receipts.issueReceipts(t.workspaceId().value(), t.projectId().value(), milestoneId);
    } else if (t.to() == MilestoneState.PAID && t.action() == MilestoneAction.RECORD_PAYMENT) {
      releases.evaluate(t.workspaceId().value(), milestoneId, "payment");
    } else if (t.action() == MilestoneAction.RESOLVE_DISPUTE) {
      releases.evaluate(t.workspaceId().value(), milestoneId, "dispute resolved");
    }
  }

  @Reaction
  void on(InvoiceEvent.PaymentReceived received) {
    releases.evaluateProject(
        received.workspaceId(), received.projectId(), "payment on the project");
  }

  @Reaction
  void on(InvoiceEvent.PaymentRefunded refunded) {
    // a refund of credit alone (money beyond what the invoice asked) leaves the invoice paid
    if (!refunded.onInvoice().isZero()) {
      releases.refunded(
          refunded.workspaceId(), refunded.invoiceId(), refunded.onInvoice(), refunded.actor());
    }
  }

  @Reaction
  void on(InvoiceEvent.PaymentChargedBack chargedBack) {
    releases.chargedBack(chargedBack.workspaceId(), chargedBack.invoiceId(), chargedBack.actor());
  }
}
