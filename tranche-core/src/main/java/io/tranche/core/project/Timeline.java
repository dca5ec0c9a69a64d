package io.tranche.core.project;

import io.tranche.core.milestone.Milestone;
import io.tranche.core.milestone.MilestoneState;
import io.tranche.core.money.Money;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where a project stands, for the client, derived from what happened: the contract, then each part
 * of the contract by its own name (any number of them) with its state in words, then the sign-off
 * and modification window; what the client owes now, what paying it unlocks, and the one thing to
 * do next.
 */
public final class Timeline {
  private Timeline() {}

  /** The state of a step. */
  public enum Status {
    DONE,
    CURRENT,
    UPCOMING
  }

  /** A step: its title and, for a part, where it stands in words. */
  public record Step(int number, String title, String detail, Status status) {}

  /**
   * An invoice the client owes money on now: its number, the part it bills (or what it is for),
   * what is still open, when it is due, and the deliverables paying it unlocks. The open invoices,
   * not milestone states, say what is owed.
   */
  public record Owed(
      String number,
      String what,
      Money open,
      @Nullable LocalDate dueOn,
      java.util.@Nullable UUID milestoneId,
      List<String> unlocks) {
    public Owed {
      unlocks = List.copyOf(unlocks);
    }
  }

  /** What the client should do next, and where. */
  public enum Action {
    SIGN_QUOTE,
    PAY,
    REVIEW,
    SIGN_OFF,
    WAIT
  }

  /** The next step for the client: what to do, in a sentence, and the part it is about. */
  public record Next(Action action, String text, java.util.@Nullable UUID milestoneId) {}

  /** The whole picture. */
  public record View(List<Step> steps, List<Owed> owedNow, Next next) {
    public View {
      steps = List.copyOf(steps);
      owedNow = List.copyOf(owedNow);
    }
  }

  /** What the timeline is derived from. */
  public record Facts(
      boolean quoteToSign,
      boolean awaitingCountersignature,
      boolean contractSigned,
      boolean signedOff,
      List<Milestone> milestones,
      List<Owed> open,
      String vendor) {
    public Facts {
      milestones = List.copyOf(milestones);
      open = List.copyOf(open);
    }
  }

  public static View of(Facts facts) {
    List<String> titles = new ArrayList<>();
    List<String> details = new ArrayList<>();
    List<Boolean> done = new ArrayList<>();
    titles.add("Quote and contract");
    details.add(
        facts.contractSigned()
            ? facts.quoteToSign()
                ? "Signed; a change order waits for your signature"
                : facts.awaitingCountersignature()
                    ? "Signed; you signed a change order, waiting for the countersignature"
                    : "Signed"
            : facts.awaitingCountersignature()
                ? "You signed; waiting for the countersignature"
                : facts.quoteToSign() ? "A quote waits for your signature" : "Being prepared");
    done.add(facts.contractSigned());
    for (Milestone m : facts.milestones()) {
      titles.add(m.name());
      details.add(words(m, facts.open()));
      done.add(
          m.state() == MilestoneState.RELEASED || m.state() == MilestoneState.PAID && !hasWork(m));
    }
    titles.add("Sign-off and modification window");
    boolean allOver =
        !facts.milestones().isEmpty() && facts.milestones().stream().allMatch(Timeline::finished);
    details.add(
        facts.signedOff()
            ? "Signed off"
            : allOver
                ? "Every part is delivered: your sign-off is next"
                : "After the last part is released");
    done.add(facts.signedOff());
    List<Step> steps = new ArrayList<>();
    boolean currentTaken = false;
    for (int i = 0; i < titles.size(); i++) {
      Status status;
      if (done.get(i)) {
        status = Status.DONE;
      } else if (!currentTaken) {
        status = Status.CURRENT;
        currentTaken = true;
      } else {
        status = Status.UPCOMING;
      }
      steps.add(new Step(i + 1, titles.get(i), details.get(i), status));
    }
    return new View(steps, facts.open(), next(facts));
  }

  /** The ids of the parts under dispute: their invoices are on hold. */
  public static java.util.Set<java.util.UUID> onHold(List<Milestone> milestones) {
    return milestones.stream()
        .filter(Milestone::disputed)
        .map(m -> m.id().value())
        .collect(java.util.stream.Collectors.toSet());
  }

  /** A part's state as the client reads it. */
  public static String words(Milestone m, List<Owed> open) {
    if (m.disputed()) {
      return "On hold: a dispute is open";
    }
    return switch (m.state()) {
      case PLANNED -> "Not started";
      case IN_PROGRESS -> "In progress";
      case SUBMITTED -> "Delivered: waiting for your review";
      case CHANGES_REQUESTED -> "Changes requested: being reworked";
      case ACCEPTED -> "Accepted";
      case INVOICED ->
          open.stream()
              .filter(o -> m.id().value().equals(o.milestoneId()))
              .findFirst()
              .map(
                  o ->
                      "Invoice "
                          + o.number()
                          + " to pay"
                          + (o.dueOn() == null ? "" : " by " + day(o.dueOn())))
              // its invoice asks for nothing (credit notes cancelled it, or it was written off),
              // yet no payment released it: the vendor decides whether to hand it over
              .orElse("Nothing owed on it: sealed until the vendor hands it over");
      case PAID -> "Paid";
      case RELEASED -> "Released: ready to download";
    };
  }

  /** The one thing to do next, in the order that matters to the client. */
  private static Next next(Facts facts) {
    if (facts.quoteToSign()) {
      return new Next(
          Action.SIGN_QUOTE,
          facts.contractSigned()
              ? "Read the change order and sign it: it changes the work and the price of your"
                  + " contract."
              : "Read the quote and sign it to start the work.",
          null);
    }
    if (facts.awaitingCountersignature() && !facts.contractSigned()) {
      return new Next(
          Action.WAIT,
          "You signed. "
              + facts.vendor()
              + " countersigns next; then the deposit invoice appears here.",
          null);
    }
    // an invoice whose part is under dispute is on hold: the dispute comes first
    java.util.Set<java.util.UUID> onHold = onHold(facts.milestones());
    Optional<Owed> due =
        facts.open().stream()
            .filter(o -> o.milestoneId() == null || !onHold.contains(o.milestoneId()))
            .findFirst();
    if (due.isPresent()) {
      Owed o = due.get();
      return new Next(
          Action.PAY,
          "Pay "
              + o.open()
              + " for invoice "
              + o.number()
              + (o.unlocks().isEmpty()
                  ? "."
                  : " to unlock " + String.join(", ", o.unlocks()) + "."),
          o.milestoneId());
    }
    for (Milestone m : facts.milestones()) {
      if (m.state() == MilestoneState.SUBMITTED && !m.disputed()) {
        return new Next(
            Action.REVIEW,
            "Review " + m.name() + ": accept it, or ask for changes.",
            m.id().value());
      }
    }
    Optional<Milestone> disputed =
        facts.milestones().stream().filter(Milestone::disputed).findFirst();
    if (disputed.isPresent()) {
      return new Next(
          Action.WAIT,
          "A dispute is open on "
              + disputed.get().name()
              + ": read why below, and answer "
              + facts.vendor()
              + " in a message. It is on hold until the dispute is resolved.",
          disputed.get().id().value());
    }
    if (facts.awaitingCountersignature() && facts.contractSigned()) {
      return new Next(
          Action.WAIT,
          "You signed the change order. "
              + facts.vendor()
              + " countersigns next; then its new parts join the plan below.",
          null);
    }
    List<Milestone> ms = facts.milestones();
    if (facts.contractSigned()
        && !facts.signedOff()
        && !ms.isEmpty()
        && ms.stream().allMatch(Timeline::finished)
        && ms.get(ms.size() - 1).state() == MilestoneState.RELEASED) {
      Milestone last = ms.get(ms.size() - 1);
      return new Next(
          Action.SIGN_OFF, "Everything is delivered: sign the project off.", last.id().value());
    }
    Optional<Milestone> working =
        ms.stream()
            .filter(
                m ->
                    m.state() == MilestoneState.IN_PROGRESS
                        || m.state() == MilestoneState.CHANGES_REQUESTED)
            .findFirst();
    return new Next(
        Action.WAIT,
        working
            .map(
                m ->
                    "Nothing to do right now: "
                        + facts.vendor()
                        + " is working on "
                        + m.name()
                        + ".")
            .orElse(
                facts.signedOff()
                    ? "The project is signed off. While the modification window is open, ask for"
                        + " small changes under Modifications."
                    : "Nothing to do right now."),
        null);
  }

  private static final java.time.format.DateTimeFormatter DAY =
      java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy", java.util.Locale.ENGLISH);

  /** A date as people read it, e.g. {@code 14 Dec 2026}. */
  public static String day(LocalDate date) {
    return DAY.format(date);
  }

  /** Whether a part is over: released, or paid when it hands over no work (a deposit). */
  private static boolean finished(Milestone m) {
    return m.state() == MilestoneState.RELEASED || m.state() == MilestoneState.PAID && !hasWork(m);
  }

  /** Whether a part hands over work (a deposit does not: paid is its end). */
  private static boolean hasWork(Milestone m) {
    return m.trigger() != io.tranche.core.milestone.PaymentTrigger.CONTRACT_SIGNED;
  }
}
