package io.tranche.app.notify;

import io.tranche.app.contract.AgreementEvent;
import io.tranche.app.mail.MailService;
import io.tranche.app.mail.OutgoingMail;
import io.tranche.app.modification.ModificationEvent;
import io.tranche.app.platform.BaseUrl;
import io.tranche.app.platform.Reaction;
import io.tranche.app.project.MilestoneMoved;
import io.tranche.app.project.ProjectService;
import io.tranche.app.workspace.WorkspaceService;
import io.tranche.core.milestone.MilestoneState;
import io.tranche.core.milestone.MilestoneTransitioned;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Mails people when something needs them: a quote was sent (client), first viewed (vendor), signed
 * by the client (vendor, to countersign), the contract is complete (both), work awaits acceptance
 * (client). Mail goes into the outbox in the same transaction, so it is sent after commit, with
 * retries, and never blocks the action.
 */
@Component
class Notifications {
  private final MailService mail;
  private final ProjectService projects;
  private final WorkspaceService workspaces;
  private final BaseUrl baseUrl;

  Notifications(
      MailService mail, ProjectService projects, WorkspaceService workspaces, BaseUrl baseUrl) {
    this.mail = mail;
    this.projects = projects;
    this.workspaces = workspaces;
    this.baseUrl = baseUrl;
  }

  @Reaction
  void on(AgreementEvent.QuoteSent e) {
    send(
        e.workspaceId(),
        projects.contactEmails(e.workspaceId(), e.projectId()),
        vendor(e.workspaceId()) + " sent you a quote",
        "A quote is ready for you to read. Open it, then accept it or ask for changes:\n\n"
            + baseUrl.portal(e.workspaceId(), "/portal/quotes/" + e.documentId()));
  }

  @Reaction
  void on(AgreementEvent.QuoteViewed e) {
    if (e.first()) {
      send(
          e.workspaceId(),
          workspaces.memberEmails(e.workspaceId()),
          "Your quote was opened",
          "The client opened quote version "
              + e.version()
              + ":\n\n"
              + baseUrl.get()
              + "/console/quotes/"
              + e.documentId());
    }
  }

  @Reaction
  void on(AgreementEvent.QuoteSigned e) {
    if (e.contractId() != null) {
      send(
          e.workspaceId(),
          workspaces.memberEmails(e.workspaceId()),
          "The client signed your quote: countersign the contract",
          "The client accepted and signed the quote. Countersign the contract to complete it:\n\n"
              + baseUrl.get()
              + "/console/contracts/"
              + e.contractId());
    }
  }

  @Reaction
  void on(AgreementEvent.ContractCompleted e) {
    boolean amendment = e.amends() != null;
    String link = "/contracts/" + e.documentId() + "/pdf";
    sendWith(
        e.workspaceId(),
        projects.contactEmails(e.workspaceId(), e.projectId()),
        List.of("contract:" + e.documentId()),
        (amendment ? "Your amendment with " : "Your contract with ")
            + vendor(e.workspaceId())
            + " is signed",
        (amendment
                ? "Both sides signed the amendment; the plan now follows it:\n\n"
                : "Both sides signed. The contract with its certificate of completion:\n\n")
            + baseUrl.portal(e.workspaceId(), "/portal" + link));
    send(
        e.workspaceId(),
        workspaces.memberEmails(e.workspaceId()),
        amendment ? "Amendment signed by both sides" : "Contract signed by both sides",
        (amendment
                ? "The amendment is complete and the plan follows it:\n\n"
                : "The contract is complete:\n\n")
            + baseUrl.get()
            + "/console"
            + link);
  }

  @Reaction
  void on(AgreementEvent.ChangesRequested e) {
    send(
        e.workspaceId(),
        workspaces.memberEmails(e.workspaceId()),
        "The client asks for changes to " + e.milestoneName(),
        "The client asked for changes:\n\n"
            + e.comment()
            + "\n\n"
            + baseUrl.get()
            + "/console/projects/"
            + e.projectId());
  }

  @Reaction
  void on(AgreementEvent.Deemed e) {
    if (e.signOff()) {
      signedOff(e.workspaceId(), e.projectId(), false, e.windowEndsAt());
      return;
    }
    String body =
        "The review period passed without an answer, so the delivered work counts as accepted"
            + " under the contract. Reminders sent: "
            + e.remindersSent()
            + ".\n\n";
    send(
        e.workspaceId(),
        projects.contactEmails(e.workspaceId(), e.projectId()),
        "Delivered work is now accepted",
        body + baseUrl.portal(e.workspaceId(), "/portal/projects/" + e.projectId()));
    send(
        e.workspaceId(),
        workspaces.memberEmails(e.workspaceId()),
        "Deemed acceptance after the review period",
        body + baseUrl.get() + "/console/projects/" + e.projectId());
  }

  @Reaction
  void on(AgreementEvent.SignedOff e) {
    signedOff(e.workspaceId(), e.projectId(), true, e.windowEndsAt());
  }

  private void signedOff(
      UUID workspaceId, UUID projectId, boolean signed, @Nullable Instant windowEndsAt) {
    String ends =
        windowEndsAt == null ? "" : projects.stageOf(workspaceId, projectId).format(windowEndsAt);
    String body =
        (signed
                ? "The final delivery is signed off."
                : "The review period passed without an answer, so the final delivery counts as"
                    + " signed off.")
            + " The modification window is open until "
            + ends
            + ": request minor changes through the modification form.\n\n";
    send(
        workspaceId,
        projects.contactEmails(workspaceId, projectId),
        "Signed off: the modification window is open",
        body + baseUrl.portal(workspaceId, "/portal/projects/" + projectId + "/modifications"));
    send(
        workspaceId,
        workspaces.memberEmails(workspaceId),
        "The project is signed off",
        body + baseUrl.get() + "/console/projects/" + projectId + "/modifications");
  }

  private String vendor(UUID workspaceId) {
    return workspaces.name(workspaceId).orElse("Your supplier");
  }

  @Reaction
  void on(MilestoneMoved moved) {
    MilestoneTransitioned t = moved.transition();
    if (t.to() == MilestoneState.SUBMITTED && t.from() != MilestoneState.SUBMITTED) {
      send(
          t.workspaceId().value(),
          projects.contactEmails(t.workspaceId().value(), t.projectId().value()),
          "Work is ready for your review",
          "A milestone was delivered and awaits your acceptance (or a request for changes)."
              + " Review it, then sign the acceptance or tell us what to change; without an"
              + " answer within the contract's review period it counts as accepted:\n\n"
              + baseUrl.portal(t.workspaceId().value(), "/portal/milestones/" + t.milestoneId()));
    }
  }

  @Reaction
  void on(ModificationEvent event) {
    UUID ws = event.workspaceId();
    UUID project = event.projectId();
    String list = "/projects/" + project + "/modifications";
    if (event instanceof ModificationEvent.Filed f) {
      send(
          ws,
          workspaces.memberEmails(ws),
          "Modification request #" + f.request().number() + ": " + f.request().what(),
          "Where: "
              + f.request().location()
              + "\nExpected: "
              + f.request().expected()
              + (f.request().inWindow()
                  ? "\n\nFiled inside the modification window: classify it as minor (free) or a"
                      + " change order."
                  : "\n\nFiled after the modification window: a change order to quote.")
              + "\n\n"
              + baseUrl.get()
              + "/console"
              + list);
    } else if (event instanceof ModificationEvent.Moved m && m.action().equals("done")) {
      send(
          ws,
          projects.contactEmails(ws, project),
          "Please confirm: modification #" + m.request().number() + " is done",
          "We made the change you asked for: "
              + m.request().what()
              + "\n\nPlease check it and confirm:\n\n"
              + baseUrl.portal(ws, "/portal" + list));
    } else if (event instanceof ModificationEvent.Moved m && m.action().equals("classified")) {
      send(
          ws,
          projects.contactEmails(ws, project),
          "Modification #" + m.request().number() + " was reviewed",
          (m.request().kind() == io.tranche.core.modification.ModificationKind.MINOR
                  ? "It is a minor change, free within the modification window."
                  : "It is a change order: you will receive a quote for it.")
              + "\n\n"
              + baseUrl.portal(ws, "/portal" + list));
    }
  }

  private void sendWith(
      UUID workspaceId,
      List<String> recipients,
      List<String> attachments,
      String subject,
      String body) {
    for (String to : recipients) {
      mail.enqueue(new OutgoingMail(workspaceId, to, subject, body, attachments));
    }
  }

  private void send(UUID workspaceId, List<String> recipients, String subject, String body) {
    for (String to : recipients) {
      mail.enqueue(new OutgoingMail(workspaceId, to, subject, body));
    }
  }
}
