package io.tranche.core.workspace;

import io.tranche.core.error.Validation;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** The vendor's customer: a company or a person that projects are made for. */
public record Client(
    ClientId id, WorkspaceId workspaceId, String name, @Nullable String billingEmail) {
  public static final int NAME_MAX = 200;

  public Client {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(workspaceId, "workspaceId");
    name = Validation.text("name", name, NAME_MAX);
    billingEmail =
        billingEmail == null || billingEmail.isBlank()
            ? null
            : Validation.email("billingEmail", billingEmail);
  }
}
