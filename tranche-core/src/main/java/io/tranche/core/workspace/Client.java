package io.tranche.core.workspace;

import io.tranche.core.error.Validation;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** The vendor's customer: a company or a person that projects are made for. */
public record Client(
    ClientId id,
    WorkspaceId workspaceId,
    String name,
    @Nullable String billingEmail,
    @Nullable String address,
    @Nullable String taxId) {
  public static final int NAME_MAX = 200;

  public Client {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(workspaceId, "workspaceId");
    name = Validation.text("name", name, NAME_MAX);
    billingEmail =
        billingEmail == null || billingEmail.isBlank()
            ? null
            : Validation.email("billingEmail", billingEmail);
    address = BusinessIdentity.address("address", address);
    taxId = BusinessIdentity.taxId("taxId", taxId);
  }

  /** A client known by name (and billing address) alone. */
  public Client(ClientId id, WorkspaceId workspaceId, String name, @Nullable String billingEmail) {
    this(id, workspaceId, name, billingEmail, null, null);
  }
}
