package io.tranche.core.project;

import io.tranche.core.milestone.Milestone;
import io.tranche.core.milestone.MilestoneState;
import io.tranche.core.milestone.PaymentTrigger;
import io.tranche.core.money.Money;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Where a project stands in the ten steps of the default plan, derived from what happened: which
 * steps are done, which one is current, what the client owes now and what comes next.
 */
public final class Timeline {
  private Timeline() {}

  /** The state of a step. */
  public enum Status {
    DONE,
    CURRENT,
    UPCOMING
  }

  /** One of the ten steps. */
  public record Step(int number, String title, Status status) {}

  /** Something the client pays: a milestone's amount, invoiced now or due at a future trigger. */
  public record Payment(String milestone, Money amount, PaymentTrigger trigger, boolean invoiced) {}

  /**
   * An invoice the client owes money on now: its number, what it is for, what is still open and
   * when it is due. The ledger's open invoices, not milestone states, say what is owed.
   */
  public record Owed(String number, String what, Money open, @Nullable LocalDate dueOn) {}

  /** The whole picture. */
  public record View(List<Step> steps, List<Owed> owedNow, Optional<Payment> next) {
    public View {
      steps = List.copyOf(steps);
      owedNow = List.copyOf(owedNow);
    }
  }

  /** What the timeline is derived from. */
  public record Facts(
      boolean messages,
      boolean meetings,
      boolean contractSigned,
      boolean signedOff,
      List<Milestone> milestones,
      List<Owed> open) {
    public Facts {
      milestones = List.copyOf(milestones);
      open = List.copyOf(open);
    }
  }

  public static View of(Facts facts) {
    List<Milestone> ms = facts.milestones();
    boolean[] done = {
      facts.messages(),
      facts.meetings(),
      facts.contractSigned(),
      any(ms, PaymentTrigger.CONTRACT_SIGNED, Timeline::invoicedOrLater),
      any(ms, PaymentTrigger.CONTRACT_SIGNED, Timeline::paidOrLater),
      any(ms, PaymentTrigger.ACCEPTANCE, Timeline::submittedOrLater),
      any(ms, PaymentTrigger.ACCEPTANCE, Timeline::acceptedOrLater),
      any(ms, PaymentTrigger.FINAL_DEMO, Timeline::submittedOrLater),
      any(ms, PaymentTrigger.FINAL_DEMO, Timeline::paidOrLater),
      facts.signedOff()
    };
    String[] titles = {
      "Requirements",
      "Meetings",
      "Quote and contract",
      "Deposit invoiced",
      "Deposit received",
      "Prototype shown",
      "Prototype accepted",
      "Final demo",
      "Final payment and release",
      "Modification window"
    };
    // Steps 1 and 2 can be skipped; the current step is the first later step not done.
    int last = -1;
    for (int i = 0; i < done.length; i++) {
      if (done[i]) {
        last = i;
      }
    }
    List<Step> steps = new ArrayList<>();
    for (int i = 0; i < titles.length; i++) {
      Status status =
          done[i] || i < last ? Status.DONE : i == last + 1 ? Status.CURRENT : Status.UPCOMING;
      steps.add(new Step(i + 1, titles[i], status));
    }
    Optional<Payment> next = Optional.empty();
    for (Milestone m : ms) {
      if (next.isEmpty() && !invoicedOrLater(m) && !m.amount().isZero()) {
        next = Optional.of(new Payment(m.name(), m.amount(), m.trigger(), false));
      }
    }
    return new View(steps, facts.open(), next);
  }

  private static boolean any(List<Milestone> ms, PaymentTrigger trigger, Predicate<Milestone> p) {
    return ms.stream().anyMatch(m -> m.trigger() == trigger && p.test(m));
  }

  private static boolean submittedOrLater(Milestone m) {
    return m.state().compareTo(MilestoneState.SUBMITTED) >= 0;
  }

  private static boolean acceptedOrLater(Milestone m) {
    return m.state().compareTo(MilestoneState.ACCEPTED) >= 0;
  }

  private static boolean invoicedOrLater(Milestone m) {
    return m.state().compareTo(MilestoneState.INVOICED) >= 0;
  }

  private static boolean paidOrLater(Milestone m) {
    return m.state().compareTo(MilestoneState.PAID) >= 0;
  }
}
