package io.tranche.app.workspace;

import io.tranche.core.workspace.Client;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A client as the API and pages show it. */
public record ClientView(
    UUID id,
    String name,
    @Nullable String billingEmail,
    @Nullable String address,
    @Nullable String taxId) {
  static ClientView of(Client c) {
    return new ClientView(c.id().value(), c.name(), c.billingEmail(), c.address(), c.taxId());
  }
}
