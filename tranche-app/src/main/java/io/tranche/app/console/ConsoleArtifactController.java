package io.tranche.app.console;

import io.tranche.app.artifact.ArtifactService;
import io.tranche.app.artifact.ArtifactView;
import io.tranche.app.artifact.ReleaseService;
import io.tranche.app.platform.Actor;
import io.tranche.app.platform.Paging;
import io.tranche.app.project.MilestoneService;
import io.tranche.app.project.MilestoneView;
import io.tranche.app.project.ProjectService;
import io.tranche.app.workspace.WorkspaceService;
import io.tranche.core.error.DomainException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The vendor's deliverables page: upload builds (with progress), see receipts, release. */
@Controller
class ConsoleArtifactController {
  private final WorkspaceService workspaces;
  private final ProjectService projects;
  private final MilestoneService milestones;
  private final ArtifactService artifacts;
  private final io.tranche.app.artifact.ArtifactUploads uploads;
  private final ReleaseService releases;
  private final io.tranche.app.license.LicenseService licenses;
  private final io.tranche.app.preview.PreviewService previews;

  ConsoleArtifactController(
      WorkspaceService workspaces,
      ProjectService projects,
      MilestoneService milestones,
      ArtifactService artifacts,
      io.tranche.app.artifact.ArtifactUploads uploads,
      ReleaseService releases,
      io.tranche.app.license.LicenseService licenses,
      io.tranche.app.preview.PreviewService previews) {
    this.licenses = licenses;
    this.previews = previews;
    this.workspaces = workspaces;
    this.projects = projects;
    this.milestones = milestones;
    this.artifacts = artifacts;
    this.uploads = uploads;
    this.releases = releases;
  }

  @GetMapping("/console/projects/{projectId}/deliverables")
  String page(Actor actor, @PathVariable UUID projectId, Model model) {
    model.addAttribute("workspace", workspaces.current(actor));
    model.addAttribute("actor", actor);
    model.addAttribute("project", projects.project(actor, projectId));
    List<MilestoneView> plan =
        milestones.milestones(actor, projectId, new Paging(0, Paging.MAX_SIZE)).items();
    Map<UUID, List<ArtifactView>> byMilestone = new LinkedHashMap<>();
    for (MilestoneView m : plan) {
      byMilestone.put(m.id(), artifacts.artifacts(actor, m.id()));
    }
    model.addAttribute("milestones", plan);
    model.addAttribute("artifacts", byMilestone);
    model.addAttribute("licenses", licenses.licenses(actor, projectId));
    model.addAttribute("previews", previews.byMilestone(actor, projectId));
    return "console/deliverables";
  }

  /** The page's upload: the raw file as the body (sent by the page's script, with progress). */
  @PostMapping("/console/milestones/{milestoneId}/artifacts")
  @ResponseBody
  @ResponseStatus(HttpStatus.CREATED)
  ArtifactView upload(
      Actor actor,
      @PathVariable UUID milestoneId,
      @RequestParam(required = false) @Nullable String name,
      HttpServletRequest request)
      throws IOException {
    return artifacts.upload(
        actor, milestoneId, name, request.getContentType(), request.getInputStream());
  }

  @PostMapping("/console/milestones/{milestoneId}/release")
  String release(
      Actor actor,
      @PathVariable UUID milestoneId,
      @RequestParam(defaultValue = "") String reason,
      @RequestParam(defaultValue = "false") boolean confirm,
      RedirectAttributes redirect) {
    MilestoneView m = milestones.milestone(actor, milestoneId);
    if (!confirm) {
      redirect.addFlashAttribute(
          "error",
          m.name() + ": tick the box to confirm that the client gets the key now, before paying");
      return "redirect:/console/projects/" + m.projectId() + "/deliverables";
    }
    try {
      releases.releaseByVendor(actor, milestoneId, reason);
    } catch (DomainException e) {
      io.tranche.app.platform.Errors.formStatus(e);
      redirect.addFlashAttribute("error", m.name() + ": " + e.getMessage());
    }
    return "redirect:/console/projects/" + m.projectId() + "/deliverables";
  }

  @PostMapping("/console/artifacts/{artifactId}/delete")
  String delete(Actor actor, @PathVariable UUID artifactId, RedirectAttributes redirect) {
    ArtifactView a = artifacts.artifact(actor, artifactId);
    try {
      uploads.delete(actor, artifactId);
    } catch (DomainException e) {
      redirect.addFlashAttribute("error", io.tranche.app.platform.FormMessages.message(e));
    }
    return "redirect:/console/projects/" + a.projectId() + "/deliverables";
  }
}
