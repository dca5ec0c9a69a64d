package io.tranche.core.milestone;

/** The event on which a milestone's part of the price is invoiced. */
public enum PaymentTrigger {
  /** Invoiced when the contract is signed: a deposit, before any work is delivered. */
  CONTRACT_SIGNED,
  /** Invoiced when the client accepts the delivered work (or the review period passes). */
  ACCEPTANCE,
  /**
   * The final delivery: shown at the final demo, invoiced once the client accepts it (or the review
   * period passes), released on payment, then signed off; the modification window follows.
   */
  FINAL_DEMO
}
