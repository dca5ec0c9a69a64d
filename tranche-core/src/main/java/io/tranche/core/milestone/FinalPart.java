package io.tranche.core.milestone;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which part of a plan is the final delivery, the one the client signs off: the part invoiced on
 * the final demo, or, in a plan without one, the last part.
 */
public final class FinalPart {
  private FinalPart() {}

  /** The final part of {@code plan} (a project's milestones), if it has any. */
  public static Optional<Milestone> of(List<Milestone> plan) {
    return plan.stream()
        .filter(m -> m.trigger() == PaymentTrigger.FINAL_DEMO)
        .max(Comparator.comparingInt(Milestone::position))
        .or(() -> plan.stream().max(Comparator.comparingInt(Milestone::position)));
  }

  /** Whether {@code m} is the final part of {@code plan}. */
  public static boolean is(Milestone m, List<Milestone> plan) {
    return of(plan).map(f -> f.id().equals(m.id())).orElse(false);
  }
}
