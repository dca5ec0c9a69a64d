package io.tranche.core.invoice;

import io.tranche.core.contract.QuoteContent;
import io.tranche.core.error.Validation;
import io.tranche.core.money.Money;

/** One invoice line: description, quantity, net unit price and its own tax rate (basis points). */
public record InvoiceLine(
    String description, long quantity, Money unitPrice, int taxRateBasisPoints) {
  public InvoiceLine {
    description = Validation.text("description", description, 1000);
    Validation.range("quantity", quantity, 1, 1_000_000);
    Validation.required("unitPrice", unitPrice);
    Validation.range("taxRateBasisPoints", taxRateBasisPoints, 0, 10_000);
  }

  public Money net() {
    return new Money(Math.multiplyExact(unitPrice.amountMinor(), quantity), unitPrice.currency());
  }

  /** This line's tax, rounded half up to the minor unit. */
  public Money tax() {
    return QuoteContent.tax(net(), taxRateBasisPoints);
  }

  public Money gross() {
    return net().plus(tax());
  }
}
