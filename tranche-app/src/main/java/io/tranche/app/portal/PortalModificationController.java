package io.tranche.app.portal;

import io.tranche.app.message.Uploads;
import io.tranche.app.modification.ModificationService;
import io.tranche.app.modification.ModificationView;
import io.tranche.app.platform.Actor;
import io.tranche.app.platform.Errors;
import io.tranche.app.project.ProjectService;
import io.tranche.app.project.ProjectStage;
import io.tranche.app.workspace.WorkspaceService;
import io.tranche.core.error.DomainException;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The client's modification requests after sign-off: the form, the list, confirming done work. */
@Controller
class PortalModificationController {
  private final WorkspaceService workspaces;
  private final ProjectService projects;
  private final ModificationService modifications;
  private final Clock clock;

  PortalModificationController(
      WorkspaceService workspaces,
      ProjectService projects,
      ModificationService modifications,
      Clock clock) {
    this.workspaces = workspaces;
    this.projects = projects;
    this.modifications = modifications;
    this.clock = clock;
  }

  @GetMapping("/portal/projects/{projectId}/modifications")
  String list(Actor actor, @PathVariable UUID projectId, Model model) {
    page(actor, projectId, model);
    return "portal/modifications";
  }

  @PostMapping("/portal/projects/{projectId}/modifications")
  String file(
      Actor actor,
      @PathVariable UUID projectId,
      @RequestParam(defaultValue = "") String what,
      @RequestParam(defaultValue = "") String where,
      @RequestParam(defaultValue = "") String expected,
      @RequestPart(name = "files", required = false) @Nullable List<MultipartFile> files,
      HttpServletResponse response,
      RedirectAttributes redirect,
      Model model) {
    try {
      ModificationView filed =
          modifications.file(actor, projectId, what, where, expected, Uploads.of(files));
      redirect.addFlashAttribute("filed", filed.number());
      return "redirect:/portal/projects/" + projectId + "/modifications";
    } catch (DomainException e) {
      response.setStatus(Errors.formStatus(e));
      page(actor, projectId, model);
      model.addAttribute("errors", io.tranche.app.platform.FormMessages.of(e, "form"));
      model.addAllAttributes(Map.of("what", what, "where", where, "expected", expected));
      return "portal/modifications";
    }
  }

  @PostMapping("/portal/modification-requests/{requestId}/confirm")
  String confirm(Actor actor, @PathVariable("requestId") UUID id, RedirectAttributes redirect) {
    ModificationView request = modifications.request(actor, id);
    try {
      modifications.confirm(actor, id);
    } catch (DomainException e) {
      Errors.formStatus(e);
      redirect.addFlashAttribute("error", io.tranche.app.platform.FormMessages.message(e));
    }
    return "redirect:/portal/projects/" + request.projectId() + "/modifications";
  }

  private void page(Actor actor, UUID projectId, Model model) {
    ProjectStage stage = projects.stage(actor, projectId);
    model.addAttribute("workspace", workspaces.current(actor));
    model.addAttribute("actor", actor);
    model.addAttribute("project", projects.project(actor, projectId));
    model.addAttribute("stage", stage);
    model.addAttribute("windowOpen", stage.windowOpenAt(clock.instant()));
    model.addAttribute("requests", modifications.requests(actor, projectId));
  }
}
