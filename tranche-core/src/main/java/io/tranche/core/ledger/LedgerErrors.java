package io.tranche.core.ledger;

import io.tranche.core.error.ErrorCode;
import io.tranche.core.error.ErrorKind;

/** Error codes of the ledger. */
public final class LedgerErrors {
  public static final ErrorCode UNBALANCED =
      new ErrorCode(
          "ledger.unbalanced",
          ErrorKind.INVALID,
          "a transaction's postings must sum to zero in each currency; {currency} sums to {sum}");
  public static final ErrorCode TOO_FEW_POSTINGS =
      new ErrorCode(
          "ledger.too-few-postings",
          ErrorKind.INVALID,
          "a transaction needs at least two non-zero postings");

  private LedgerErrors() {}
}
