package io.tranche.app.dunning;

import io.tranche.core.dunning.DunningPlan;
import io.tranche.core.dunning.DunningStage;
import io.tranche.core.dunning.LateFee;
import io.tranche.core.error.DomainException;
import io.tranche.core.error.FieldChecks;
import io.tranche.core.error.Validation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A dunning plan as the API and the plan editor send it; every refused field is reported at once.
 * Late fee kinds: {@code NONE}, {@code FIXED} ({@code amountMinor}, in the invoice's currency),
 * {@code PERCENT} ({@code basisPoints}), {@code EU_STATUTORY} ({@code referenceRateBasisPoints}).
 */
public record PlanInput(
    @Nullable Integer preDueDays,
    @Nullable List<StageInput> stages,
    @Nullable Integer stopWorkStage,
    @Nullable FeeInput lateFee,
    @Nullable Integer lateFeeStage) {

  /**
   * A reminder stage: days after the due date, its words (blank: the default text) and its channel
   * ({@code EMAIL}, the default, or {@code LETTER}).
   */
  public record StageInput(
      @Nullable Integer day, @Nullable String wording, @Nullable String channel) {
    public StageInput(@Nullable Integer day, @Nullable String wording) {
      this(day, wording, null);
    }
  }

  /** The late fee: its kind and the figure that kind needs. */
  public record FeeInput(
      @Nullable String kind,
      @Nullable Long amountMinor,
      @Nullable Integer basisPoints,
      @Nullable Integer referenceRateBasisPoints) {}

  /** The plan, or every refusal at once. */
  public DunningPlan toPlan() {
    FieldChecks checks = new FieldChecks();
    List<StageInput> given = stages == null ? List.of() : stages;
    checks.check("stages", () -> Validation.atMost("stages", given, DunningPlan.MAX_STAGES));
    List<DunningStage> parsed = new ArrayList<>();
    for (int i = 0; i < given.size() && i < DunningPlan.MAX_STAGES; i++) {
      StageInput s = given.get(i);
      String at = "stages[" + i + "]";
      DunningStage stage =
          checks.check(
              at + ".day",
              () -> {
                try {
                  return new DunningStage(
                      Validation.required("day", s.day()),
                      s.wording() == null ? "" : s.wording(),
                      channel(s.channel()));
                } catch (DomainException e) {
                  String field = at + "." + (e.field() == null ? "day" : e.field());
                  throw DomainException.field(e.code(), field, withField(e.args(), field));
                }
              });
      if (stage != null) {
        parsed.add(stage);
      }
    }
    LateFee fee = checks.check("lateFee", this::fee);
    checks.throwIfAny();
    DunningPlan[] plan = new DunningPlan[1];
    checks.check(
        "stages",
        () ->
            plan[0] =
                new DunningPlan(
                    preDueDays == null ? 0 : preDueDays,
                    parsed,
                    stopWorkStage == null ? 0 : stopWorkStage,
                    fee == null ? new LateFee.None() : fee,
                    lateFeeStage == null ? 0 : lateFeeStage));
    checks.throwIfAny();
    return plan[0];
  }

  private static DunningStage.Channel channel(@Nullable String channel) {
    if (channel == null || channel.isBlank()) {
      return DunningStage.Channel.EMAIL;
    }
    try {
      return DunningStage.Channel.valueOf(channel);
    } catch (IllegalArgumentException e) {
      throw DomainException.field(
          io.tranche.app.platform.Errors.BAD_VALUE,
          "channel",
          Map.of("field", "channel", "expected", "EMAIL or LETTER"));
    }
  }

  private LateFee fee() {
    if (lateFee == null || lateFee.kind() == null || lateFee.kind().isBlank()) {
      return new LateFee.None();
    }
    return switch (lateFee.kind()) {
      case "NONE" -> new LateFee.None();
      case "FIXED" ->
          new LateFee.Fixed(Validation.required("lateFee.amountMinor", lateFee.amountMinor()));
      case "PERCENT" ->
          new LateFee.Percent(Validation.required("lateFee.basisPoints", lateFee.basisPoints()));
      case "EU_STATUTORY" ->
          new LateFee.EuStatutory(
              Validation.required(
                  "lateFee.referenceRateBasisPoints", lateFee.referenceRateBasisPoints()));
      default ->
          throw DomainException.field(
              io.tranche.app.platform.Errors.BAD_VALUE,
              "lateFee.kind",
              Map.of("field", "lateFee.kind", "expected", "NONE, FIXED, PERCENT or EU_STATUTORY"));
    };
  }

  private static Map<String, Object> withField(Map<String, ?> args, String field) {
    Map<String, Object> out = new java.util.LinkedHashMap<>(args);
    out.put("field", field);
    return out;
  }
}
