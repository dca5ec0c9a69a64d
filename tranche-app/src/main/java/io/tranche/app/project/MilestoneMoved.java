package io.tranche.app.project;

import io.tranche.core.milestone.MilestoneTransitioned;

/** A member moved a milestone: the domain event and who did it, for the evidence log. */
public record MilestoneMoved(MilestoneTransitioned transition, String actor) {}
