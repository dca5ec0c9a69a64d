package io.tranche.core.contract;

import io.tranche.core.error.DomainException;
import io.tranche.core.error.Validation;
import io.tranche.core.money.Money;
import io.tranche.core.money.MoneyErrors;
import java.util.Map;

/** One line of a quote: what, how many, at what unit price (net). */
public record QuoteLine(String description, long quantity, Money unitPrice) {
  public QuoteLine {
    description = Validation.text("description", description, 1000);
    Validation.range("quantity", quantity, 1, 1_000_000);
    Validation.required("unitPrice", unitPrice);
    if (unitPrice.isNegative()) {
      throw DomainException.field(
          MoneyErrors.NEGATIVE, "unitPrice", Map.of("value", unitPrice.toDecimalString()));
    }
    total(unitPrice, quantity);
  }

  /** Quantity × unit price, exactly. */
  public Money total() {
    return total(unitPrice, quantity);
  }

  private static Money total(Money unitPrice, long quantity) {
    try {
      return new Money(Math.multiplyExact(unitPrice.amountMinor(), quantity), unitPrice.currency());
    } catch (ArithmeticException | DomainException e) {
      throw DomainException.field(
          MoneyErrors.TOO_LARGE,
          "quantity",
          Map.of("value", unitPrice + " × " + quantity, "max", Money.MAX_MINOR));
    }
  }
}
