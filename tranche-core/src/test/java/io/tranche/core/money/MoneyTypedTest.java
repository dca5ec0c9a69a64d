package io.tranche.core.money;

import static io.tranche.core.DomainAssertions.assertCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tranche.core.error.DomainException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTypedTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "1606.50|160650",
        "1,606.50|160650",
        "1.606,50|160650",
        "1 606,50|160650",
        "1'606.50|160650",
        "1606,5|160650",
        "1606|160600",
        "1.606|160600",
        "1,606|160600",
        "1.606.000|160600000",
        "0,99|99",
        "12,3|1230"
      })
  void readsAmountsAsPeopleTypeThem(String typed, long minor) {
    assertThat(Money.parseTyped(typed, "EUR").amountMinor()).isEqualTo(minor);
  }

  @Test
  void aCurrencyWithThreeDecimalsKeepsThreeDigitsAsDecimals() {
    assertThat(Money.parseTyped("1.606", "KWD").amountMinor()).isEqualTo(1606);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "4.840,00 €|EUR|484000",
        "€ 4,840.00|EUR|484000",
        "1 000 EUR|EUR|100000",
        "eur 12,50|EUR|1250",
        "$12.50|USD|1250",
        "12.50 US$|USD|1250",
        "US$ 1,250.00|USD|125000",
        "12.50 USD|USD|1250",
        "£ 1,250.00|GBP|125000",
        "CHF 1'250.50|CHF|125050"
      })
  void theAmountsOwnCurrencyMayStandBeforeOrAfterIt(String typed, String currency, long minor) {
    assertThat(Money.parseTyped(typed, currency).amountMinor()).isEqualTo(minor);
  }

  @Test
  void anotherCurrencysSignOrASignAloneIsNotAnAmount() {
    assertCode(() -> Money.parseTyped("$12.50", "EUR"), "money.malformed-amount");
    assertCode(() -> Money.parseTyped("12.50 GBP", "EUR"), "money.malformed-amount");
    assertCode(() -> Money.parseTyped("€", "EUR"), "money.malformed-amount");
    assertCode(() -> Money.parseTyped("€€12", "EUR"), "money.malformed-amount");
  }

  @Test
  void nonsenseIsStillRefusedWithWhatWasTyped() {
    assertCode(() -> Money.parseTyped("12,3,4.5,6", "EUR"), "money.malformed-amount");
    assertCode(() -> Money.parseTyped("abc", "EUR"), "money.malformed-amount");
    assertThat(Money.parseTyped("1,234", "JPY").amountMinor()).isEqualTo(1234);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "12,3,4",
        "1.2.3",
        "0,001",
        "01.234",
        "12 34",
        "1.23.456",
        "1,2345,00",
        "12,5 0",
        "1,234.567,89",
        "1.234 567,00"
      })
  void separatorsThatDoNotGroupThousandsAreRefusedNotGuessed(String typed) {
    // a typo must not become another amount: "12,3,4" is not 1234.00
    assertThatThrownBy(() -> Money.parseTyped(typed, "EUR"))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> {
              assertThat(e.code().slug()).isEqualTo("money.malformed-amount");
              assertThat(e.args()).containsEntry("value", typed);
            });
  }

  @Test
  void wellGroupedThousandsAreStillRead() {
    assertThat(Money.parseTyped("1.234.567,89", "EUR").amountMinor()).isEqualTo(123456789);
    assertThat(Money.parseTyped("-1 234,50", "EUR").amountMinor()).isEqualTo(-123450);
    assertThat(Money.parseTyped("1\u202f234,50 €", "EUR").amountMinor()).isEqualTo(123450);
    // a no-break space beside the sign, as banking apps write it
    assertThat(Money.parseTyped("1\u00a0234,50\u00a0€", "EUR").amountMinor()).isEqualTo(123450);
    assertThat(Money.parseTyped("€\u00a012", "EUR").amountMinor()).isEqualTo(1200);
    // spaces group the thousands, so the comma is the decimal: 1000.50, not 1 000 500
    assertThat(Money.parseTyped("1 000,50", "EUR").amountMinor()).isEqualTo(100050);
    assertThat(Money.parseTyped("1 000,500", "EUR").amountMinor()).isEqualTo(100050);
    assertThatThrownBy(() -> Money.parseTyped("1 000,505", "EUR"))
        .isInstanceOf(DomainException.class)
        .hasMessageContaining("1 000,505");
  }
}
