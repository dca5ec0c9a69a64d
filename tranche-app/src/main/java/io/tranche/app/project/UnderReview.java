package io.tranche.app.project;

import io.tranche.core.milestone.MilestoneState;
import java.time.Instant;
import java.util.UUID;

/**
 * A milestone under review: submitted work awaiting acceptance, or the released final part awaiting
 * sign-off, with the reminders sent so far.
 */
public record UnderReview(
    UUID workspaceId,
    UUID projectId,
    UUID id,
    MilestoneState state,
    Instant startedAt,
    int reminders,
    String name) {}
