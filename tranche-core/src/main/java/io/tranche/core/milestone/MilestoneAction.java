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
  RESOLVE_DISPUTE;

  /**
   * Whether a workspace member makes this move by hand. The others follow facts, so that no state
   * says what the money does not: ACCEPT and REQUEST_CHANGES come from the client's signature or
   * request, INVOICE from an issued invoice, RECORD_PAYMENT from the ledger, RELEASE from a release
   * (the vendor's explicit early release is the release service's, not a move).
   */
  public boolean byMember() {
    return switch (this) {
      case START, SUBMIT, OPEN_DISPUTE, RESOLVE_DISPUTE -> true;
      case REQUEST_CHANGES, ACCEPT, INVOICE, RECORD_PAYMENT, RELEASE -> false;
    };
  }

  /** What a member does instead of this move, for a refusal that helps. */
  public String instead() {
    return switch (this) {
      case ACCEPT, REQUEST_CHANGES -> "the client accepts or asks for changes in the portal";
      case INVOICE -> "issue the milestone's invoice; the milestone follows it";
      case RECORD_PAYMENT -> "record the payment on its invoice; the milestone follows the ledger";
      case RELEASE -> "release the milestone's deliverables (POST /api/v1/milestones/{id}/release)";
      case START, SUBMIT, OPEN_DISPUTE, RESOLVE_DISPUTE -> "make the move";
    };
  }
}
