package io.tranche.app.workspace;

import io.tranche.core.error.FieldChecks;
import io.tranche.core.error.Validation;
import io.tranche.core.workspace.BusinessIdentity;
import io.tranche.core.workspace.Client;
import io.tranche.core.workspace.ClientId;
import io.tranche.core.workspace.WorkspaceId;
import org.jspecify.annotations.Nullable;

/**
 * A client's details as a person enters them; {@code null} keeps a field as it is on an update, a
 * blank clears an optional one.
 */
public record ClientDetails(
    @Nullable String name,
    @Nullable String billingEmail,
    @Nullable String address,
    @Nullable String taxId) {

  /**
   * The client these details make of {@code current} (or a new one), every field checked at once.
   */
  Client apply(ClientId id, WorkspaceId workspace, @Nullable Client current) {
    FieldChecks checks = new FieldChecks();
    String n = keep(name, current == null ? null : current.name());
    checks.check("name", () -> Validation.text("name", n, Client.NAME_MAX));
    String email = keep(billingEmail, current == null ? null : current.billingEmail());
    checks.check(
        "billingEmail",
        () -> email == null || email.isBlank() ? null : Validation.email("billingEmail", email));
    String a = keep(address, current == null ? null : current.address());
    checks.check("address", () -> BusinessIdentity.address("address", a));
    String t = keep(taxId, current == null ? null : current.taxId());
    checks.check("taxId", () -> BusinessIdentity.taxId("taxId", t));
    checks.throwIfAny();
    return new Client(id, workspace, n, email, a, t);
  }

  private static @Nullable String keep(@Nullable String given, @Nullable String current) {
    return given == null ? current : given;
  }
}
