package io.tranche.app.project;

import io.tranche.core.milestone.PaymentPlan;
import io.tranche.core.money.Money;
import io.tranche.core.project.ProjectType;
import java.util.List;
import java.util.UUID;

/** What it takes to create a project: its client, details, plan and first contacts. */
public record NewProject(
    UUID clientId,
    String name,
    ProjectType type,
    Money creditLimit,
    PaymentPlan plan,
    List<UUID> contactIds) {
  public NewProject {
    contactIds = List.copyOf(contactIds);
  }
}
