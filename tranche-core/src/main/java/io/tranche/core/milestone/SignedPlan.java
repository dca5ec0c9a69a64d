package io.tranche.core.milestone;

import io.tranche.core.error.DomainException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a signed contract (or a signed amendment) does to a project's milestones: the signed plan
 * becomes the milestones, position by position, keeping each existing milestone's id, state and
 * dispute. It refuses a plan that would rewrite money already asked for (a part that is invoiced,
 * paid or released keeps its amount and trigger) or drop work already under way.
 *
 * <p>Pure: {@link #apply} computes the change, the caller stores it.
 */
public final class SignedPlan {
  private SignedPlan() {}

  /**
   * The milestones after applying a plan.
   *
   * @param kept existing milestones with the plan's name, amount and trigger (same id and state)
   * @param added new milestones, PLANNED, at the positions after the existing ones
   * @param removed existing milestones the plan no longer has (all untouched)
   */
  public record Applied(
      List<Milestone> kept, List<PlannedMilestone> added, List<Milestone> removed) {
    public Applied {
      kept = List.copyOf(kept);
      added = List.copyOf(added);
      removed = List.copyOf(removed);
    }
  }

  /**
   * Applies {@code plan} to {@code current} (ordered by position). Refuses with {@link
   * MilestoneErrors#PLAN_REWRITES_INVOICED} when a part that already asked for money would change
   * amount or trigger, and with {@link MilestoneErrors#PLAN_DROPS_STARTED} when the plan is shorter
   * than the work already started.
   */
  public static Applied apply(List<Milestone> current, PaymentPlan plan) {
    Objects.requireNonNull(current, "current");
    Objects.requireNonNull(plan, "plan");
    List<PlannedMilestone> wanted = plan.milestones();
    List<Milestone> kept = new ArrayList<>();
    List<Milestone> removed = new ArrayList<>();
    for (int i = 0; i < current.size(); i++) {
      Milestone m = current.get(i);
      if (i >= wanted.size()) {
        if (touched(m)) {
          throw DomainException.field(
              MilestoneErrors.PLAN_DROPS_STARTED,
              "milestones",
              Map.of("name", m.name(), "state", words(m.state()), "position", m.position()));
        }
        removed.add(m);
        continue;
      }
      PlannedMilestone p = wanted.get(i);
      if (askedForMoney(m) && (!p.amount().equals(m.amount()) || p.trigger() != m.trigger())) {
        throw DomainException.field(
            MilestoneErrors.PLAN_REWRITES_INVOICED,
            "milestones[" + i + "].amount",
            Map.of(
                "name", m.name(),
                "state", words(m.state()),
                "amount", m.amount().toString()));
      }
      kept.add(m.withPlan(p.name(), p.amount(), p.trigger()));
    }
    List<PlannedMilestone> added =
        wanted.size() > current.size() ? wanted.subList(current.size(), wanted.size()) : List.of();
    return new Applied(kept, added, removed);
  }

  /** Whether a milestone's invoice was issued (it is INVOICED, PAID or RELEASED). */
  private static boolean askedForMoney(Milestone m) {
    return switch (m.state()) {
      case INVOICED, PAID, RELEASED -> true;
      case PLANNED, IN_PROGRESS, SUBMITTED, CHANGES_REQUESTED, ACCEPTED -> false;
    };
  }

  /** A state as the refusal says it to a person: {@code paid}, {@code in progress}. */
  private static String words(MilestoneState state) {
    return state.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
  }

  private static boolean touched(Milestone m) {
    return m.state() != MilestoneState.PLANNED || m.disputed();
  }
}
