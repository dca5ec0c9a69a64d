package io.tranche.core.release;

import static org.assertj.core.api.Assertions.assertThat;

import io.tranche.core.money.Money;
import io.tranche.core.release.ReleaseRule.Facts;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class ReleaseRuleTest {
  private static Money eur(long minor) {
    return Money.of(minor, "EUR");
  }

  @Test
  void aPaidUndisputedMilestoneWithinTheCreditLimitIsReleased() {
    var d =
        ReleaseRule.decide(
            new Facts(true, eur(0), false, eur(0), eur(5000), eur(5000), eur(0), false));
    assertThat(d.release()).isTrue();
    assertThat(d.heldBecause()).isEmpty();
  }

  @Test
  void eachConditionHoldsTheReleaseBackAndSaysWhy() {
    assertThat(
            ReleaseRule.decide(
                    new Facts(false, eur(0), false, eur(0), eur(5000), eur(5000), eur(0), false))
                .heldBecause())
        .containsExactly("the milestone has no invoice yet");
    assertThat(
            ReleaseRule.decide(
                    new Facts(true, eur(1), false, eur(0), eur(5000), eur(4999), eur(0), false))
                .heldBecause())
        .containsExactly(
            "the invoice is not fully paid (0.01 EUR open)",
            "exposure would be 0.01 EUR, over the credit limit of 0.00 EUR");
    assertThat(
            ReleaseRule.decide(
                    new Facts(
                        true, eur(0), false, eur(3000), eur(5000), eur(5000), eur(2000), false))
                .release())
        .isFalse();
    assertThat(
            ReleaseRule.decide(
                    new Facts(
                        true, eur(0), false, eur(3000), eur(5000), eur(5000), eur(3000), false))
                .release())
        .isTrue();
    assertThat(
            ReleaseRule.decide(
                    new Facts(true, eur(0), false, eur(0), eur(5000), eur(5000), eur(0), true))
                .heldBecause())
        .containsExactly("a dispute is open");
  }

  @Test
  void anInvoiceSettledByCreditNotesAloneReleasesNothing() {
    var d =
        ReleaseRule.decide(
            new Facts(true, eur(0), true, eur(0), eur(5000), eur(5000), eur(0), false));
    assertThat(d.release()).isFalse();
    assertThat(d.heldBecause())
        .containsExactly("the invoice was settled by credit notes, not paid");
  }

  @Property
  void neverReleasesWhileMoneyIsOpenOrADisputeRuns(
      @ForAll boolean invoiced,
      @ForAll @LongRange(min = 0, max = 1_000_000) long open,
      @ForAll boolean credited,
      @ForAll @LongRange(min = 0, max = 1_000_000) long handedOver,
      @ForAll @LongRange(min = 0, max = 1_000_000) long value,
      @ForAll @LongRange(min = 0, max = 2_000_000) long received,
      @ForAll @LongRange(min = 0, max = 1_000_000) long limit,
      @ForAll boolean disputed) {
    Facts f =
        new Facts(
            invoiced,
            eur(open),
            credited,
            eur(handedOver),
            eur(value),
            eur(received),
            eur(limit),
            disputed);
    boolean release = ReleaseRule.decide(f).release();
    assertThat(release)
        .isEqualTo(
            invoiced
                && open == 0
                && !credited
                && !disputed
                && handedOver + value - received <= limit);
  }
}
