package io.tranche.core.workspace;

import io.tranche.core.error.Validation;
import java.util.Objects;

/** A person at a client who signs in to the portal by magic link. */
public record Contact(
    ContactId id, WorkspaceId workspaceId, ClientId clientId, String name, String email) {
  public static final int NAME_MAX = 200;

  public Contact {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(workspaceId, "workspaceId");
    Objects.requireNonNull(clientId, "clientId");
    name = Validation.text("name", name, NAME_MAX);
    email = Validation.email("email", email);
  }
}
