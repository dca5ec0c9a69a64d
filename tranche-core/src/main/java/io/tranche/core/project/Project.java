package io.tranche.core.project;

import io.tranche.core.error.DomainException;
import io.tranche.core.error.Validation;
import io.tranche.core.money.Money;
import io.tranche.core.money.MoneyErrors;
import io.tranche.core.workspace.ClientId;
import io.tranche.core.workspace.WorkspaceId;
import java.util.Currency;
import java.util.Map;
import java.util.Objects;

/**
 * A piece of work for one client, paid in the milestones of its payment plan.
 *
 * @param creditLimit how much value may be handed over beyond what was paid; zero for a new client
 */
public record Project(
    ProjectId id,
    WorkspaceId workspaceId,
    ClientId clientId,
    String name,
    ProjectType type,
    Currency currency,
    Money creditLimit) {
  public static final int NAME_MAX = 200;

  public Project {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(workspaceId, "workspaceId");
    Objects.requireNonNull(clientId, "clientId");
    name = Validation.text("name", name, NAME_MAX);
    Validation.required("type", type);
    Validation.required("currency", currency);
    Validation.required("creditLimit", creditLimit);
    if (!creditLimit.currency().equals(currency)) {
      throw DomainException.field(
          MoneyErrors.CURRENCY_MISMATCH,
          "creditLimit",
          Map.of(
              "left",
              currency.getCurrencyCode(),
              "right",
              creditLimit.currency().getCurrencyCode()));
    }
    if (creditLimit.isNegative()) {
      throw DomainException.field(
          MoneyErrors.NEGATIVE, "creditLimit", Map.of("value", creditLimit.toDecimalString()));
    }
  }

  /** This project with another name, type and credit limit. */
  public Project withDetails(String name, ProjectType type, Money creditLimit) {
    return new Project(id, workspaceId, clientId, name, type, currency, creditLimit);
  }
}
