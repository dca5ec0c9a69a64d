package io.tranche.core.release;

import static org.assertj.core.api.Assertions.assertThat;

import io.tranche.core.release.ReleaseRule.Facts;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class ReleaseRuleTest {
  @Test
  void aPaidUndisputedMilestoneWithinTheCreditLimitIsReleased() {
    var d = ReleaseRule.decide(new Facts(true, 0, false, 0, 5000, 5000, 0, false));
    assertThat(d.release()).isTrue();
    assertThat(d.heldBecause()).isEmpty();
  }

  @Test
  void eachConditionHoldsTheReleaseBackAndSaysWhy() {
    assertThat(
            ReleaseRule.decide(new Facts(false, 0, false, 0, 5000, 5000, 0, false)).heldBecause())
        .containsExactly("the milestone has no invoice yet");
    assertThat(ReleaseRule.decide(new Facts(true, 1, false, 0, 5000, 4999, 0, false)).heldBecause())
        .containsExactly(
            "the invoice is not fully paid (1 open)",
            "exposure would be 1, over the credit limit of 0");
    assertThat(
            ReleaseRule.decide(new Facts(true, 0, false, 3000, 5000, 5000, 2000, false)).release())
        .isFalse();
    assertThat(
            ReleaseRule.decide(new Facts(true, 0, false, 3000, 5000, 5000, 3000, false)).release())
        .isTrue();
    assertThat(ReleaseRule.decide(new Facts(true, 0, false, 0, 5000, 5000, 0, true)).heldBecause())
        .containsExactly("a dispute is open");
  }

  @Test
  void anInvoiceSettledByCreditNotesAloneReleasesNothing() {
    var d = ReleaseRule.decide(new Facts(true, 0, true, 0, 5000, 5000, 0, false));
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
    Facts f = new Facts(invoiced, open, credited, handedOver, value, received, limit, disputed);
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
