package io.tranche.app.portal;

import io.tranche.app.contract.AcceptanceService;
import io.tranche.app.contract.SignedBy;
import io.tranche.app.platform.Actor;
import io.tranche.app.project.ProjectService;
import io.tranche.app.workspace.WorkspaceService;
import io.tranche.core.contract.SignatureRequest;
import io.tranche.core.error.DomainException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The client reviews delivered work: accepts it with a signature, or asks for changes; signs off.
 */
@Controller
class PortalAcceptanceController {
  private final WorkspaceService workspaces;
  private final io.tranche.app.preview.PreviewService previews;
  private final ProjectService projects;
  private final AcceptanceService acceptances;
  private final io.tranche.app.invoice.InvoiceService invoices;

  PortalAcceptanceController(
      WorkspaceService workspaces,
      ProjectService projects,
      AcceptanceService acceptances,
      io.tranche.app.preview.PreviewService previews,
      io.tranche.app.invoice.InvoiceService invoices) {
    this.previews = previews;
    this.invoices = invoices;
    this.workspaces = workspaces;
    this.projects = projects;
    this.acceptances = acceptances;
  }

  @GetMapping("/portal/milestones/{milestoneId}")
  String review(Actor actor, @PathVariable UUID milestoneId, Model model) {
    page(actor, acceptances.open(actor, milestoneId), model);
    return "portal/milestone";
  }

  @PostMapping("/portal/milestones/{milestoneId}/sign")
  String sign(
      Actor actor,
      @PathVariable UUID milestoneId,
      @RequestParam(defaultValue = "") String typedName,
      @RequestParam(defaultValue = "false") boolean consent,
      @RequestParam(defaultValue = "") String documentHash,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    try {
      acceptances.sign(
          actor,
          milestoneId,
          new SignatureRequest(typedName, consent, documentHash),
          SignedBy.of(request));
      return "redirect:/portal/milestones/" + milestoneId + "?signed";
    } catch (DomainException e) {
      return refused(actor, milestoneId, e, response, model, Map.of("typedName", typedName));
    }
  }

  @PostMapping("/portal/milestones/{milestoneId}/changes")
  String changes(
      Actor actor,
      @PathVariable UUID milestoneId,
      @RequestParam(defaultValue = "") String comment,
      HttpServletResponse response,
      Model model) {
    try {
      acceptances.requestChanges(actor, milestoneId, comment);
      return "redirect:/portal/milestones/" + milestoneId + "?changes";
    } catch (DomainException e) {
      return refused(actor, milestoneId, e, response, model, Map.of("comment", comment));
    }
  }

  private String refused(
      Actor actor,
      UUID milestoneId,
      DomainException e,
      HttpServletResponse response,
      Model model,
      Map<String, String> form) {
    int status = io.tranche.app.platform.Errors.formStatus(e);
    page(actor, acceptances.open(actor, milestoneId), model);
    response.setStatus(status);
    model.addAttribute("errors", io.tranche.app.platform.FormMessages.of(e, "sign"));
    model.addAllAttributes(form);
    return "portal/milestone";
  }

  private void page(Actor actor, AcceptanceService.Decision decision, Model model) {
    model.addAttribute("workspace", workspaces.current(actor));
    model.addAttribute("actor", actor);
    model.addAttribute("project", projects.project(actor, decision.milestone().projectId()));
    model.addAttribute("decision", decision);
    model.addAttribute("consentText", SignatureRequest.CONSENT_TEXT);
    // the part's invoice while it asks for money: its number, what is open, where to pay it
    model.addAttribute(
        "owed",
        invoices.owing(actor, decision.milestone().projectId()).stream()
            .filter(i -> decision.milestone().id().equals(i.milestoneId()))
            .findFirst()
            .orElse(null));
    model.addAttribute(
        "previews",
        previews
            .byMilestone(actor, decision.milestone().projectId())
            .getOrDefault(decision.milestone().id(), java.util.List.of()));
  }
}
