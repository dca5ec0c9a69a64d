package io.tranche.core.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

class MoneyProperties {

  @Property
  void partsAlwaysSumToTheWhole(
      @ForAll @LongRange(min = -1_000_000_000_000L, max = 1_000_000_000_000L) long total,
      @ForAll @Size(min = 1, max = 12) List<@LongRange(min = 0, max = 1_000_000) Long> ratios) {
    long[] r = ratios.stream().mapToLong(Long::longValue).toArray();
    if (ratios.stream().allMatch(x -> x == 0)) {
      r[0] = 1;
    }
    List<Money> parts = Money.of(total, "EUR").allocate(r);

    assertThat(parts).hasSize(r.length);
    assertThat(parts.stream().mapToLong(Money::amountMinor).sum()).isEqualTo(total);
  }

  @Property
  void partsAreWithinOneMinorUnitOfTheExactShare(
      @ForAll @LongRange(min = 0, max = 1_000_000_000_000L) long total,
      @ForAll @Size(min = 1, max = 12) List<@LongRange(min = 1, max = 1_000) Long> ratios) {
    long[] r = ratios.stream().mapToLong(Long::longValue).toArray();
    long sum = ratios.stream().mapToLong(Long::longValue).sum();
    List<Money> parts = Money.of(total, "EUR").allocate(r);

    for (int i = 0; i < r.length; i++) {
      double exact = (double) total * r[i] / sum;
      assertThat((double) parts.get(i).amountMinor()).isCloseTo(exact, offset(1.0 + exact * 1e-12));
    }
  }

  @Property
  void equalSplitsDifferByAtMostOneAndLargerPartsComeFirst(
      @ForAll @LongRange(min = 0, max = 1_000_000_000_000L) long total,
      @ForAll @LongRange(min = 1, max = 20) long n) {
    long[] ones = new long[(int) n];
    Arrays.fill(ones, 1);
    List<Money> parts = Money.of(total, "EUR").allocate(ones);

    for (int i = 1; i < parts.size(); i++) {
      long previous = parts.get(i - 1).amountMinor();
      long current = parts.get(i).amountMinor();
      assertThat(previous - current).isBetween(0L, 1L);
    }
  }

  @Property
  void parsingTheDecimalFormReturnsTheSameAmount(
      @ForAll @LongRange(min = -Money.MAX_MINOR, max = Money.MAX_MINOR) long minor) {
    Money money = Money.of(minor, "EUR");
    assertThat(Money.parse(money.toDecimalString(), "EUR")).isEqualTo(money);
  }

  @Property
  void everyAmountBeyondTheMaximumIsRefusedWhereverItIsBuilt(@ForAll long minor) {
    boolean within = minor >= -Money.MAX_MINOR && minor <= Money.MAX_MINOR;
    try {
      Money money = Money.of(minor, "EUR");
      assertThat(within).isTrue();
      assertThat(Math.abs(money.amountMinor())).isLessThan(1L << 53);
    } catch (io.tranche.core.error.DomainException e) {
      assertThat(within).isFalse();
      assertThat(e.code()).isEqualTo(MoneyErrors.TOO_LARGE);
    }
  }
}
