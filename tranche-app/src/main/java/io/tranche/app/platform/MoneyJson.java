package io.tranche.app.platform;

import io.tranche.core.money.Money;

/** Money in JSON: {@code {"amountMinor": 123450, "currency": "EUR"}}. */
public record MoneyJson(long amountMinor, String currency) {
  public static MoneyJson of(Money money) {
    return new MoneyJson(money.amountMinor(), money.currency().getCurrencyCode());
  }

  /** The amount for a page, e.g. {@code 1000.00 EUR}. */
  public String formatted() {
    return Money.of(amountMinor, currency).toString();
  }
}
