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

  /** The status {@code action} leads to from this one, if the move is allowed. */
  public java.util.Optional<QuoteStatus> next(QuoteAction action) {
    QuoteStatus to =
        switch (action) {
          case SEND -> this == DRAFT ? SENT : null;
          case REQUEST_CHANGES -> this == SENT ? CHANGES_REQUESTED : null;
          case SIGN -> signable() ? ACCEPTED : null;
          case SUPERSEDE -> revisable() || this == DRAFT ? SUPERSEDED : null;
        };
    return java.util.Optional.ofNullable(to);
  }

  /**
   * Like {@link #next}, refusing a move that is not allowed with {@code quote.illegal-transition}.
   */
  public QuoteStatus require(QuoteAction action) {
    return next(action)
        .orElseThrow(
            () ->
                new io.tranche.core.error.DomainException(
                    ContractErrors.ILLEGAL_QUOTE_MOVE,
                    java.util.Map.of("action", action.verb(), "status", name())));
  }
}
