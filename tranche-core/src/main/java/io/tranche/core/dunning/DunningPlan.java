package io.tranche.core.dunning;

import io.tranche.core.error.DomainException;
import io.tranche.core.error.Validation;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What happens when an invoice goes unpaid: an optional friendly reminder {@code preDueDays} before
 * the due date, then the {@code stages} (reminders on days after it, in order); at stage {@code
 * lateFeeStage} the late fee is posted, from stage {@code stopWorkStage} the project is in
 * stop-work; the last stage comes with the demand letter. Stage numbers count from 1; 0 means
 * never.
 */
public record DunningPlan(
    int preDueDays,
    List<DunningStage> stages,
    int stopWorkStage,
    LateFee lateFee,
    int lateFeeStage) {
  /** The most stages a plan may have. */
  public static final int MAX_STAGES = 10;

  /**
   * The plan every workspace starts with: reminders 10, 20 and 30 days after the due date, no
   * pre-due reminder, no late fee, stop-work and the demand letter at the third.
   */
  public static final DunningPlan DEFAULT =
      new DunningPlan(
          0,
          List.of(DunningStage.of(10, ""), DunningStage.of(20, ""), DunningStage.of(30, "")),
          3,
          new LateFee.None(),
          0);

  /** Refuses every field that is wrong at once (out-of-order stages each, stage numbers). */
  public DunningPlan {
    io.tranche.core.error.FieldChecks checks = new io.tranche.core.error.FieldChecks();
    checks.check("preDueDays", () -> Validation.range("preDueDays", preDueDays, 0, 30));
    List<DunningStage> given = stages;
    stages =
        checks.check(
            "stages",
            () -> {
              List<DunningStage> list =
                  List.copyOf(
                      Validation.atMost(
                          "stages", Validation.required("stages", given), MAX_STAGES));
              if (list.isEmpty()) {
                throw DomainException.field(
                    Validation.REQUIRED, "stages", Map.of("field", "stages"));
              }
              return list;
            });
    List<DunningStage> checked = stages == null ? List.of() : stages;
    for (int i = 1; i < checked.size(); i++) {
      int at = i;
      String field = "stages[" + i + "].day";
      checks.check(
          field,
          () -> {
            if (checked.get(at).day() <= checked.get(at - 1).day()) {
              throw DomainException.field(
                  DunningErrors.STAGES_OUT_OF_ORDER,
                  field,
                  Map.of(
                      "field",
                      field,
                      "day",
                      checked.get(at).day(),
                      "previous",
                      checked.get(at - 1).day()));
            }
            return null;
          });
    }
    checks.check("lateFee", () -> Validation.required("lateFee", lateFee));
    int count = checked.size();
    int stopAt = stopWorkStage;
    int feeAt = lateFeeStage;
    checks.check("stopWorkStage", () -> stage("stopWorkStage", stopAt, count));
    checks.check("lateFeeStage", () -> stage("lateFeeStage", feeAt, count));
    checks.throwIfAny();
    if (lateFee instanceof LateFee.None) {
      lateFeeStage = 0;
    } else if (lateFeeStage == 0) {
      lateFeeStage = 1;
    }
  }

  private static @org.jspecify.annotations.Nullable Void stage(
      String field, int stage, int stages) {
    if (stage < 0 || stage > stages) {
      throw DomainException.field(
          DunningErrors.NO_SUCH_STAGE,
          field,
          Map.of("field", field, "stage", stage, "stages", stages));
    }
    return null;
  }

  /** The number of the last stage: the one with the demand letter. */
  public int lastStage() {
    return stages.size();
  }

  /** The stage with this number (1 = first). */
  public DunningStage stage(int number) {
    return stages.get(number - 1);
  }

  /** The plan for an invoice: the contract's own, else the client's, else the workspace's. */
  public static DunningPlan resolve(
      @Nullable DunningPlan contract,
      @Nullable DunningPlan client,
      @Nullable DunningPlan workspace) {
    if (contract != null) {
      return contract;
    }
    if (client != null) {
      return client;
    }
    return workspace != null ? workspace : DEFAULT;
  }
}
