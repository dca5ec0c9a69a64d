package io.tranche.core.contract;

/**
 * Where a quote version stands: DRAFT (editable) → SENT → ACCEPTED (signed by the client), or
 * CHANGES_REQUESTED; editing a sent version makes a new version and SUPERSEDES this one.
 */
public enum QuoteStatus {
  DRAFT,
  SENT,
  CHANGES_REQUESTED,
  ACCEPTED,
  SUPERSEDED;

  /** Whether this version's content may still be edited in place. */
  public boolean editableInPlace() {
    return this == DRAFT;
  }

  /** Whether editing makes a new version (the client has seen this one). */
  public boolean revisable() {
    return this == SENT || this == CHANGES_REQUESTED;
  }

  /** Whether the client may sign this version. */
  public boolean signable() {
    return this == SENT || this == CHANGES_REQUESTED;
  }
}
