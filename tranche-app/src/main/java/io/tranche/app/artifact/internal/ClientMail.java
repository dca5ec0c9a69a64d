package io.tranche.app.artifact.internal;

import io.tranche.app.mail.MailService;
import io.tranche.app.mail.OutgoingMail;
import io.tranche.app.platform.BaseUrl;
import io.tranche.app.project.ProjectService;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Mail to a project's client contacts about their deliverables. */
@Component
public class ClientMail {
  private final ProjectService projects;
  private final MailService mail;
  private final BaseUrl baseUrl;

  ClientMail(ProjectService projects, MailService mail, BaseUrl baseUrl) {
    this.projects = projects;
    this.mail = mail;
    this.baseUrl = baseUrl;
  }

  /** Mails the project's contacts, ending the text with the link to their deliverables. */
  public void tellWithDeliverables(UUID workspaceId, UUID projectId, String subject, String text) {
    tell(
        workspaceId,
        projectId,
        subject,
        text + baseUrl.portal(workspaceId, "/portal/projects/" + projectId + "/deliverables"));
  }

  /** Mails the project's contacts. */
  public void tell(UUID workspaceId, UUID projectId, String subject, String body) {
    for (String to : projects.contactEmails(workspaceId, projectId)) {
      mail.enqueue(new OutgoingMail(workspaceId, to, subject, body));
    }
  }
}
