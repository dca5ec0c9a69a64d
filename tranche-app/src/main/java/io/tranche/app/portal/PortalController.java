package io.tranche.app.portal;

import io.tranche.app.contract.ContractService;
import io.tranche.app.contract.ContractView;
import io.tranche.app.meeting.MeetingService;
import io.tranche.app.message.MessageService;
import io.tranche.app.platform.Actor;
import io.tranche.app.platform.Paging;
import io.tranche.app.project.MilestoneService;
import io.tranche.app.project.ProjectService;
import io.tranche.app.workspace.WorkspaceService;
import io.tranche.core.project.Timeline;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The client portal: a contact's projects, where each stands, and what they owe. */
@Controller
class PortalController {
  private final WorkspaceService workspaces;
  private final ProjectService projects;
  private final MilestoneService milestones;
  private final MessageService messages;
  private final MeetingService meetings;
  private final ContractService contracts;
  private final io.tranche.app.invoice.InvoiceService invoices;

  PortalController(
      WorkspaceService workspaces,
      ProjectService projects,
      MilestoneService milestones,
      MessageService messages,
      MeetingService meetings,
      ContractService contracts,
      io.tranche.app.invoice.InvoiceService invoices) {
    this.workspaces = workspaces;
    this.projects = projects;
    this.milestones = milestones;
    this.messages = messages;
    this.meetings = meetings;
    this.contracts = contracts;
    this.invoices = invoices;
  }

  @GetMapping("/portal")
  String projects(Actor actor, @RequestParam(defaultValue = "0") int page, Model model) {
    model.addAttribute("workspace", workspaces.current(actor));
    model.addAttribute("actor", actor);
    model.addAttribute("projects", projects.projects(actor, new Paging(page, Paging.DEFAULT_SIZE)));
    return "portal/projects";
  }

  @GetMapping("/portal/projects/{projectId}")
  String project(Actor actor, @PathVariable UUID projectId, Model model) {
    model.addAttribute("workspace", workspaces.current(actor));
    model.addAttribute("actor", actor);
    model.addAttribute("project", projects.project(actor, projectId));
    model.addAttribute(
        "milestones",
        milestones.milestones(actor, projectId, new Paging(0, Paging.MAX_SIZE)).items());
    model.addAttribute(
        "timeline",
        Timeline.of(
            new Timeline.Facts(
                messages.messages(actor, projectId, new Paging(0, 1)).total() > 0,
                meetings.meetings(actor, projectId, new Paging(0, 1)).total() > 0,
                contracts.contracts(actor, projectId).stream()
                    .anyMatch(c -> c.status() == ContractView.ContractStatus.SIGNED),
                projects.stage(actor, projectId).signedOffAt() != null,
                milestones.plan(actor, projectId),
                owed(actor, projectId))));
    return "portal/project";
  }

  /** The project's invoices with money open on them: what the client owes now. */
  private java.util.List<Timeline.Owed> owed(Actor actor, UUID projectId) {
    return invoices.invoices(actor, projectId, new Paging(0, Paging.MAX_SIZE)).items().stream()
        .filter(i -> i.number() != null && i.open().amountMinor() > 0)
        .filter(
            i ->
                switch (i.state()) {
                  case ISSUED, PARTIALLY_PAID, OVERDUE -> true;
                  default -> false;
                })
        .map(
            i ->
                new Timeline.Owed(
                    i.number(),
                    i.lines().isEmpty() ? "" : i.lines().get(0).description(),
                    io.tranche.core.money.Money.of(i.open().amountMinor(), i.open().currency()),
                    i.dueOn()))
        .toList();
  }
}
