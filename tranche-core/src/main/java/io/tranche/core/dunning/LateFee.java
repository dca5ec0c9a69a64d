package io.tranche.core.dunning;

import io.tranche.core.error.Validation;
import io.tranche.core.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What an overdue invoice costs its client, posted as its own invoice (never silently added): a
 * fixed amount, a percentage of what is open, or the EU late-payment rule for business clients
 * (Directive 2011/7/EU: interest at the reference rate plus eight points, per day late, and a fixed
 * compensation of 40 euros).
 */
public sealed interface LateFee {
  /**
   * The fee on {@code open} (what the invoice still asks for), {@code daysLate} after its due date.
   */
  Money on(Money open, long daysLate);

  /** A short description for pages and the fee's invoice line. */
  String describe();

  /** No late fee. */
  record None() implements LateFee {
    @Override
    public Money on(Money open, long daysLate) {
      return Money.zero(open.currency());
    }

    @Override
    public String describe() {
      return "no late fee";
    }
  }

  /** A fixed fee, in the invoice's currency (its amount is read in that currency). */
  record Fixed(long amountMinor) implements LateFee {
    public Fixed {
      Validation.range("lateFee.amountMinor", amountMinor, 1, Money.MAX_MINOR);
    }

    @Override
    public Money on(Money open, long daysLate) {
      return new Money(amountMinor, open.currency());
    }

    @Override
    public String describe() {
      return "a fixed fee";
    }
  }

  /** A percentage of what is open, in basis points (250 = 2.5 %), rounded half up. */
  record Percent(int basisPoints) implements LateFee {
    public Percent {
      Validation.range("lateFee.basisPoints", basisPoints, 1, 5000);
    }

    @Override
    public Money on(Money open, long daysLate) {
      return share(open, BigDecimal.valueOf(basisPoints).movePointLeft(4));
    }

    @Override
    public String describe() {
      return BigDecimal.valueOf(basisPoints).movePointLeft(2).stripTrailingZeros().toPlainString()
          + " % of what is open";
    }
  }

  /**
   * The EU late-payment rule: interest at {@code referenceRateBasisPoints} (the ECB's main
   * refinancing rate on the half-year's first day) plus 800 points a year, for each day late, on
   * what is open, and 40.00 EUR fixed compensation for recovery costs.
   */
  record EuStatutory(int referenceRateBasisPoints) implements LateFee {
    public static final long COMPENSATION_MINOR = 40_00;

    public EuStatutory {
      Validation.range("lateFee.referenceRateBasisPoints", referenceRateBasisPoints, 0, 2000);
    }

    @Override
    public Money on(Money open, long daysLate) {
      BigDecimal yearly = BigDecimal.valueOf(referenceRateBasisPoints + 800L).movePointLeft(4);
      BigDecimal rate =
          yearly
              .multiply(BigDecimal.valueOf(Math.max(0, daysLate)))
              .divide(BigDecimal.valueOf(365), 12, RoundingMode.HALF_EVEN);
      Money interest = share(open, rate);
      // the fixed compensation is in euros; an invoice in another currency gets the interest
      return open.currency().getCurrencyCode().equals("EUR")
          ? interest.plus(new Money(COMPENSATION_MINOR, open.currency()))
          : interest;
    }

    @Override
    public String describe() {
      return "statutory interest ("
          + BigDecimal.valueOf(referenceRateBasisPoints + 800L).movePointLeft(2).toPlainString()
          + " % a year) and 40.00 EUR compensation (on invoices in euros)";
    }
  }

  private static Money share(Money open, BigDecimal rate) {
    long minor =
        BigDecimal.valueOf(open.amountMinor())
            .multiply(rate)
            .setScale(0, RoundingMode.HALF_UP)
            .longValueExact();
    return new Money(minor, open.currency());
  }
}
