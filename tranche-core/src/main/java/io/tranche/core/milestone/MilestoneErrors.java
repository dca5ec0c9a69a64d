package io.tranche.core.milestone;

import io.tranche.core.error.ErrorCode;
import io.tranche.core.error.ErrorKind;

/** Error codes of milestones and payment plans. */
public final class MilestoneErrors {
  public static final ErrorCode ILLEGAL_TRANSITION =
      new ErrorCode(
          "milestone.illegal-transition",
          ErrorKind.CONFLICT,
          "cannot {action} a milestone that is {state}");
  public static final ErrorCode NOT_A_MEMBER_MOVE =
      new ErrorCode(
          "milestone.not-a-member-move",
          ErrorKind.FORBIDDEN,
          "a member cannot {action} a milestone by hand: {instead}");
  public static final ErrorCode DISPUTED =
      new ErrorCode(
          "milestone.disputed",
          ErrorKind.CONFLICT,
          "cannot {action} while the milestone (state {state}) is disputed; resolve the dispute first");
  public static final ErrorCode NOTHING_TO_DISPUTE =
      new ErrorCode(
          "milestone.nothing-to-dispute",
          ErrorKind.CONFLICT,
          "cannot open a dispute on a milestone that is {state}: a part not started has nothing to"
              + " dispute yet, and a released one is settled (use a modification request)");
  public static final ErrorCode NOT_DISPUTED =
      new ErrorCode(
          "milestone.not-disputed",
          ErrorKind.CONFLICT,
          "cannot resolve a dispute: the milestone (state {state}) has no open dispute");
  public static final ErrorCode PLAN_SUM_MISMATCH =
      new ErrorCode(
          "plan.sum-mismatch",
          ErrorKind.INVALID,
          "the milestones add up to {sum}, but the total is {total}");
  public static final ErrorCode PLAN_EMPTY =
      new ErrorCode("plan.empty", ErrorKind.INVALID, "a payment plan needs at least one milestone");
  public static final ErrorCode PLAN_TOO_LARGE =
      new ErrorCode(
          "plan.too-large", ErrorKind.INVALID, "a payment plan has at most {max} milestones");
  public static final ErrorCode NOT_EDITABLE =
      new ErrorCode(
          "milestone.not-editable",
          ErrorKind.CONFLICT,
          "the amount of a milestone can only change while it is PLANNED or IN_PROGRESS, it is {state}");

  public static final ErrorCode PLAN_REWRITES_INVOICED =
      new ErrorCode(
          "plan.rewrites-invoiced",
          ErrorKind.CONFLICT,
          "\"{name}\" is {state} at {amount}: its amount and trigger cannot change any more");
  public static final ErrorCode PLAN_DROPS_STARTED =
      new ErrorCode(
          "plan.drops-started",
          ErrorKind.CONFLICT,
          "the plan leaves out \"{name}\" (position {position}), which is already {state}");
  public static final ErrorCode SIGNED_PLAN =
      new ErrorCode(
          "milestone.signed-plan",
          ErrorKind.CONFLICT,
          "the plan is part of the signed contract: change {what} by an amendment (a new quote"
              + " version that both sides sign)");
  public static final ErrorCode NO_CONTRACT =
      new ErrorCode(
          "milestone.no-contract",
          ErrorKind.CONFLICT,
          "work starts once the contract is signed (or when the workspace allows work before a"
              + " contract)");

  private MilestoneErrors() {}
}
