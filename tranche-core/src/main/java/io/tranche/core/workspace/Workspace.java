package io.tranche.core.workspace;

import io.tranche.core.error.Validation;
import java.time.Instant;
import java.util.Objects;

/** The vendor's tenant: everything a freelancer or agency owns lives in exactly one workspace. */
public record Workspace(WorkspaceId id, String name, Instant createdAt) {
  public static final int NAME_MAX = 200;

  public Workspace {
    Objects.requireNonNull(id, "id");
    name = Validation.text("name", name, NAME_MAX);
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
