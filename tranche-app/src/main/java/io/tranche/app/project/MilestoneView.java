package io.tranche.app.project;

import io.tranche.app.platform.MoneyJson;
import io.tranche.core.milestone.Milestone;
import io.tranche.core.milestone.MilestoneState;
import io.tranche.core.milestone.PaymentTrigger;
import java.util.UUID;

/** A milestone as the API and pages show it. */
public record MilestoneView(
    UUID id,
    UUID projectId,
    int position,
    String name,
    MoneyJson amount,
    PaymentTrigger trigger,
    MilestoneState state,
    boolean disputed) {
  public static MilestoneView of(Milestone m) {
    return new MilestoneView(
        m.id().value(),
        m.projectId().value(),
        m.position(),
        m.name(),
        MoneyJson.of(m.amount()),
        m.trigger(),
        m.state(),
        m.disputed());
  }
}
