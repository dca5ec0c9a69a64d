package io.tranche.core.money;

import static io.tranche.core.DomainAssertions.assertCode;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MoneyTest {

  @Test
  void splitsThousandEurosIntoThirdsWithTheRemainderOnTheFirstPart() {
    assertThat(Money.parse("1000.00", "EUR").allocate(1, 1, 1))
        .containsExactly(Money.of(33334, "EUR"), Money.of(33333, "EUR"), Money.of(33333, "EUR"));
  }

  @Test
  void allocatesRemainderToEarliestPartsWithPositiveRatio() {
    assertThat(Money.of(5, "EUR").allocate(0, 1, 1))
        .containsExactly(Money.of(0, "EUR"), Money.of(3, "EUR"), Money.of(2, "EUR"));
  }

  @Test
  void allocatesNegativeAmountsExactly() {
    assertThat(Money.of(-100, "EUR").allocate(1, 1, 1))
        .containsExactly(Money.of(-34, "EUR"), Money.of(-33, "EUR"), Money.of(-33, "EUR"));
  }

  @Test
  void parsesDecimalsInMinorUnits() {
    assertThat(Money.parse("1234.5", "EUR")).isEqualTo(Money.of(123450, "EUR"));
    assertThat(Money.parse("1234", "JPY")).isEqualTo(Money.of(1234, "JPY"));
    assertThat(Money.parse("1.234", "BHD")).isEqualTo(Money.of(1234, "BHD"));
    assertThat(Money.parse("1.10", "EUR").toDecimalString()).isEqualTo("1.10");
  }

  @Test
  void refusesOverPreciseAmountsInsteadOfRounding() {
    assertCode(() -> Money.parse("1.005", "EUR"), "money.too-precise");
    assertCode(() -> Money.parse("1.5", "JPY"), "money.too-precise");
  }

  @Test
  void acceptsTrailingZerosBeyondTheCurrencyPrecision() {
    assertThat(Money.parse("1.500", "EUR")).isEqualTo(Money.of(150, "EUR"));
  }

  @Test
  void refusesMalformedAmounts() {
    for (String bad : new String[] {"", "abc", "1,00", "1e3", ".5", "1.", "--1", "NaN"}) {
      assertCode(() -> Money.parse(bad, "EUR"), "money.malformed-amount");
    }
  }

  @Test
  void refusesAnAbsurdlyLongAmountBeforeParsingIt() {
    assertCode(() -> Money.parse("1." + "0".repeat(1_000_000), "EUR"), "money.malformed-amount");
    assertThat(Money.parse("1." + "0".repeat(18), "EUR")).isEqualTo(Money.of(100, "EUR"));
  }

  @Test
  void refusesUnknownCurrencies() {
    assertCode(() -> Money.parse("1", "EURO"), "money.unknown-currency");
    assertCode(() -> Money.parse("1", "eur"), "money.unknown-currency");
    assertCode(() -> Money.parse("1", "QQQ"), "money.unknown-currency");
    assertCode(() -> Money.parse("1", "XXX"), "money.unknown-currency");
  }

  @Test
  void refusesAmountsBeyondTheMaximumWhereverTheyComeFrom() {
    assertCode(() -> Money.parse("92233720368547758.08", "EUR"), "money.too-large");
    assertCode(() -> Money.parse("1000000000000.01", "EUR"), "money.too-large");
    assertCode(() -> Money.of(Long.MAX_VALUE, "EUR"), "money.too-large");
    assertCode(() -> Money.of(-Money.MAX_MINOR - 1, "EUR"), "money.too-large");
    assertCode(() -> Money.of(1L << 53, "EUR"), "money.too-large");
    assertCode(() -> Money.of(Money.MAX_MINOR, "EUR").plus(Money.of(1, "EUR")), "money.too-large");
  }

  @Test
  void acceptsTheMaximumItself() {
    assertThat(Money.parse("1000000000000.00", "EUR").amountMinor()).isEqualTo(Money.MAX_MINOR);
    assertThat(Money.of(-Money.MAX_MINOR, "EUR").negate().amountMinor()).isEqualTo(Money.MAX_MINOR);
  }

  @Test
  void refusesMixedCurrencies() {
    assertCode(() -> Money.of(1, "EUR").plus(Money.of(1, "USD")), "money.currency-mismatch");
    assertCode(() -> Money.of(1, "EUR").compareTo(Money.of(1, "USD")), "money.currency-mismatch");
  }

  @Test
  void refusesRatiosThatCannotSplit() {
    assertCode(() -> Money.of(100, "EUR").allocate(), "money.bad-ratios");
    assertCode(() -> Money.of(100, "EUR").allocate(0, 0), "money.bad-ratios");
    assertCode(() -> Money.of(100, "EUR").allocate(1, -1), "money.bad-ratios");
  }

  @Test
  void formatsWithCurrencyCode() {
    assertThat(Money.of(-5, "EUR")).hasToString("-0.05 EUR");
    assertThat(Money.of(123450, "EUR").minus(Money.of(50, "EUR")).negate())
        .isEqualTo(Money.of(-123400, "EUR"));
  }
}
