package io.tranche.core.meeting;

import io.tranche.core.error.DomainException;
import io.tranche.core.error.ErrorCode;
import io.tranche.core.error.ErrorKind;
import io.tranche.core.error.FieldChecks;
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

  /** Checks every field and reports every refusal at once. */
  public MeetingRecord {
    FieldChecks checks = new FieldChecks();
    Instant at = heldAt;
    int minutes = durationMinutes;
    MeetingChannel how = channel;
    String who = attendees;
    String what = notes;
    String link = recordingLink;
    checks.check("heldAt", () -> Validation.required("heldAt", at));
    checks.check("durationMinutes", () -> Validation.range("durationMinutes", minutes, 1, 24 * 60));
    checks.check("channel", () -> Validation.required("channel", how));
    attendees = checks.check("attendees", () -> Validation.text("attendees", who, 2000));
    notes = checks.check("notes", () -> Validation.text("notes", what, 20_000));
    recordingLink =
        checks.check(
            "recordingLink",
            () -> {
              String l = Validation.optionalText("recordingLink", link, 1000);
              if (l != null && !isWebLink(l)) {
                throw DomainException.field(BAD_LINK, "recordingLink", Map.of());
              }
              return l;
            });
    checks.throwIfAny();
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
