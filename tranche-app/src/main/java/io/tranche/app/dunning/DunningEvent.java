package io.tranche.app.dunning;

import io.tranche.app.platform.Evidenced;
import io.tranche.core.money.Money;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/** What dunning did, each kept as evidence. */
public sealed interface DunningEvent extends Evidenced {
  /** The system step that takes dunning steps. */
  String ACTOR = "system:dunning";

  /** A reminder about an unpaid invoice went to the client (step 0: before its due date). */
  record ReminderSent(
      UUID workspaceId,
      UUID projectId,
      String actor,
      UUID invoiceId,
      String number,
      int step,
      LocalDate dueOn,
      Money open)
      implements DunningEvent {
    @Override
    public String evidenceType() {
      return "dunning.reminder-sent";
    }

    @Override
    public Map<String, Object> evidencePayload() {
      return Evidenced.fields(
          "invoice", invoiceId.toString(),
          "number", number,
          "step", step,
          "dueOn", dueOn.toString(),
          "open", open.toString());
    }
  }

  /** A late fee was posted for an overdue invoice, as an invoice of its own. */
  record LateFeePosted(
      UUID workspaceId,
      UUID projectId,
      String actor,
      UUID invoiceId,
      UUID feeInvoiceId,
      Money fee,
      String why)
      implements DunningEvent {
    @Override
    public String evidenceType() {
      return "dunning.late-fee-posted";
    }

    @Override
    public Map<String, Object> evidencePayload() {
      return Evidenced.fields(
          "invoice", invoiceId.toString(),
          "feeInvoice", feeInvoiceId.toString(),
          "fee", fee.toString(),
          "why", why);
    }
  }

  /** An invoice passed its due date unpaid (noticed once, by the first pass after it). */
  record InvoiceOverdue(
      UUID workspaceId,
      UUID projectId,
      String actor,
      UUID invoiceId,
      String number,
      LocalDate dueOn,
      Money open)
      implements DunningEvent {
    @Override
    public String evidenceType() {
      return "invoice.overdue";
    }

    @Override
    public Map<String, Object> evidencePayload() {
      return Evidenced.fields(
          "invoice", invoiceId.toString(),
          "number", number,
          "dueOn", dueOn.toString(),
          "open", open.toString());
    }
  }

  /** A project entered stop-work because an invoice is overdue. */
  record StopWorkStarted(UUID workspaceId, UUID projectId, String actor, UUID invoiceId)
      implements DunningEvent {
    @Override
    public String evidenceType() {
      return "project.stop-work";
    }

    @Override
    public Map<String, Object> evidencePayload() {
      return Evidenced.fields("invoice", invoiceId.toString());
    }
  }

  /** Stop-work was lifted: the invoice that caused it is paid (or no longer owed). */
  record WorkResumed(UUID workspaceId, UUID projectId, String actor, UUID invoiceId)
      implements DunningEvent {
    @Override
    public String evidenceType() {
      return "project.resumed";
    }

    @Override
    public Map<String, Object> evidencePayload() {
      return Evidenced.fields("invoice", invoiceId.toString());
    }
  }

  /** The demand letter for an invoice was issued (to be sent by certified mail). */
  record DemandLetterIssued(
      UUID workspaceId, UUID projectId, String actor, UUID invoiceId, LocalDate deadline)
      implements DunningEvent {
    @Override
    public String evidenceType() {
      return "dunning.demand-letter";
    }

    @Override
    public Map<String, Object> evidencePayload() {
      return Evidenced.fields("invoice", invoiceId.toString(), "deadline", deadline.toString());
    }
  }
}
