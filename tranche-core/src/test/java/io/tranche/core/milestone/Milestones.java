package io.tranche.core.milestone;

import io.tranche.core.money.Money;
import io.tranche.core.project.ProjectId;
import io.tranche.core.workspace.WorkspaceId;
import java.time.Instant;

/** Milestone fixtures in domain words. */
final class Milestones {
  static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

  private Milestones() {}

  static Milestone planned(PaymentTrigger trigger) {
    return Milestone.planned(
        WorkspaceId.random(), ProjectId.random(), 1, "Prototype", Money.of(100_00, "EUR"), trigger);
  }

  static Milestone planned() {
    return planned(PaymentTrigger.ACCEPTANCE);
  }

  static Milestone submitted() {
    return walk(planned(), MilestoneAction.START, MilestoneAction.SUBMIT);
  }

  static Milestone accepted() {
    return walk(submitted(), MilestoneAction.ACCEPT);
  }

  static Milestone walk(Milestone milestone, MilestoneAction... actions) {
    Milestone current = milestone;
    for (MilestoneAction action : actions) {
      current = current.apply(action, T0).next();
    }
    return current;
  }
}
