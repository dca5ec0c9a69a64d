package io.tranche.app.meeting;

import io.tranche.core.meeting.MeetingChannel;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A logged meeting and whether the client confirmed its notes. */
public record MeetingView(
    UUID id,
    UUID projectId,
    Instant heldAt,
    int durationMinutes,
    MeetingChannel channel,
    String attendees,
    String notes,
    @Nullable String recordingLink,
    String loggedBy,
    @Nullable String confirmedBy,
    @Nullable Instant confirmedAt) {
  public boolean confirmed() {
    return confirmedAt != null;
  }
}
