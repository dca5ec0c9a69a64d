package io.tranche.app.preview;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A hosted preview as pages and the API list it. */
public record PreviewView(
    UUID id,
    UUID projectId,
    UUID milestoneId,
    String name,
    int files,
    long bytes,
    Instant createdAt,
    @Nullable Instant revokedAt) {}
