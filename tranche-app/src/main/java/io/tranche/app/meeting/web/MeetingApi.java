package io.tranche.app.meeting.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tranche.app.meeting.MeetingService;
import io.tranche.app.meeting.MeetingView;
import io.tranche.app.platform.Actor;
import io.tranche.app.platform.PageOf;
import io.tranche.app.platform.Paging;
import io.tranche.core.meeting.MeetingChannel;
import io.tranche.core.meeting.MeetingRecord;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The meeting log of a project. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "meetings", description = "Meetings with the client, their notes and confirmations")
class MeetingApi {
  private final MeetingService meetings;

  MeetingApi(MeetingService meetings) {
    this.meetings = meetings;
  }

  /** A meeting to log. */
  record MeetingBody(
      @Nullable Instant heldAt,
      @Nullable Integer durationMinutes,
      @Nullable MeetingChannel channel,
      @Nullable String attendees,
      @Nullable String notes,
      @Nullable String recordingLink) {}

  @GetMapping("/projects/{projectId}/meetings")
  @Operation(summary = "List a project's meetings, newest first")
  PageOf<MeetingView> list(
      Actor actor,
      @PathVariable UUID projectId,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "" + Paging.DEFAULT_SIZE) int size) {
    return meetings.meetings(actor, projectId, new Paging(page, size));
  }

  @PostMapping("/projects/{projectId}/meetings")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Log a meeting")
  MeetingView log(Actor actor, @PathVariable UUID projectId, @RequestBody MeetingBody body) {
    meetings.meetings(actor, projectId, new Paging(0, 1));
    return meetings.log(
        actor,
        projectId,
        new MeetingRecord(
            body.heldAt(),
            body.durationMinutes() == null ? 0 : body.durationMinutes(),
            body.channel(),
            body.attendees(),
            body.notes(),
            body.recordingLink()));
  }

  @GetMapping("/meetings/{meetingId}")
  @Operation(summary = "Read a meeting")
  MeetingView get(Actor actor, @PathVariable UUID meetingId) {
    return meetings.meeting(actor, meetingId);
  }
}
