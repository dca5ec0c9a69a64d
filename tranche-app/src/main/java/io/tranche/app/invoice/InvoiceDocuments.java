package io.tranche.app.invoice;

import io.tranche.app.invoice.internal.CreditNoteRepository;
import io.tranche.app.invoice.internal.DocumentParties;
import io.tranche.app.invoice.internal.InvoiceAccess;
import io.tranche.app.invoice.internal.InvoicePdf;
import io.tranche.app.platform.Actor;
import io.tranche.app.platform.Download;
import io.tranche.app.platform.Errors;
import io.tranche.core.error.DomainException;
import io.tranche.core.invoice.CreditNote;
import io.tranche.core.invoice.Invoice;
import io.tranche.core.invoice.InvoiceErrors;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Invoices, credit notes and receipts as PDFs, and how to pay the workspace. */
@Service
public class InvoiceDocuments {
  private final InvoicePdf pdfs;
  private final DocumentParties parties;
  private final InvoiceAccess access;
  private final CreditNoteRepository notes;
  private final Clock clock;
  private final io.tranche.app.invoice.internal.IssuedParties issued;
  private final io.tranche.app.invoice.internal.PaymentInstructions instructions;

  InvoiceDocuments(
      InvoicePdf pdfs,
      DocumentParties parties,
      InvoiceAccess access,
      CreditNoteRepository notes,
      Clock clock,
      io.tranche.app.invoice.internal.IssuedParties issued,
      io.tranche.app.invoice.internal.PaymentInstructions instructions) {
    this.pdfs = pdfs;
    this.parties = parties;
    this.access = access;
    this.notes = notes;
    this.clock = clock;
    this.issued = issued;
    this.instructions = instructions;
  }

  /** The parties an invoice was issued with; for one issued before they were kept, today's. */
  private InvoicePdf.Parties partiesOf(Actor actor, InvoiceView invoice) {
    return issued
        .of(actor.workspaceId(), invoice.id())
        .map(io.tranche.app.invoice.internal.IssuedParties.Snapshot::parties)
        .orElseGet(() -> parties.of(actor, invoice));
  }

  /** An invoice as a PDF, rendered once per distinct content and then served as stored. */
  @Transactional
  public Download invoicePdf(Actor actor, UUID invoiceId) {
    InvoiceView invoice = InvoiceView.of(access.load(actor, invoiceId), clock.instant());
    String howToPay =
        issued
            .of(actor.workspaceId(), invoiceId)
            .map(io.tranche.app.invoice.internal.IssuedParties.Snapshot::paymentInstructions)
            .orElseGet(() -> paymentInstructions(actor));
    return pdfs.invoice(
        actor.workspaceId(),
        invoice,
        partiesOf(actor, invoice),
        howToPay,
        issued.taxNote(actor.workspaceId(), invoiceId));
  }

  /** A credit note as a PDF, to whoever may see the invoice it corrects. */
  @Transactional
  public Download creditNotePdf(Actor actor, UUID creditNoteId) {
    CreditNote note =
        notes
            .find(actor.workspaceId(), creditNoteId)
            .orElseThrow(Errors.notFoundSupplier("credit note", creditNoteId));
    Invoice original;
    try {
      original = access.load(actor, note.invoiceId());
    } catch (DomainException e) {
      throw Errors.notFound("credit note", creditNoteId);
    }
    InvoiceView invoice = InvoiceView.of(original, clock.instant());
    return pdfs.creditNote(
        actor.workspaceId(),
        note,
        invoice,
        partiesOf(actor, invoice),
        issued.taxNote(actor.workspaceId(), invoice.id()));
  }

  /**
   * How to pay the caller's workspace, as it really applies: a transfer to its bank details when
   * they are set, and online in the client portal only when online payment is offered.
   */
  @Transactional(readOnly = true)
  public String paymentInstructions(Actor actor) {
    return instructions.of(actor.workspaceId());
  }

  /** How to pay a workspace whose settings the caller read already (its own). */
  public String paymentInstructions(io.tranche.app.workspace.WorkspaceSettings settings) {
    return instructions.of(settings);
  }

  /**
   * A payment's acknowledgement (receipt) as a PDF: what was paid on its invoice so far and what
   * was still open as they stood when the payment was posted (for a receipt issued before those
   * were kept, as the invoice stands).
   */
  @Transactional
  public Download receiptPdf(Actor actor, UUID paymentId) {
    InvoiceAccess.PaymentOf paid = access.loadPayment(actor, paymentId);
    if (!io.tranche.core.payment.PaymentStatus.valueOf(paid.payment().status()).counts()) {
      throw new DomainException(
          InvoiceErrors.NO_RECEIPT,
          Map.of("status", paid.payment().status().toLowerCase(java.util.Locale.ROOT)));
    }
    InvoiceView invoice = InvoiceView.of(paid.invoice(), clock.instant());
    return pdfs.receipt(actor.workspaceId(), paid.payment(), invoice, partiesOf(actor, invoice));
  }
}
