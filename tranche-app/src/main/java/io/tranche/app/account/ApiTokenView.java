package io.tranche.app.account;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An API token as its owner sees it: never the secret, which is shown once at creation. */
public record ApiTokenView(
    UUID id,
    String name,
    io.tranche.app.platform.TokenScope scope,
    Instant createdAt,
    @Nullable Instant lastUsedAt,
    @Nullable Instant revokedAt) {
  public boolean active() {
    return revokedAt == null;
  }
}
