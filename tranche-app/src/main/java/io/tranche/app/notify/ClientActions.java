package io.tranche.app.notify;

import io.tranche.app.contract.AgreementEvent;
import io.tranche.app.invoice.InvoiceEvent;
import io.tranche.app.mail.MailService;
import io.tranche.app.message.MessagePosted;
import io.tranche.app.platform.BaseUrl;
import io.tranche.app.platform.Reaction;
import io.tranche.app.preview.PreviewEvent;
import io.tranche.app.project.ProjectService;
import io.tranche.app.workspace.WorkspaceService;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The vendor hears of each client action by mail, once per event, with a link to where it is
 * handled: a message, an acceptance, a reported transfer; and of what the server finished for them
 * in the background: a video preview made ready, or not. (Signatures, change requests and sign-offs
 * are mailed with the rest of the agreement's steps in {@link Notifications}.)
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
    UUID project = e.message().projectId();
    tellMembers(
        e.workspaceId(),
        project,
        "client-message",
        Map.of(
            "author",
            e.message().authorEmail(),
            "link",
            baseUrl.get() + "/console/projects/" + project + "/messages"));
  }

  @Reaction
  void on(AgreementEvent.AcceptanceSigned e) {
    tellMembers(
        e.workspaceId(),
        e.projectId(),
        "client-accepted",
        Map.of(
            "signer",
            e.signature().typedName(),
            "link",
            baseUrl.get() + "/console/projects/" + e.projectId()));
  }

  @Reaction
  void on(InvoiceEvent.PaymentReported e) {
    tellMembers(
        e.workspaceId(),
        e.projectId(),
        "client-reported-payment",
        Map.of(
            "amount",
            e.amount().toString(),
            "link",
            baseUrl.get() + "/console/projects/" + e.projectId() + "/invoices"));
  }

  @Reaction
  void on(PreviewEvent.Prepared e) {
    tellMembers(
        e.workspaceId(),
        e.projectId(),
        "preview-prepared",
        Map.of(
            "name",
            e.name(),
            "ready",
            e.ready(),
            "problem",
            e.problem(),
            "link",
            baseUrl.get() + "/console/projects/" + e.projectId() + "/deliverables"));
  }

  private void tellMembers(
      UUID workspaceId, UUID projectId, String template, Map<String, Object> values) {
    Map<String, Object> all = new java.util.HashMap<>(values);
    all.put("project", projects.nameOf(workspaceId, projectId));
    mail.send(workspaceId, workspaces.memberEmails(workspaceId), template, all);
  }
}
