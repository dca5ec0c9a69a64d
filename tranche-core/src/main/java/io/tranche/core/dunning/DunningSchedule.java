package io.tranche.core.dunning;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which dunning steps are due for an unpaid invoice on a day, given those already taken. Every step
 * is taken once: a server that was off for a week takes the steps it missed when it comes back,
 * once each, in order. A friendly pre-due reminder that its day passed unsent is dropped (the first
 * overdue reminder speaks for it).
 */
public final class DunningSchedule {
  /** The pre-due reminder's step number; stages are 1 and up. */
  public static final int PRE_DUE = 0;

  private DunningSchedule() {}

  /** A step of the plan: its number, the day it falls on, and what comes with it. */
  public record Step(
      int number, LocalDate on, boolean lateFee, boolean stopWork, boolean demandLetter) {
    public boolean preDue() {
      return number == PRE_DUE;
    }
  }

  /** The steps due on {@code today} and not in {@code taken}, in order. */
  public static List<Step> due(
      DunningPlan plan, LocalDate dueOn, LocalDate today, Set<Integer> taken) {
    List<Step> due = new ArrayList<>();
    if (plan.preDueDays() > 0 && !taken.contains(PRE_DUE)) {
      LocalDate on = dueOn.minusDays(plan.preDueDays());
      if (!today.isBefore(on) && !today.isAfter(dueOn)) {
        due.add(new Step(PRE_DUE, on, false, false, false));
      }
    }
    for (int n = 1; n <= plan.lastStage(); n++) {
      LocalDate on = dueOn.plusDays(plan.stage(n).day());
      if (!taken.contains(n) && !today.isBefore(on)) {
        due.add(
            new Step(
                n,
                on,
                n == plan.lateFeeStage(),
                plan.stopWorkStage() > 0 && n >= plan.stopWorkStage(),
                n == plan.lastStage()));
      }
    }
    return due;
  }

  /** Days from the due date to {@code today} (0 on the due date itself, negative before). */
  public static long daysLate(LocalDate dueOn, LocalDate today) {
    return ChronoUnit.DAYS.between(dueOn, today);
  }
}
