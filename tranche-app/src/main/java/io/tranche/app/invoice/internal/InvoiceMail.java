package io.tranche.app.invoice.internal;

import io.tranche.app.contract.DeliveredWork;
import io.tranche.app.invoice.InvoiceDocuments;
import io.tranche.app.invoice.InvoiceEvent;
import io.tranche.app.invoice.PaymentView;
import io.tranche.app.mail.MailService;
import io.tranche.app.platform.Actor;
import io.tranche.app.platform.BaseUrl;
import io.tranche.app.platform.Dates;
import io.tranche.app.platform.Reaction;
import io.tranche.app.project.MilestoneService;
import io.tranche.app.project.ProjectService;
import io.tranche.app.workspace.WorkspaceService;
import io.tranche.core.invoice.Invoice;
import io.tranche.core.milestone.Milestone;
import io.tranche.core.money.Money;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Mail about invoices and payments to the project's contacts: the invoice as it is issued (with its
 * PDF, what it bills, what paying it unlocks and how to pay) and the receipt for money that
 * arrived.
 */
@Component
public class InvoiceMail {
  private final ProjectService projects;
  private final WorkspaceService workspaces;
  private final MilestoneService milestones;
  private final DeliveredWork delivered;
  private final InvoiceDocuments documents;
  private final MailService mail;
  private final BaseUrl baseUrl;
  private final InvoiceRepository invoices;
  private final io.tranche.app.workspace.ClientService clients;

  InvoiceMail(
      ProjectService projects,
      WorkspaceService workspaces,
      MilestoneService milestones,
      DeliveredWork delivered,
      @Lazy InvoiceDocuments documents,
      MailService mail,
      BaseUrl baseUrl,
      InvoiceRepository invoices,
      io.tranche.app.workspace.ClientService clients) {
    this.clients = clients;
    this.invoices = invoices;
    this.projects = projects;
    this.workspaces = workspaces;
    this.milestones = milestones;
    this.delivered = delivered;
    this.documents = documents;
    this.mail = mail;
    this.baseUrl = baseUrl;
  }

  /**
   * Who a money document goes to: the project's contacts, and the client's billing address (its
   * accounts department) when it has one.
   */
  private List<String> recipients(
      java.util.UUID workspaceId, java.util.UUID projectId, java.util.UUID clientId) {
    List<String> to = new java.util.ArrayList<>(projects.contactEmails(workspaceId, projectId));
    String billing =
        clients.addressee(Actor.workspace(workspaceId, "mail"), clientId).billingEmail();
    if (billing != null && to.stream().noneMatch(billing::equalsIgnoreCase)) {
      to.add(billing);
    }
    return to;
  }

  /** The invoice, as issued, to the project's contacts, with its PDF. */
  public void issued(Invoice invoice) {
    String what = "the project";
    String unlocks = "";
    if (invoice.milestoneId() != null) {
      what =
          milestones
              .find(invoice.workspaceId(), invoice.milestoneId())
              .map(Milestone::name)
              .orElse(what);
      unlocks =
          String.join(
              ", ",
              delivered.of(invoice.workspaceId(), invoice.milestoneId()).stream()
                  .map(DeliveredWork.Deliverable::name)
                  .toList());
    }
    mail.send(
        invoice.workspaceId(),
        recipients(invoice.workspaceId(), invoice.projectId(), invoice.clientId()),
        "invoice-issued",
        Map.of(
            "number", String.valueOf(invoice.number()),
            "vendor", workspaces.name(invoice.workspaceId()).orElse("Your supplier"),
            "total", invoice.total().toString(),
            "due", Dates.day(invoice.dueOn()),
            "what", what,
            "project", projects.nameOf(invoice.workspaceId(), invoice.projectId()),
            "unlocks", unlocks,
            "instructions",
                documents.paymentInstructions(Actor.workspace(invoice.workspaceId(), "mail")),
            "link",
                baseUrl.portal(invoice.workspaceId(), "/portal/projects/" + invoice.projectId())),
        List.of("invoice:" + invoice.id()));
  }

  /** The credit note, as issued, to the project's contacts, with its PDF. */
  @Reaction
  void on(InvoiceEvent.CreditNoteIssued e) {
    var corrected = invoices.find(e.workspaceId(), e.invoiceId());
    String invoice = corrected.map(i -> String.valueOf(i.number())).orElse("");
    mail.send(
        e.workspaceId(),
        corrected
            .map(i -> recipients(e.workspaceId(), e.projectId(), i.clientId()))
            .orElseGet(() -> projects.contactEmails(e.workspaceId(), e.projectId())),
        "credit-note",
        Map.of(
            "number", e.number(),
            "vendor", workspaces.name(e.workspaceId()).orElse("Your supplier"),
            "project", projects.nameOf(e.workspaceId(), e.projectId()),
            "invoice", invoice,
            "amount", e.amount().toString(),
            "reason", e.reason(),
            "link",
                baseUrl.portal(e.workspaceId(), "/portal/projects/" + e.projectId() + "/invoices")),
        List.of("creditnote:" + e.creditNoteId()));
  }

  /** The receipt mail to the project's contacts: what arrived, what it did, the receipt. */
  public void receipt(Invoice invoice, PaymentView payment, Money amount, String outcome) {
    mail.send(
        invoice.workspaceId(),
        recipients(invoice.workspaceId(), invoice.projectId(), invoice.clientId()),
        "receipt",
        Map.of(
            "number", String.valueOf(invoice.number()),
            "project", projects.nameOf(invoice.workspaceId(), invoice.projectId()),
            "amount", amount.toString(),
            "received", Dates.day(payment.receivedOn()),
            "credit", io.tranche.app.invoice.ClientCredits.CHANNEL.equals(payment.channel()),
            "outcome", outcome,
            "link",
                baseUrl.portal(
                    invoice.workspaceId(),
                    "/portal/projects/" + invoice.projectId() + "/invoices")),
        List.of("receipt:" + payment.id()));
  }
}
