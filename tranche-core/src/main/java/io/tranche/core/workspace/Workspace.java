package io.tranche.core.workspace;

import io.tranche.core.error.Validation;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The vendor's tenant: everything a freelancer or agency owns lives in exactly one workspace. It
 * carries its business name and, when one was uploaded, the SHA-256 of its logo (which also names
 * the logo's version, so pages can cache it).
 */
public record Workspace(WorkspaceId id, String name, Instant createdAt, @Nullable String logo) {
  public static final int NAME_MAX = 200;

  public Workspace {
    Objects.requireNonNull(id, "id");
    name = Validation.text("name", name, NAME_MAX);
    Objects.requireNonNull(createdAt, "createdAt");
  }

  /** A workspace without a logo. */
  public Workspace(WorkspaceId id, String name, Instant createdAt) {
    this(id, name, createdAt, null);
  }

  public boolean hasLogo() {
    return logo != null;
  }
}
