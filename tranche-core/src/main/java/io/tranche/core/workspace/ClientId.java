package io.tranche.core.workspace;

import java.util.Objects;
import java.util.UUID;

/** Identifies a client within a workspace. */
public record ClientId(UUID value) {
  public ClientId {
    Objects.requireNonNull(value, "value");
  }

  public static ClientId random() {
    return new ClientId(UUID.randomUUID());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
