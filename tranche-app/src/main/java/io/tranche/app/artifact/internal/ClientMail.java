package io.tranche.app.artifact.internal;

import io.tranche.app.mail.MailService;
import io.tranche.app.platform.BaseUrl;
import io.tranche.app.project.ProjectService;
import io.tranche.app.workspace.WorkspaceService;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Mail to a project's client contacts about their deliverables. */
@Component
public class ClientMail {
  private final ProjectService projects;
  private final WorkspaceService workspaces;
  private final MailService mail;
  private final BaseUrl baseUrl;

  ClientMail(
      ProjectService projects, WorkspaceService workspaces, MailService mail, BaseUrl baseUrl) {
    this.projects = projects;
    this.workspaces = workspaces;
    this.mail = mail;
    this.baseUrl = baseUrl;
  }

  /**
   * Mails the project's contacts from a template that gets the vendor's and project's names and the
   * link to their deliverables besides {@code values}.
   */
  public void tellWithDeliverables(
      UUID workspaceId, UUID projectId, String template, Map<String, ?> values) {
    Map<String, Object> all = new HashMap<>(values);
    all.put("vendor", workspaces.name(workspaceId).orElse("Your supplier"));
    all.put("project", projects.nameOf(workspaceId, projectId));
    all.put("link", baseUrl.portal(workspaceId, "/portal/projects/" + projectId + "/deliverables"));
    mail.send(workspaceId, projects.contactEmails(workspaceId, projectId), template, all);
  }
}
