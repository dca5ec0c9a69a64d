package io.tranche.core.invoice;

import io.tranche.core.contract.QuoteContent;
import io.tranche.core.error.DomainException;
import io.tranche.core.error.Validation;
import io.tranche.core.money.Money;
import io.tranche.core.money.MoneyErrors;
import java.util.Map;

/** One invoice line: description, quantity, net unit price and its own tax rate (basis points). */
public record InvoiceLine(
    String description, long quantity, Money unitPrice, int taxRateBasisPoints) {
  public InvoiceLine {
    description = Validation.text("description", description, 1000);
    Validation.range("quantity", quantity, 1, 1_000_000);
    Validation.required("unitPrice", unitPrice);
    Validation.range("taxRateBasisPoints", taxRateBasisPoints, 0, 10_000);
    gross(unitPrice, quantity, taxRateBasisPoints);
  }

  public Money net() {
    return new Money(Math.multiplyExact(unitPrice.amountMinor(), quantity), unitPrice.currency());
  }

  /** Checks at construction that the line's net and gross are amounts Tranche accepts. */
  private static void gross(Money unitPrice, long quantity, int taxRateBasisPoints) {
    try {
      Money net =
          new Money(Math.multiplyExact(unitPrice.amountMinor(), quantity), unitPrice.currency());
      net.plus(QuoteContent.tax(net, taxRateBasisPoints));
    } catch (ArithmeticException | DomainException e) {
      throw DomainException.field(
          MoneyErrors.TOO_LARGE,
          "quantity",
          Map.of("value", unitPrice + " × " + quantity, "max", Money.MAX_MINOR));
    }
  }

  /** This line's tax, rounded half up to the minor unit. */
  public Money tax() {
    return QuoteContent.tax(net(), taxRateBasisPoints);
  }

  public Money gross() {
    return net().plus(tax());
  }
}
