package io.tranche.core.dunning;

import io.tranche.core.error.ErrorCode;
import io.tranche.core.error.ErrorKind;

/** Error codes of dunning plans. */
public final class DunningErrors {
  public static final ErrorCode STAGES_OUT_OF_ORDER =
      new ErrorCode(
          "dunning.stages-out-of-order",
          ErrorKind.INVALID,
          "{field} must come after the stage before it (day {day} follows day {previous})");

  public static final ErrorCode NO_SUCH_STAGE =
      new ErrorCode(
          "dunning.no-such-stage",
          ErrorKind.INVALID,
          "{field} names stage {stage}, but the plan has {stages} stages");

  private DunningErrors() {}
}
