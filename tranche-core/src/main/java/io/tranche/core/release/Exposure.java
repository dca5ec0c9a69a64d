package io.tranche.core.release;

import io.tranche.core.money.Money;
import java.util.Objects;

/**
 * A project's exposure: the value handed over (released milestones, by the rule or by the vendor's
 * early release) minus the money received, against the credit limit. The one definition the
 * exposure view and the release rule share. All three in the project's currency.
 */
public record Exposure(Money handedOver, Money received, Money creditLimit) {
  public Exposure {
    Objects.requireNonNull(handedOver, "handedOver");
    Objects.requireNonNull(received, "received");
    Objects.requireNonNull(creditLimit, "creditLimit");
  }

  /** Value handed over beyond what was paid (negative when the client paid ahead). */
  public Money value() {
    return handedOver.minus(received);
  }

  /** Whether the exposure is within the credit limit. */
  public boolean withinLimit() {
    return value().compareTo(creditLimit) <= 0;
  }

  /** The exposure once {@code more} is handed over. */
  public Exposure handingOver(Money more) {
    return new Exposure(handedOver.plus(more), received, creditLimit);
  }
}
