package io.tranche.core.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.tranche.core.milestone.PaymentPlan;
import io.tranche.core.milestone.PaymentTrigger;
import io.tranche.core.milestone.PlannedMilestone;
import io.tranche.core.money.Money;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuoteChangeTest {
  static final QuoteContent SIGNED = QuoteContentTest.quote(0, Money.parse("3000.00", "EUR"));

  /** A change order as the console drafts one: the signed content plus one line and one part. */
  static QuoteContent withExtra(String name, String amount, QuoteContent base) {
    List<QuoteLine> lines = new ArrayList<>(base.lines());
    lines.add(new QuoteLine(name, 1, Money.parse(amount, "EUR")));
    List<PlannedMilestone> plan = new ArrayList<>(base.plan().milestones());
    plan.add(new PlannedMilestone(name, Money.parse(amount, "EUR"), PaymentTrigger.ACCEPTANCE));
    Money gross = base.gross().plus(Money.parse(amount, "EUR"));
    return new QuoteContent(
        base.scope() + "\n\nChange order: " + name,
        base.timeline(),
        lines,
        base.taxRateBasisPoints(),
        new PaymentPlan(gross, plan),
        base.validUntil(),
        base.terms());
  }

  @Test
  void aChangeOrderAddsItsLineItsPartAndItsAmountAndNothingElse() {
    QuoteChange change = QuoteChange.between(SIGNED, withExtra("Search", "400.00", SIGNED));
    assertThat(change.addedLines()).extracting(QuoteLine::description).containsExactly("Search");
    assertThat(change.addedParts())
        .extracting(PlannedMilestone::name, PlannedMilestone::amount)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Search", Money.parse("400.00", "EUR")));
    assertThat(change.droppedLines()).isEmpty();
    assertThat(change.droppedParts()).isEmpty();
    assertThat(change.grossBefore()).isEqualTo(Money.parse("3000.00", "EUR"));
    assertThat(change.grossDifference()).isEqualTo(Money.parse("400.00", "EUR"));
    assertThat(change.scopeChanged()).isTrue();
    assertThat(change.termsChanged()).isFalse();
    assertThat(change.none()).isFalse();
  }

  @Test
  void linesAreMatchedAsAWholeAndCountedAsOftenAsTheyOccur() {
    QuoteContent twice = withExtra("Design", "500.00", SIGNED);
    QuoteChange change = QuoteChange.between(SIGNED, twice);
    assertThat(change.addedLines())
        .as("the signed contract has one 2 x 500.00 Design line; the second line is new")
        .containsExactly(new QuoteLine("Design", 1, Money.parse("500.00", "EUR")));
    QuoteChange back = QuoteChange.between(twice, SIGNED);
    assertThat(back.droppedLines()).hasSize(1);
    assertThat(back.droppedParts()).extracting(PlannedMilestone::name).containsExactly("Design");
    assertThat(back.grossDifference()).isEqualTo(Money.parse("-500.00", "EUR"));
  }

  @Test
  void theSameContentChangesNothing() {
    assertThat(QuoteChange.between(SIGNED, SIGNED).none()).isTrue();
  }
}
