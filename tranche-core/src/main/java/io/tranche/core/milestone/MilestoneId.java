package io.tranche.core.milestone;

import java.util.Objects;
import java.util.UUID;

/** Identifies a milestone. */
public record MilestoneId(UUID value) {
  public MilestoneId {
    Objects.requireNonNull(value, "value");
  }

  public static MilestoneId random() {
    return new MilestoneId(UUID.randomUUID());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
