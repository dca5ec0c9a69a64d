package io.tranche.core.workspace;

import io.tranche.core.error.Validation;
import java.util.Objects;

/** A person on the vendor's side who signs in to the console with email and password. */
public record Member(
    MemberId id, WorkspaceId workspaceId, String email, String name, MemberRole role) {
  public Member {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(workspaceId, "workspaceId");
    email = Validation.email("email", email);
    name = Validation.text("name", name, 200);
    Objects.requireNonNull(role, "role");
  }
}
