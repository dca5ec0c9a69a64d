package io.tranche.core.modification;

/** How the vendor classifies a modification request. */
public enum ModificationKind {
  /** A small change inside the modification window: free, tracked until the client confirms it. */
  MINOR,
  /** New work: a new quoted part with its own price, acceptance, invoice and release. */
  CHANGE_ORDER
}
