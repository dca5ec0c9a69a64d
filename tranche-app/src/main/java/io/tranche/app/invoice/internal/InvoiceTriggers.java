package io.tranche.app.invoice.internal;

import io.tranche.app.contract.AgreementEvent;
import io.tranche.app.invoice.InvoiceService;
import io.tranche.app.platform.Reaction;
import io.tranche.app.project.MilestoneMoved;
import io.tranche.app.project.MilestoneService;
import io.tranche.app.project.ProjectService;
import io.tranche.core.milestone.Milestone;
import io.tranche.core.milestone.MilestoneAction;
import io.tranche.core.milestone.MilestoneMachine;
import io.tranche.core.milestone.MilestoneState;
import io.tranche.core.milestone.MilestoneTransitioned;
import io.tranche.core.milestone.PaymentTrigger;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Issues invoices on the day their trigger fires, inside the transaction of the trigger: the
 * deposit when the contract is signed, delivered work (the final demo included) when it is accepted
 * by signature or deemed accepted after the review period. A milestone paid while a dispute froze
 * it counts as paid once the dispute is resolved; one whose invoice credit notes alone settled does
 * not.
 */
@Component
class InvoiceTriggers {
  private final InvoiceService invoices;
  private final MilestoneService milestones;
  private final ProjectService projects;

  InvoiceTriggers(InvoiceService invoices, MilestoneService milestones, ProjectService projects) {
    this.invoices = invoices;
    this.milestones = milestones;
    this.projects = projects;
  }

  /**
   * A contract or amendment was signed: every part whose trigger has fired by now is invoiced at
   * the signed amount (the deposit; and, where the workspace let work start before the contract,
   * parts accepted before it, which waited for the signature).
   */
  @Reaction
  void on(AgreementEvent.ContractCompleted event) {
    for (Milestone m : milestones.planAsSystem(event.workspaceId(), event.projectId())) {
      if (!m.disputed()
          && !m.amount().isZero()
          && MilestoneMachine.next(m.state(), MilestoneAction.INVOICE, m.trigger()).isPresent()) {
        invoices.issueForMilestone(event.workspaceId(), m.id().value(), "system");
      }
    }
  }

  @Reaction
  void on(MilestoneMoved moved) {
    MilestoneTransitioned t = moved.transition();
    if (t.action() == MilestoneAction.RESOLVE_DISPUTE && t.to() == MilestoneState.INVOICED) {
      // paid while the dispute froze it: the payment counts now (credit notes alone are no payment)
      UUID milestoneId = t.milestoneId().value();
      var money =
          invoices.milestoneMoney(t.workspaceId().value(), t.projectId().value(), milestoneId);
      if (money.paidInFull()) {
        milestones.transitionAsSystem(
            t.workspaceId().value(), milestoneId, MilestoneAction.RECORD_PAYMENT);
      }
      return;
    }
    if (t.to() != MilestoneState.ACCEPTED
        || !projects.stageOf(t.workspaceId().value(), t.projectId().value()).contractSigned()) {
      // before the contract no part asks for money: its signature invoices what is due by then
      return;
    }
    milestones
        .find(t.workspaceId().value(), t.milestoneId().value())
        .filter(m -> m.trigger() != PaymentTrigger.CONTRACT_SIGNED)
        // a part of 0.00 asks for no money: accepted, it stays ACCEPTED, with no invoice
        .filter(m -> !m.amount().isZero())
        .ifPresent(
            m -> invoices.issueForMilestone(t.workspaceId().value(), m.id().value(), "system"));
  }
}
