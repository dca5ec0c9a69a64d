package io.tranche.app.license;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A licence as pages and the API list it; the token itself is downloaded separately. */
public record LicenseView(
    UUID id,
    UUID projectId,
    @Nullable UUID milestoneId,
    String edition,
    String licensee,
    String product,
    Instant notBefore,
    Instant expiresAt,
    long graceSeconds,
    int machines,
    Instant issuedAt,
    @Nullable Instant revokedAt,
    @Nullable String revokedReason,
    int activations) {

  public boolean revoked() {
    return revokedAt != null;
  }

  public boolean full() {
    return "full".equals(edition);
  }
}
