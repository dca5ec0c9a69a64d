package io.tranche.core.milestone;

/** The event on which a milestone's part of the price is invoiced. */
public enum PaymentTrigger {
  /** Invoiced when the contract is signed: a deposit, before any work is delivered. */
  CONTRACT_SIGNED,
  /** Invoiced when the client accepts the delivered work (or the review period passes). */
  ACCEPTANCE,
  /** Invoiced at the final demo, when the finished work is submitted and before it is released. */
  FINAL_DEMO
}
