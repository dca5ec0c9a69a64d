package io.tranche.core.release;

/**
 * A project's exposure: the value handed over (released milestones, by the rule or by the vendor's
 * early release) minus the money received, against the credit limit. The one definition the
 * exposure view and the release rule share. Amounts in minor units of the project's currency.
 */
public record Exposure(long handedOverMinor, long receivedMinor, long creditLimitMinor) {

  /** Value handed over beyond what was paid (negative when the client paid ahead). */
  public long minor() {
    return Math.subtractExact(handedOverMinor, receivedMinor);
  }

  /** Whether the exposure is within the credit limit. */
  public boolean withinLimit() {
    return minor() <= creditLimitMinor;
  }

  /** The exposure once {@code valueMinor} more is handed over. */
  public Exposure handingOver(long valueMinor) {
    return new Exposure(
        Math.addExact(handedOverMinor, valueMinor), receivedMinor, creditLimitMinor);
  }
}
