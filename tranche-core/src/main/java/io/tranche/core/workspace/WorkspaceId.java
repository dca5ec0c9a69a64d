package io.tranche.core.workspace;

import java.util.Objects;
import java.util.UUID;

/** Identifies a workspace, the vendor's tenant. */
public record WorkspaceId(UUID value) {
  public WorkspaceId {
    Objects.requireNonNull(value, "value");
  }

  public static WorkspaceId random() {
    return new WorkspaceId(UUID.randomUUID());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
