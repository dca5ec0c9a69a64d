package io.tranche.app.console;

import io.tranche.app.meeting.MeetingService;
import io.tranche.app.message.ThreadPages;
import io.tranche.app.platform.Actor;
import io.tranche.app.platform.Paging;
import io.tranche.app.project.ProjectService;
import io.tranche.app.workspace.WorkspaceService;
import io.tranche.core.error.DomainException;
import io.tranche.core.meeting.MeetingChannel;
import io.tranche.core.meeting.MeetingRecord;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
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

/** The console's requirements thread and meeting log of a project. */
@Controller
class ConsoleConversationController {
  private final WorkspaceService workspaces;
  private final ProjectService projects;
  private final ThreadPages threads;
  private final MeetingService meetings;

  ConsoleConversationController(
      WorkspaceService workspaces,
      ProjectService projects,
      ThreadPages threads,
      MeetingService meetings) {
    this.workspaces = workspaces;
    this.projects = projects;
    this.threads = threads;
    this.meetings = meetings;
  }

  @GetMapping("/console/projects/{projectId}/messages")
  String messages(Actor actor, @PathVariable UUID projectId, Model model) {
    page(actor, projectId, model);
    threads.show(actor, projectId, model);
    return "console/messages";
  }

  @PostMapping("/console/projects/{projectId}/messages")
  String post(
      Actor actor,
      @PathVariable UUID projectId,
      @RequestParam(defaultValue = "") String body,
      @RequestPart(name = "files", required = false) @Nullable List<MultipartFile> files,
      RedirectAttributes redirect) {
    threads.post(actor, projectId, body, files, redirect);
    return "redirect:/console/projects/" + projectId + "/messages";
  }

  @GetMapping("/console/attachments/{attachmentId}")
  ResponseEntity<InputStreamResource> attachment(Actor actor, @PathVariable UUID attachmentId) {
    return threads.attachment(actor, attachmentId);
  }

  @GetMapping("/console/projects/{projectId}/meetings")
  String meetings(Actor actor, @PathVariable UUID projectId, Model model) {
    page(actor, projectId, model);
    model.addAttribute(
        "meetings", meetings.meetings(actor, projectId, new Paging(0, Paging.MAX_SIZE)).items());
    model.addAttribute("channels", MeetingChannel.values());
    model.addAttribute("zone", workspaces.zone(actor.workspaceId()));
    return "console/meetings";
  }

  @PostMapping("/console/projects/{projectId}/meetings")
  String log(
      Actor actor,
      @PathVariable UUID projectId,
      @RequestParam Map<String, String> form,
      HttpServletResponse response,
      Model model) {
    projects.requireVisible(actor, projectId);
    try {
      meetings.log(actor, projectId, record(form, workspaces.zone(actor.workspaceId())));
      return "redirect:/console/projects/" + projectId + "/meetings";
    } catch (DomainException e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute(
          "errors", io.tranche.app.platform.FormMessages.of(e, MEETING_LABELS, "notes"));
      model.addAttribute("form", form);
      return meetings(actor, projectId, model);
    }
  }

  private void page(Actor actor, UUID projectId, Model model) {
    model.addAttribute("workspace", workspaces.current(actor));
    model.addAttribute("actor", actor);
    model.addAttribute("project", projects.project(actor, projectId));
  }

  /** The meeting form's fields by the names its error messages use. */
  static final Map<String, String> MEETING_LABELS =
      Map.of(
          "heldAt", "When",
          "durationMinutes", "Duration",
          "channel", "Channel",
          "attendees", "Attendees",
          "notes", "Notes",
          "recordingLink", "Recording link");

  /**
   * The form's meeting; the date and time a person typed are in the workspace's time zone. Every
   * field is checked and every refusal reported at once.
   */
  private static MeetingRecord record(Map<String, String> form, java.time.ZoneId zone) {
    io.tranche.core.error.FieldChecks checks = new io.tranche.core.error.FieldChecks();
    Instant at = checks.check("heldAt", () -> heldAt(form.get("heldAt"), zone));
    MeetingRecord record =
        checks.check(
            "notes",
            () ->
                new MeetingRecord(
                    at,
                    parseInt(form.get("durationMinutes")),
                    channel(form.get("channel")),
                    form.get("attendees"),
                    form.get("notes"),
                    form.get("recordingLink")));
    checks.throwIfAny();
    return java.util.Objects.requireNonNull(record);
  }

  private static @Nullable Instant heldAt(@Nullable String text, java.time.ZoneId zone) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return LocalDateTime.parse(text).atZone(zone).toInstant();
    } catch (DateTimeParseException e) {
      throw DomainException.field(
          io.tranche.core.error.Validation.REQUIRED,
          "heldAt",
          Map.of("field", "heldAt (date and time)"));
    }
  }

  private static int parseInt(@Nullable String text) {
    try {
      return text == null ? 0 : Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** The channel chosen; none is refused as missing, a name the list does not offer as such. */
  private static @Nullable MeetingChannel channel(@Nullable String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return MeetingChannel.valueOf(text.strip());
    } catch (IllegalArgumentException e) {
      throw io.tranche.app.platform.Errors.notOffered("channel", MeetingChannel.values());
    }
  }
}
