package io.tranche.app.preview;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A preview as pages and the API list it: a {@code SITE}, an {@code IMAGE} or a {@code PDF}. */
public record PreviewView(
    UUID id,
    UUID projectId,
    UUID milestoneId,
    String name,
    String kind,
    int files,
    long bytes,
    Instant createdAt,
    @Nullable Instant revokedAt) {}
