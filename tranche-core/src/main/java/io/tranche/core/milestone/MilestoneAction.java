package io.tranche.core.milestone;

/** A command that moves a milestone; {@link MilestoneMachine} says which moves are allowed. */
public enum MilestoneAction {
  START,
  SUBMIT,
  REQUEST_CHANGES,
  ACCEPT,
  INVOICE,
  RECORD_PAYMENT,
  RELEASE,
  OPEN_DISPUTE,
  RESOLVE_DISPUTE
}
