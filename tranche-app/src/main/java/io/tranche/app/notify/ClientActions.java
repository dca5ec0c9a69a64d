package io.tranche.app.notify;

import io.tranche.app.contract.AgreementEvent;
import io.tranche.app.invoice.InvoiceEvent;
import io.tranche.app.mail.MailService;
import io.tranche.app.mail.OutgoingMail;
import io.tranche.app.message.MessagePosted;
import io.tranche.app.platform.BaseUrl;
import io.tranche.app.platform.Reaction;
import io.tranche.app.project.ProjectService;
import io.tranche.app.workspace.WorkspaceService;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The vendor hears of each client action by mail, once per event, with a link to where it is
 * handled: a message, an acceptance, a reported transfer. (Signatures, change requests and
 * sign-offs are mailed with the rest of the agreement's steps in {@link Notifications}.)
 */
@Component
class ClientActions {
  private final MailService mail;
  private final WorkspaceService workspaces;
  private final ProjectService projects;
  private final BaseUrl baseUrl;

  ClientActions(
      MailService mail, WorkspaceService workspaces, ProjectService projects, BaseUrl baseUrl) {
    this.mail = mail;
    this.workspaces = workspaces;
    this.projects = projects;
    this.baseUrl = baseUrl;
  }

  @Reaction
  void on(MessagePosted e) {
    if (!e.message().fromClient()) {
      return;
    }
    String project = projectName(e.workspaceId(), e.message().projectId());
    tellMembers(
        e.workspaceId(),
        "New message from " + e.message().authorEmail() + " on " + project,
        e.message().authorEmail()
            + " wrote about "
            + project
            + ". Read and answer it here:\n\n"
            + baseUrl.get()
            + "/console/projects/"
            + e.message().projectId()
            + "/messages");
  }

  @Reaction
  void on(AgreementEvent.AcceptanceSigned e) {
    String project = projectName(e.workspaceId(), e.projectId());
    tellMembers(
        e.workspaceId(),
        "Accepted: delivered work on " + project,
        e.signature().typedName()
            + " signed the acceptance of delivered work on "
            + project
            + ". Its invoice follows the payment plan:\n\n"
            + baseUrl.get()
            + "/console/projects/"
            + e.projectId());
  }

  @Reaction
  void on(InvoiceEvent.PaymentReported e) {
    String project = projectName(e.workspaceId(), e.projectId());
    tellMembers(
        e.workspaceId(),
        "Transfer reported: " + e.amount() + " on " + project,
        "The client reports a transfer of "
            + e.amount()
            + " for "
            + project
            + ". It counts once you confirm it has arrived:\n\n"
            + baseUrl.get()
            + "/console/projects/"
            + e.projectId()
            + "/invoices");
  }

  private String projectName(UUID workspaceId, UUID projectId) {
    return projects.nameOf(workspaceId, projectId);
  }

  private void tellMembers(UUID workspaceId, String subject, String body) {
    for (String to : workspaces.memberEmails(workspaceId)) {
      mail.enqueue(new OutgoingMail(workspaceId, to, subject, body));
    }
  }
}
