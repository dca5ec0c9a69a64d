package io.tranche.app.invoice;

import io.tranche.app.invoice.internal.InvoiceAccess;
import io.tranche.app.invoice.internal.InvoicePdf;
import io.tranche.app.platform.Actor;
import io.tranche.app.platform.Download;
import io.tranche.app.project.ProjectService;
import io.tranche.app.project.ProjectView;
import io.tranche.app.workspace.WorkspaceService;
import io.tranche.core.error.DomainException;
import io.tranche.core.invoice.InvoiceErrors;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Invoices and receipts as PDFs, and how to pay the workspace. */
@Service
public class InvoiceDocuments {
  private final InvoicePdf pdfs;
  private final WorkspaceService workspaces;
  private final ProjectService projects;
  private final InvoiceAccess access;
  private final Clock clock;

  InvoiceDocuments(
      InvoicePdf pdfs,
      WorkspaceService workspaces,
      ProjectService projects,
      InvoiceAccess access,
      Clock clock) {
    this.pdfs = pdfs;
    this.workspaces = workspaces;
    this.projects = projects;
    this.access = access;
    this.clock = clock;
  }

  /** An invoice as a PDF, rendered once per distinct content and then served as stored. */
  @Transactional
  public Download invoicePdf(Actor actor, UUID invoiceId) {
    InvoiceView invoice = InvoiceView.of(access.load(actor, invoiceId), clock.instant());
    return pdfs.invoice(
        actor.workspaceId(),
        invoice,
        parties(actor, invoice.projectId()),
        paymentInstructions(actor));
  }

  /** How to pay the caller's workspace: its bank details when set, and the portal. */
  @Transactional(readOnly = true)
  public String paymentInstructions(Actor actor) {
    String bank = workspaces.invoiceSettings(actor.workspaceId()).bankDetails();
    return (bank == null
            ? "Bank transfer: ask " + workspaces.current(actor).name() + " for the account details."
            : "Bank transfer to:\n" + bank)
        + "\nOr pay online in the client portal where offered.";
  }

  /** A payment's acknowledgement (receipt) as a PDF. */
  @Transactional
  public Download receiptPdf(Actor actor, UUID paymentId) {
    InvoiceAccess.PaymentOf paid = access.loadPayment(actor, paymentId);
    if (!io.tranche.core.payment.PaymentStatus.valueOf(paid.payment().status()).counts()) {
      throw new DomainException(
          InvoiceErrors.NO_RECEIPT,
          Map.of("status", paid.payment().status().toLowerCase(java.util.Locale.ROOT)));
    }
    InvoiceView invoice = InvoiceView.of(paid.invoice(), clock.instant());
    return pdfs.receipt(
        actor.workspaceId(), paid.payment(), invoice, parties(actor, invoice.projectId()));
  }

  private InvoicePdf.Parties parties(Actor actor, UUID projectId) {
    ProjectView project = projects.project(actor, projectId);
    return new InvoicePdf.Parties(
        workspaces.current(actor).name(), project.clientName(), project.name());
  }
}
