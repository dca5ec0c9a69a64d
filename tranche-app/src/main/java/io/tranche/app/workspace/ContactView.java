package io.tranche.app.workspace;

import io.tranche.core.workspace.Contact;
import java.util.UUID;

/** A client contact as the API and pages show it. */
public record ContactView(UUID id, UUID clientId, String name, String email) {
  static ContactView of(Contact c) {
    return new ContactView(c.id().value(), c.clientId().value(), c.name(), c.email());
  }
}
