package io.tranche.app.console;

import io.tranche.app.contract.QuoteView;
import io.tranche.app.modification.ModificationService;
import io.tranche.app.modification.ModificationView;
import io.tranche.app.platform.Actor;
import io.tranche.app.platform.Errors;
import io.tranche.app.project.ProjectService;
import io.tranche.app.workspace.WorkspaceService;
import io.tranche.core.error.DomainException;
import io.tranche.core.modification.ModificationKind;
import io.tranche.core.money.Money;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The vendor's side of the modification window: classify, track, quote change orders. */
@Controller
class ConsoleModificationController {
  private final WorkspaceService workspaces;
  private final ProjectService projects;
  private final ModificationService modifications;

  ConsoleModificationController(
      WorkspaceService workspaces, ProjectService projects, ModificationService modifications) {
    this.workspaces = workspaces;
    this.projects = projects;
    this.modifications = modifications;
  }

  @GetMapping("/console/projects/{projectId}/modifications")
  String list(Actor actor, @PathVariable UUID projectId, Model model) {
    model.addAttribute("workspace", workspaces.current(actor));
    model.addAttribute("actor", actor);
    model.addAttribute("project", projects.project(actor, projectId));
    model.addAttribute("stage", projects.stage(actor, projectId));
    model.addAttribute("requests", modifications.requests(actor, projectId));
    return "console/modifications";
  }

  @PostMapping("/console/modification-requests/{requestId}/classification")
  String classify(
      Actor actor,
      @PathVariable("requestId") UUID id,
      @RequestParam(required = false) @Nullable ModificationKind kind,
      RedirectAttributes redirect) {
    return act(actor, id, redirect, () -> modifications.classify(actor, id, kind));
  }

  @PostMapping("/console/modification-requests/{requestId}/progress")
  String progress(
      Actor actor,
      @PathVariable("requestId") UUID id,
      @RequestParam(defaultValue = "") String status,
      RedirectAttributes redirect) {
    return act(
        actor,
        id,
        redirect,
        () ->
            "DONE".equals(status) ? modifications.done(actor, id) : modifications.start(actor, id));
  }

  @PostMapping("/console/modification-requests/{requestId}/change-order")
  String changeOrder(
      Actor actor,
      @PathVariable("requestId") UUID id,
      @RequestParam(defaultValue = "") String amount,
      RedirectAttributes redirect) {
    ModificationView request = modifications.request(actor, id);
    try {
      Money net =
          Errors.at(
              "amount",
              () ->
                  Money.parseTyped(
                      amount, projects.currencyOf(actor.workspaceId(), request.projectId())));
      QuoteView quote = modifications.quote(actor, id, net);
      return "redirect:/console/quotes/" + quote.id();
    } catch (DomainException e) {
      Errors.formStatus(e);
      redirect.addFlashAttribute("error", "#" + request.number() + ": " + e.getMessage());
      return "redirect:/console/projects/" + request.projectId() + "/modifications";
    }
  }

  private String act(
      Actor actor, UUID id, RedirectAttributes redirect, java.util.function.Supplier<?> action) {
    ModificationView request = modifications.request(actor, id);
    try {
      action.get();
    } catch (DomainException e) {
      Errors.formStatus(e);
      redirect.addFlashAttribute("error", "#" + request.number() + ": " + e.getMessage());
    }
    return "redirect:/console/projects/" + request.projectId() + "/modifications";
  }
}
