package io.tranche.app.project;

import io.tranche.app.platform.MoneyJson;
import io.tranche.core.project.ProjectType;
import java.util.List;
import java.util.UUID;

/** A project as the API and pages show it, with its total and its contacts. */
public record ProjectView(
    UUID id,
    UUID clientId,
    String clientName,
    String name,
    ProjectType type,
    String currency,
    MoneyJson creditLimit,
    MoneyJson total,
    List<UUID> contactIds) {
  public ProjectView {
    contactIds = List.copyOf(contactIds);
  }

  /** The same project with these contacts. */
  public ProjectView withContacts(List<UUID> contacts) {
    return new ProjectView(
        id, clientId, clientName, name, type, currency, creditLimit, total, contacts);
  }
}
