package io.tranche.core.meeting;

import io.tranche.core.error.DomainException;
import io.tranche.core.error.ErrorCode;
import io.tranche.core.error.ErrorKind;
import io.tranche.core.error.Validation;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a meeting log keeps: when it was held and for how long, who attended, how, the notes and an
 * optional link to a recording.
 */
public record MeetingRecord(
    Instant heldAt,
    int durationMinutes,
    MeetingChannel channel,
    String attendees,
    String notes,
    @Nullable String recordingLink) {
  public static final ErrorCode BAD_LINK =
      new ErrorCode(
          "meeting.bad-recording-link",
          ErrorKind.INVALID,
          "recordingLink must be an http or https address");

  public MeetingRecord {
    Validation.required("heldAt", heldAt);
    Validation.range("durationMinutes", durationMinutes, 1, 24 * 60);
    Validation.required("channel", channel);
    attendees = Validation.text("attendees", attendees, 2000);
    notes = Validation.text("notes", notes, 20_000);
    recordingLink = Validation.optionalText("recordingLink", recordingLink, 1000);
    if (recordingLink != null && !isWebLink(recordingLink)) {
      throw DomainException.field(BAD_LINK, "recordingLink", Map.of());
    }
  }

  private static boolean isWebLink(String link) {
    try {
      URI uri = URI.create(link);
      return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
          && Objects.nonNull(uri.getHost());
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
