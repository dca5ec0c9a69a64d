package io.tranche.app.artifact;

import java.time.Instant;
import java.util.UUID;

/** A milestone's release: when, why ({@code paid} or {@code vendor}) and by whom. */
public record ReleaseView(
    UUID milestoneId, boolean released, String reason, String actor, Instant releasedAt) {}
