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

  public DunningPlan {
    Validation.range("preDueDays", preDueDays, 0, 30);
    stages =
        List.copyOf(Validation.atMost("stages", Validation.required("stages", stages), MAX_STAGES));
    if (stages.isEmpty()) {
      throw DomainException.field(Validation.REQUIRED, "stages", Map.of("field", "stages"));
    }
    for (int i = 1; i < stages.size(); i++) {
      if (stages.get(i).day() <= stages.get(i - 1).day()) {
        String field = "stages[" + i + "].day";
        throw DomainException.field(
            DunningErrors.STAGES_OUT_OF_ORDER,
            field,
            Map.of(
                "field", field, "day", stages.get(i).day(), "previous", stages.get(i - 1).day()));
      }
    }
    Validation.required("lateFee", lateFee);
    stage("stopWorkStage", stopWorkStage, stages.size());
    stage("lateFeeStage", lateFeeStage, stages.size());
    if (lateFee instanceof LateFee.None) {
      lateFeeStage = 0;
    } else if (lateFeeStage == 0) {
      lateFeeStage = 1;
    }
  }

  private static void stage(String field, int stage, int stages) {
    if (stage < 0 || stage > stages) {
      throw DomainException.field(
          DunningErrors.NO_SUCH_STAGE,
          field,
          Map.of("field", field, "stage", stage, "stages", stages));
    }
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
