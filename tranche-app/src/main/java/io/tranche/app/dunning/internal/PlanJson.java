package io.tranche.app.dunning.internal;

import io.tranche.core.dunning.DunningPlan;
import io.tranche.core.dunning.DunningStage;
import io.tranche.core.dunning.LateFee;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A dunning plan as stored and as the API shows it: {@code {"preDueDays":3,"stages":[{"day":10,
 * "wording":"","channel":"EMAIL"}],"stopWorkStage":3,"lateFee":{"kind":"PERCENT","basisPoints":250},
 * "lateFeeStage":2}}. Late fee kinds: NONE, FIXED (amountMinor, in the invoice's currency), PERCENT
 * (basisPoints), EU_STATUTORY (referenceRateBasisPoints).
 */
public final class PlanJson {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private PlanJson() {}

  public static String write(DunningPlan plan) {
    return JSON.writeValueAsString(map(plan));
  }

  /** The plan as a map of plain values (for the API's JSON). */
  public static Map<String, Object> map(DunningPlan plan) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("preDueDays", plan.preDueDays());
    List<Map<String, Object>> stages = new ArrayList<>();
    for (DunningStage s : plan.stages()) {
      Map<String, Object> stage = new LinkedHashMap<>();
      stage.put("day", s.day());
      stage.put("wording", s.wording());
      stage.put("channel", s.channel().name());
      stages.add(stage);
    }
    out.put("stages", stages);
    out.put("stopWorkStage", plan.stopWorkStage());
    out.put("lateFee", fee(plan.lateFee()));
    out.put("lateFeeStage", plan.lateFeeStage());
    return out;
  }

  private static Map<String, Object> fee(LateFee fee) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (fee instanceof LateFee.Fixed f) {
      out.put("kind", "FIXED");
      out.put("amountMinor", f.amountMinor());
    } else if (fee instanceof LateFee.Percent p) {
      out.put("kind", "PERCENT");
      out.put("basisPoints", p.basisPoints());
    } else if (fee instanceof LateFee.EuStatutory e) {
      out.put("kind", "EU_STATUTORY");
      out.put("referenceRateBasisPoints", e.referenceRateBasisPoints());
    } else {
      out.put("kind", "NONE");
    }
    return out;
  }

  /** A stored plan (written by {@link #write}). */
  public static DunningPlan read(String json) {
    JsonNode node = JSON.readTree(json);
    List<DunningStage> stages = new ArrayList<>();
    for (JsonNode s : node.get("stages")) {
      stages.add(
          new DunningStage(
              s.get("day").asInt(),
              s.path("wording").asText(""),
              DunningStage.Channel.valueOf(s.path("channel").asText("EMAIL"))));
    }
    JsonNode fee = node.path("lateFee");
    LateFee lateFee =
        switch (fee.path("kind").asText("NONE")) {
          case "FIXED" -> new LateFee.Fixed(fee.get("amountMinor").asLong());
          case "PERCENT" -> new LateFee.Percent(fee.get("basisPoints").asInt());
          case "EU_STATUTORY" ->
              new LateFee.EuStatutory(fee.get("referenceRateBasisPoints").asInt());
          default -> new LateFee.None();
        };
    return new DunningPlan(
        node.path("preDueDays").asInt(0),
        stages,
        node.path("stopWorkStage").asInt(0),
        lateFee,
        node.path("lateFeeStage").asInt(0));
  }
}
