package io.tranche.core.workspace;

import java.util.Objects;
import java.util.UUID;

/** Identifies a contact within a workspace. */
public record ContactId(UUID value) {
  public ContactId {
    Objects.requireNonNull(value, "value");
  }

  public static ContactId random() {
    return new ContactId(UUID.randomUUID());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
