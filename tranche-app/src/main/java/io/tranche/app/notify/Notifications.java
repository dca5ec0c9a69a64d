package io.tranche.app.notify;

import io.tranche.app.contract.AgreementEvent;
import io.tranche.app.mail.MailService;
import io.tranche.app.modification.ModificationEvent;
import io.tranche.app.platform.BaseUrl;
import io.tranche.app.platform.Reaction;
import io.tranche.app.project.MilestoneMoved;
import io.tranche.app.project.MilestoneService;
import io.tranche.app.project.ProjectService;
import io.tranche.app.workspace.WorkspaceService;
import io.tranche.core.milestone.Milestone;
import io.tranche.core.milestone.MilestoneState;
import io.tranche.core.milestone.MilestoneTransitioned;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Mails people when something needs them: a quote was sent (client), first viewed (vendor), signed
 * by the client (vendor, to countersign), the contract is complete (both), work awaits acceptance
 * (client), and the rest of the agreement's steps. The words are templates under {@code
 * templates/mail/}; mail goes into the outbox in the same transaction, so it is sent after commit,
 * with retries, and never blocks the action.
 */
@Component
class Notifications {
  private final MailService mail;
  private final ProjectService projects;
  private final MilestoneService milestones;
  private final WorkspaceService workspaces;
  private final BaseUrl baseUrl;

  Notifications(
      MailService mail,
      ProjectService projects,
      MilestoneService milestones,
      WorkspaceService workspaces,
      BaseUrl baseUrl) {
    this.mail = mail;
    this.projects = projects;
    this.milestones = milestones;
    this.workspaces = workspaces;
    this.baseUrl = baseUrl;
  }

  @Reaction
  void on(AgreementEvent.QuoteSent e) {
    toClient(
        e.workspaceId(),
        e.projectId(),
        "quote-sent",
        Map.of("link", baseUrl.portal(e.workspaceId(), "/portal/quotes/" + e.documentId())),
        List.of());
  }

  @Reaction
  void on(AgreementEvent.QuoteViewed e) {
    if (e.first()) {
      toVendor(
          e.workspaceId(),
          e.projectId(),
          "quote-viewed",
          Map.of("version", e.version(), "link", console("/quotes/" + e.documentId())));
    }
  }

  @Reaction
  void on(AgreementEvent.QuoteSigned e) {
    if (e.contractId() != null) {
      toVendor(
          e.workspaceId(),
          e.projectId(),
          "quote-signed",
          Map.of("link", console("/contracts/" + e.contractId())));
    }
  }

  @Reaction
  void on(AgreementEvent.ContractCompleted e) {
    boolean amendment = e.amends() != null;
    String pdf = "/contracts/" + e.documentId() + "/pdf";
    toClient(
        e.workspaceId(),
        e.projectId(),
        "contract-signed-client",
        Map.of(
            "amendment",
            amendment,
            "link",
            baseUrl.portal(e.workspaceId(), "/portal/projects/" + e.projectId() + "/quotes")),
        List.of("contract:" + e.documentId()));
    toVendor(
        e.workspaceId(),
        e.projectId(),
        "contract-signed-vendor",
        Map.of("amendment", amendment, "link", console(pdf)));
  }

  @Reaction
  void on(AgreementEvent.ChangesRequested e) {
    toVendor(
        e.workspaceId(),
        e.projectId(),
        "changes-requested",
        Map.of(
            "milestone",
            e.milestoneName(),
            "comment",
            e.comment(),
            "link",
            console("/projects/" + e.projectId())));
  }

  @Reaction
  void on(AgreementEvent.Deemed e) {
    if (e.signOff()) {
      signedOff(e.workspaceId(), e.projectId(), false, e.windowEndsAt());
      return;
    }
    toClient(
        e.workspaceId(),
        e.projectId(),
        "deemed-accepted-client",
        Map.of(
            "reminders",
            e.remindersSent(),
            "link",
            baseUrl.portal(e.workspaceId(), "/portal/projects/" + e.projectId())),
        List.of());
    toVendor(
        e.workspaceId(),
        e.projectId(),
        "deemed-accepted-vendor",
        Map.of("reminders", e.remindersSent(), "link", console("/projects/" + e.projectId())));
  }

  @Reaction
  void on(AgreementEvent.SignedOff e) {
    signedOff(e.workspaceId(), e.projectId(), true, e.windowEndsAt());
  }

  private void signedOff(
      UUID workspaceId, UUID projectId, boolean signed, @Nullable Instant windowEndsAt) {
    String ends =
        windowEndsAt == null ? "" : projects.stageOf(workspaceId, projectId).format(windowEndsAt);
    String list = "/projects/" + projectId + "/modifications";
    toClient(
        workspaceId,
        projectId,
        "signed-off-client",
        Map.of(
            "signed", signed, "ends", ends, "link", baseUrl.portal(workspaceId, "/portal" + list)),
        List.of());
    toVendor(
        workspaceId,
        projectId,
        "signed-off-vendor",
        Map.of("signed", signed, "ends", ends, "link", console(list)));
  }

  @Reaction
  void on(MilestoneMoved moved) {
    MilestoneTransitioned t = moved.transition();
    if (t.to() == MilestoneState.SUBMITTED && t.from() != MilestoneState.SUBMITTED) {
      UUID ws = t.workspaceId().value();
      toClient(
          ws,
          t.projectId().value(),
          "work-submitted",
          Map.of(
              "milestone",
              milestones.find(ws, t.milestoneId().value()).map(Milestone::name).orElse("Work"),
              "link",
              baseUrl.portal(ws, "/portal/milestones/" + t.milestoneId())),
          List.of());
    }
  }

  /** The client is asked to confirm the notes of a meeting a member logged. */
  @Reaction
  void on(io.tranche.app.meeting.MeetingLogged logged) {
    if (logged.confirmation()) {
      return;
    }
    UUID ws = logged.workspaceId();
    UUID project = logged.meeting().projectId();
    toClient(
        ws,
        project,
        "meeting-logged",
        Map.of(
            "heldAt",
            io.tranche.app.platform.Dates.zoned(logged.meeting().heldAt(), workspaces.zone(ws)),
            "link",
            baseUrl.portal(ws, "/portal/projects/" + project + "/meetings")),
        List.of());
  }

  /** The client reads why a part is on hold, and how its dispute ended. */
  @Reaction
  void on(io.tranche.app.project.DisputeEvent event) {
    toClient(
        event.workspaceId(),
        event.projectId(),
        event.opened() ? "dispute-opened" : "dispute-resolved",
        Map.of(
            "milestone",
            event.milestone(),
            event.opened() ? "reason" : "outcome",
            event.text(),
            "link",
            baseUrl.portal(event.workspaceId(), "/portal/projects/" + event.projectId())),
        List.of());
  }

  @Reaction
  void on(ModificationEvent event) {
    UUID ws = event.workspaceId();
    UUID project = event.projectId();
    String list = "/projects/" + project + "/modifications";
    if (event instanceof ModificationEvent.Filed f) {
      toVendor(
          ws,
          project,
          "modification-filed",
          Map.of(
              "number", f.request().number(),
              "what", f.request().what(),
              "where", f.request().location(),
              "expected", f.request().expected(),
              "inWindow", f.request().inWindow(),
              "link", console(list)));
    } else if (event instanceof ModificationEvent.Moved m && m.action().equals("done")) {
      toClient(
          ws,
          project,
          "modification-done",
          Map.of(
              "number", m.request().number(),
              "what", m.request().what(),
              "link", baseUrl.portal(ws, "/portal" + list)),
          List.of());
    } else if (event instanceof ModificationEvent.Moved m && m.action().equals("classified")) {
      toClient(
          ws,
          project,
          "modification-classified",
          Map.of(
              "number",
              m.request().number(),
              "minor",
              m.request().kind() == io.tranche.core.modification.ModificationKind.MINOR,
              "link",
              baseUrl.portal(ws, "/portal" + list)),
          List.of());
    }
  }

  private String console(String path) {
    return baseUrl.get() + "/console" + path;
  }

  /** Mails the project's contacts; the template also gets the vendor's and project's names. */
  private void toClient(
      UUID workspaceId,
      UUID projectId,
      String template,
      Map<String, ?> values,
      List<String> attachments) {
    mail.send(
        workspaceId,
        projects.contactEmails(workspaceId, projectId),
        template,
        named(workspaceId, projectId, values),
        attachments);
  }

  /** Mails the workspace's members. */
  private void toVendor(UUID workspaceId, UUID projectId, String template, Map<String, ?> values) {
    mail.send(
        workspaceId,
        workspaces.memberEmails(workspaceId),
        template,
        named(workspaceId, projectId, values));
  }

  private Map<String, Object> named(UUID workspaceId, UUID projectId, Map<String, ?> values) {
    Map<String, Object> all = new HashMap<>(values);
    all.put("vendor", workspaces.name(workspaceId).orElse("Your supplier"));
    all.put("project", projects.nameOf(workspaceId, projectId));
    return all;
  }
}
