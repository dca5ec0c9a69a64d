package io.tranche.app.invoice.internal;

import io.tranche.app.invoice.PaymentView;
import io.tranche.app.mail.MailService;
import io.tranche.app.mail.OutgoingMail;
import io.tranche.app.project.ProjectService;
import io.tranche.app.workspace.WorkspaceService;
import io.tranche.core.invoice.Invoice;
import io.tranche.core.money.Money;

/** Mail about invoices and payments: to the project's contacts, and to the workspace's members. */
@org.springframework.stereotype.Component
public class InvoiceMail {
  private final ProjectService projects;
  private final WorkspaceService workspaces;
  private final MailService mail;
  private final io.tranche.app.platform.BaseUrl baseUrl;

  InvoiceMail(
      ProjectService projects,
      WorkspaceService workspaces,
      MailService mail,
      io.tranche.app.platform.BaseUrl baseUrl) {
    this.projects = projects;
    this.workspaces = workspaces;
    this.mail = mail;
    this.baseUrl = baseUrl;
  }

  /** The receipt mail to the project's contacts: what arrived, what it did, the receipt's link. */
  public void receipt(Invoice invoice, PaymentView payment, Money amount, String outcome) {
    notifyContacts(
        invoice,
        java.util.List.of("receipt:" + payment.id()),
        "Receipt for invoice " + invoice.number(),
        "We received "
            + amount
            + " for invoice "
            + invoice.number()
            + " on "
            + payment.receivedOn()
            + ". "
            + outcome
            + "\n\nYour receipt: "
            + baseUrl.portal(
                invoice.workspaceId(), "/portal/payments/" + payment.id() + "/receipt"));
  }

  public void notifyContacts(Invoice invoice, String subject, String body) {
    notifyContacts(invoice, java.util.List.of(), subject, body);
  }

  /** Mails the project's contacts with documents attached (references, rendered when sent). */
  public void notifyContacts(
      Invoice invoice, java.util.List<String> attachments, String subject, String body) {
    for (String to : projects.contactEmails(invoice.workspaceId(), invoice.projectId())) {
      mail.enqueue(new OutgoingMail(invoice.workspaceId(), to, subject, body, attachments));
    }
  }

  /** Mails every member of the invoice's workspace. */
  public void notifyMembers(Invoice invoice, String subject, String body) {
    for (String to : workspaces.memberEmails(invoice.workspaceId())) {
      mail.enqueue(new OutgoingMail(invoice.workspaceId(), to, subject, body));
    }
  }
}
