package io.tranche.core.project;

import static org.assertj.core.api.Assertions.assertThat;

import io.tranche.core.milestone.Milestone;
import io.tranche.core.milestone.MilestoneAction;
import io.tranche.core.milestone.PaymentTrigger;
import io.tranche.core.money.Money;
import io.tranche.core.workspace.WorkspaceId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimelineTest {
  static final Instant T = Instant.parse("2026-11-26T00:00:00Z");

  /** A plan of parts with the given names: the first at signature, the rest at acceptance. */
  static List<Milestone> plan(String... names) {
    List<Milestone> ms = new ArrayList<>();
    for (int i = 0; i < names.length; i++) {
      ms.add(
          Milestone.planned(
              WorkspaceId.random(),
              ProjectId.random(),
              i + 1,
              names[i],
              Money.parse("500.00", "EUR"),
              i == 0 ? PaymentTrigger.CONTRACT_SIGNED : PaymentTrigger.ACCEPTANCE));
    }
    return ms;
  }

  static Milestone moved(Milestone m, MilestoneAction... actions) {
    for (MilestoneAction a : actions) {
      m = m.apply(a, T).next();
    }
    return m;
  }

  static Timeline.Facts facts(
      boolean quote, boolean signed, List<Milestone> ms, List<Timeline.Owed> open) {
    return new Timeline.Facts(quote, false, signed, false, ms, open, "Studio Nord");
  }

  @Test
  void theStepsAreTheContractsOwnPartsByName() {
    List<Milestone> ms = plan("Deposit", "Design", "Build", "Launch", "Training");
    Timeline.View view = Timeline.of(facts(true, false, ms, List.of()));
    assertThat(view.steps())
        .extracting(Timeline.Step::title)
        .containsExactly(
            "Quote and contract",
            "Deposit",
            "Design",
            "Build",
            "Launch",
            "Training",
            "Sign-off and modification window");
    assertThat(view.steps().get(0).status()).isEqualTo(Timeline.Status.CURRENT);
    assertThat(view.steps().get(0).detail()).isEqualTo("A quote waits for your signature");
    assertThat(view.next().action()).isEqualTo(Timeline.Action.SIGN_QUOTE);
  }

  @Test
  void anOpenInvoiceIsTheNextStepAndSaysWhatItUnlocks() {
    List<Milestone> ms = plan("Deposit", "Final build");
    Milestone deposit = moved(ms.get(0), MilestoneAction.INVOICE, MilestoneAction.RECORD_PAYMENT);
    Milestone build =
        moved(
            ms.get(1),
            MilestoneAction.START,
            MilestoneAction.SUBMIT,
            MilestoneAction.ACCEPT,
            MilestoneAction.INVOICE);
    Timeline.Owed owed =
        new Timeline.Owed(
            "2026-0003",
            "Final build",
            Money.parse("500.00", "EUR"),
            LocalDate.parse("2026-12-14"),
            build.id().value(),
            List.of("final-build.zip"));
    Timeline.View view = Timeline.of(facts(false, true, List.of(deposit, build), List.of(owed)));
    assertThat(view.steps())
        .extracting(Timeline.Step::status)
        .containsExactly(
            Timeline.Status.DONE,
            Timeline.Status.DONE,
            Timeline.Status.CURRENT,
            Timeline.Status.UPCOMING);
    assertThat(view.steps().get(2).detail()).isEqualTo("Invoice 2026-0003 to pay by 14 Dec 2026");
    assertThat(view.next().action()).isEqualTo(Timeline.Action.PAY);
    assertThat(view.next().text())
        .isEqualTo("Pay 500.00 EUR for invoice 2026-0003 to unlock final-build.zip.");
  }

  @Test
  void aDeliveryToReviewComesNextWhenNothingIsOwed() {
    List<Milestone> ms = plan("Deposit", "Prototype");
    Milestone deposit = moved(ms.get(0), MilestoneAction.INVOICE, MilestoneAction.RECORD_PAYMENT);
    Milestone prototype = moved(ms.get(1), MilestoneAction.START, MilestoneAction.SUBMIT);
    Timeline.View view = Timeline.of(facts(false, true, List.of(deposit, prototype), List.of()));
    assertThat(view.steps().get(2).detail()).isEqualTo("Delivered: waiting for your review");
    assertThat(view.next().action()).isEqualTo(Timeline.Action.REVIEW);
    assertThat(view.next().milestoneId()).isEqualTo(prototype.id().value());
  }

  @Test
  void withNothingToDoItSaysWhoIsWorkingOnWhat() {
    List<Milestone> ms = plan("Deposit", "Prototype");
    Milestone deposit = moved(ms.get(0), MilestoneAction.INVOICE, MilestoneAction.RECORD_PAYMENT);
    Milestone prototype = moved(ms.get(1), MilestoneAction.START);
    Timeline.View view = Timeline.of(facts(false, true, List.of(deposit, prototype), List.of()));
    assertThat(view.next().action()).isEqualTo(Timeline.Action.WAIT);
    assertThat(view.next().text())
        .isEqualTo("Nothing to do right now: Studio Nord is working on Prototype.");
    for (Timeline.Step s : view.steps()) {
      assertThat(s.detail()).doesNotContain("_").doesNotMatch(".*[A-Z]{4,}.*");
    }
  }

  @Test
  void afterTheSignOffItPointsToTheModificationWindow() {
    List<Milestone> ms = plan("Deposit");
    Milestone deposit = moved(ms.get(0), MilestoneAction.INVOICE, MilestoneAction.RECORD_PAYMENT);
    Timeline.View view =
        Timeline.of(
            new Timeline.Facts(
                false, false, true, true, List.of(deposit), List.of(), "Studio Nord"));
    assertThat(view.next().action()).isEqualTo(Timeline.Action.WAIT);
    assertThat(view.next().text()).contains("signed off").contains("Modifications");
  }

  @Test
  void whenEverythingIsReleasedTheClientSignsOff() {
    List<Milestone> ms = plan("Deposit", "Shop");
    Milestone deposit = moved(ms.get(0), MilestoneAction.INVOICE, MilestoneAction.RECORD_PAYMENT);
    Milestone shop =
        moved(
            ms.get(1),
            MilestoneAction.START,
            MilestoneAction.SUBMIT,
            MilestoneAction.ACCEPT,
            MilestoneAction.INVOICE,
            MilestoneAction.RECORD_PAYMENT,
            MilestoneAction.RELEASE);
    Timeline.View view = Timeline.of(facts(false, true, List.of(deposit, shop), List.of()));
    assertThat(view.next().action()).isEqualTo(Timeline.Action.SIGN_OFF);
    assertThat(view.steps().get(3).status()).isEqualTo(Timeline.Status.CURRENT);
    assertThat(view.steps().get(3).detail())
        .isEqualTo("Every part is delivered: your sign-off is next");
    Timeline.View earlier = Timeline.of(facts(false, true, List.of(deposit, ms.get(1)), List.of()));
    assertThat(earlier.steps().get(3).detail()).isEqualTo("After the last part is released");
  }

  @Test
  void anInvoiceOfADisputedPartIsOnHoldAndTheDisputeComesFirst() {
    List<Milestone> ms = plan("Deposit", "Design");
    Milestone deposit = moved(ms.get(0), MilestoneAction.INVOICE);
    Milestone design =
        moved(
            ms.get(1),
            MilestoneAction.START,
            MilestoneAction.SUBMIT,
            MilestoneAction.ACCEPT,
            MilestoneAction.INVOICE,
            MilestoneAction.OPEN_DISPUTE);
    Timeline.Owed designInvoice =
        new Timeline.Owed(
            "2026-0002",
            "Design",
            Money.parse("500.00", "EUR"),
            null,
            design.id().value(),
            List.of());
    Timeline.View view =
        Timeline.of(facts(false, true, List.of(deposit, design), List.of(designInvoice)));
    assertThat(view.next().action()).isEqualTo(Timeline.Action.WAIT);
    assertThat(view.next().text())
        .startsWith("A dispute is open on Design: read why below, and answer Studio Nord");
    Timeline.Owed depositInvoice =
        new Timeline.Owed(
            "2026-0001",
            "Deposit",
            Money.parse("100.00", "EUR"),
            null,
            deposit.id().value(),
            List.of());
    Timeline.View both =
        Timeline.of(
            facts(false, true, List.of(deposit, design), List.of(designInvoice, depositInvoice)));
    assertThat(both.next().action()).isEqualTo(Timeline.Action.PAY);
    assertThat(both.next().text()).contains("2026-0001").doesNotContain("2026-0002");
  }

  @Test
  void aChangeOrderAfterTheContractIsSignedAndCountersignedLikeTheQuoteWas() {
    List<Milestone> ms = plan("Deposit");
    Milestone deposit = moved(ms.get(0), MilestoneAction.INVOICE, MilestoneAction.RECORD_PAYMENT);
    Timeline.View toSign =
        Timeline.of(
            new Timeline.Facts(
                true, false, true, true, List.of(deposit), List.of(), "Studio Nord"));
    assertThat(toSign.next().action()).isEqualTo(Timeline.Action.SIGN_QUOTE);
    assertThat(toSign.next().text()).startsWith("Read the change order and sign it");
    assertThat(toSign.steps().get(0).detail())
        .isEqualTo("Signed; a change order waits for your signature");
    Timeline.View signed =
        Timeline.of(
            new Timeline.Facts(
                false, true, true, true, List.of(deposit), List.of(), "Studio Nord"));
    assertThat(signed.next().action()).isEqualTo(Timeline.Action.WAIT);
    assertThat(signed.next().text())
        .isEqualTo(
            "You signed the change order. Studio Nord countersigns next; then its new parts join"
                + " the plan below.");
    assertThat(signed.steps().get(0).detail()).contains("waiting for the countersignature");
  }

  @Test
  void afterTheClientSignsTheCountersignatureComesNext() {
    List<Milestone> ms = plan("Deposit", "Shop");
    Timeline.View view =
        Timeline.of(new Timeline.Facts(false, true, false, false, ms, List.of(), "Studio Nord"));
    assertThat(view.steps().get(0).detail())
        .isEqualTo("You signed; waiting for the countersignature");
    assertThat(view.next().action()).isEqualTo(Timeline.Action.WAIT);
    assertThat(view.next().text())
        .isEqualTo(
            "You signed. Studio Nord countersigns next; then the deposit invoice appears here.");
  }
}
