package io.tranche.core.project;

import java.util.Objects;
import java.util.UUID;

/** Identifies a project. */
public record ProjectId(UUID value) {
  public ProjectId {
    Objects.requireNonNull(value, "value");
  }

  public static ProjectId random() {
    return new ProjectId(UUID.randomUUID());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
