package io.tranche.app.portal;

import io.tranche.app.meeting.MeetingService;
import io.tranche.app.meeting.MeetingView;
import io.tranche.app.message.ThreadPages;
import io.tranche.app.platform.Actor;
import io.tranche.app.platform.Paging;
import io.tranche.app.project.ProjectService;
import io.tranche.app.workspace.WorkspaceService;
import io.tranche.core.error.DomainException;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The portal's requirements thread and meeting notes of a project. */
@Controller
class PortalConversationController {
  private final WorkspaceService workspaces;
  private final ProjectService projects;
  private final ThreadPages threads;
  private final MeetingService meetings;

  PortalConversationController(
      WorkspaceService workspaces,
      ProjectService projects,
      ThreadPages threads,
      MeetingService meetings) {
    this.workspaces = workspaces;
    this.projects = projects;
    this.threads = threads;
    this.meetings = meetings;
  }

  @GetMapping("/portal/projects/{projectId}/messages")
  String messages(Actor actor, @PathVariable UUID projectId, Model model) {
    page(actor, projectId, model);
    threads.show(actor, projectId, model);
    return "portal/messages";
  }

  @PostMapping("/portal/projects/{projectId}/messages")
  String post(
      Actor actor,
      @PathVariable UUID projectId,
      @RequestParam(defaultValue = "") String body,
      @RequestPart(name = "files", required = false) @Nullable List<MultipartFile> files,
      RedirectAttributes redirect) {
    threads.post(actor, projectId, body, files, redirect);
    return "redirect:/portal/projects/" + projectId + "/messages";
  }

  @GetMapping("/portal/attachments/{attachmentId}")
  ResponseEntity<InputStreamResource> attachment(Actor actor, @PathVariable UUID attachmentId) {
    return threads.attachment(actor, attachmentId);
  }

  @GetMapping("/portal/projects/{projectId}/meetings")
  String meetings(Actor actor, @PathVariable UUID projectId, Model model) {
    page(actor, projectId, model);
    model.addAttribute(
        "meetings", meetings.meetings(actor, projectId, new Paging(0, Paging.MAX_SIZE)).items());
    return "portal/meetings";
  }

  @PostMapping("/portal/meetings/{meetingId}/confirm")
  String confirm(Actor actor, @PathVariable UUID meetingId, RedirectAttributes redirect) {
    MeetingView meeting = meetings.meeting(actor, meetingId);
    try {
      meetings.confirm(actor, meetingId);
    } catch (DomainException e) {
      redirect.addFlashAttribute("error", io.tranche.app.platform.FormMessages.message(e));
    }
    return "redirect:/portal/projects/" + meeting.projectId() + "/meetings";
  }

  private void page(Actor actor, UUID projectId, Model model) {
    model.addAttribute("workspace", workspaces.current(actor));
    model.addAttribute("actor", actor);
    model.addAttribute("project", projects.project(actor, projectId));
  }
}
