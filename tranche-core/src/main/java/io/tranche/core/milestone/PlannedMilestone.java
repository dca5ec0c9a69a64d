package io.tranche.core.milestone;

import io.tranche.core.error.DomainException;
import io.tranche.core.error.Validation;
import io.tranche.core.money.Money;
import io.tranche.core.money.MoneyErrors;
import java.util.Map;

/** One line of a payment plan before the project exists: name, amount and trigger. */
public record PlannedMilestone(String name, Money amount, PaymentTrigger trigger) {
  public PlannedMilestone {
    name = Validation.text("name", name, Milestone.NAME_MAX);
    Validation.required("amount", amount);
    if (amount.isNegative()) {
      throw DomainException.field(
          MoneyErrors.NEGATIVE, "amount", Map.of("value", amount.toDecimalString()));
    }
    Validation.required("trigger", trigger);
  }
}
