package io.tranche.core.workspace;

import java.util.Objects;
import java.util.UUID;

/** Identifies a member within a workspace. */
public record MemberId(UUID value) {
  public MemberId {
    Objects.requireNonNull(value, "value");
  }

  public static MemberId random() {
    return new MemberId(UUID.randomUUID());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
