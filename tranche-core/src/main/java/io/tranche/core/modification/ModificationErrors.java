package io.tranche.core.modification;

import io.tranche.core.error.ErrorCode;
import io.tranche.core.error.ErrorKind;

/** Error codes of modification requests. */
public final class ModificationErrors {
  public static final ErrorCode NOT_OPEN =
      new ErrorCode(
          "modification.not-signed-off",
          ErrorKind.CONFLICT,
          "modification requests open once the final delivery is signed off");
  public static final ErrorCode ILLEGAL_MOVE =
      new ErrorCode(
          "modification.illegal-move",
          ErrorKind.CONFLICT,
          "cannot {action} a modification request that is {status}{kind}");
  public static final ErrorCode OUTSIDE_WINDOW =
      new ErrorCode(
          "modification.outside-window",
          ErrorKind.CONFLICT,
          "the request was filed after the modification window closed: it can only be a change"
              + " order");

  private ModificationErrors() {}
}
