package io.tranche.app.meeting;

import java.util.UUID;

/** A meeting was logged or its notes confirmed (for the evidence log). */
public record MeetingLogged(
    UUID workspaceId, MeetingView meeting, String actor, boolean confirmation) {}
