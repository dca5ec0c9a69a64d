package io.tranche.app.invoice.internal;

import io.tranche.app.contract.AgreementEvent;
import io.tranche.app.invoice.InvoiceService;
import io.tranche.app.project.MilestoneMoved;
import io.tranche.app.project.MilestoneService;
import io.tranche.core.milestone.Milestone;
import io.tranche.core.milestone.MilestoneAction;
import io.tranche.core.milestone.MilestoneMachine;
import io.tranche.core.milestone.MilestoneState;
import io.tranche.core.milestone.MilestoneTransitioned;
import io.tranche.core.milestone.PaymentTrigger;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Issues invoices on the day their trigger fires, inside the transaction of the trigger: the
 * deposit when the contract is signed, an acceptance milestone when it is accepted, the final part
 * at the final demo (submission). A milestone paid while a dispute froze it counts as paid once the
 * dispute is resolved; one whose invoice credit notes alone settled does not.
 */
@Component
class InvoiceTriggers {
  private final InvoiceService invoices;
  private final MilestoneService milestones;

  InvoiceTriggers(InvoiceService invoices, MilestoneService milestones) {
    this.invoices = invoices;
    this.milestones = milestones;
  }

  @EventListener
  void on(AgreementEvent event) {
    if (!event.type().equals("contract.signed")) {
      return;
    }
    for (Milestone m : milestones.planAsSystem(event.projectId())) {
      if (m.trigger() == PaymentTrigger.CONTRACT_SIGNED
          && !m.disputed()
          && !m.amount().isZero()
          && MilestoneMachine.next(m.state(), MilestoneAction.INVOICE, m.trigger()).isPresent()) {
        invoices.issueForMilestone(event.workspaceId(), m.id().value(), "system");
      }
    }
  }

  @EventListener
  void on(MilestoneMoved moved) {
    MilestoneTransitioned t = moved.transition();
    if (t.action() == MilestoneAction.RESOLVE_DISPUTE && t.to() == MilestoneState.INVOICED) {
      // paid while the dispute froze it: the payment counts now (credit notes alone are no payment)
      UUID milestoneId = t.milestoneId().value();
      var money = invoices.milestoneMoney(t.projectId().value(), milestoneId);
      if (money.invoiced() && money.invoiceOpenMinor() == 0 && !money.invoiceCredited()) {
        milestones.transitionAsSystem(
            t.workspaceId().value(), milestoneId, MilestoneAction.RECORD_PAYMENT);
      }
      return;
    }
    boolean accepted = t.to() == MilestoneState.ACCEPTED;
    boolean demo = t.to() == MilestoneState.SUBMITTED;
    if (!accepted && !demo) {
      return;
    }
    milestones
        .find(t.milestoneId().value())
        .filter(
            m ->
                (accepted && m.trigger() == PaymentTrigger.ACCEPTANCE)
                    || (demo && m.trigger() == PaymentTrigger.FINAL_DEMO))
        // a part of 0.00 asks for no money: accepted, it stays ACCEPTED, with no invoice
        .filter(m -> !m.amount().isZero())
        .ifPresent(
            m -> invoices.issueForMilestone(t.workspaceId().value(), m.id().value(), "system"));
  }
}
