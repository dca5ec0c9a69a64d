package io.tranche.core.money;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tranche.core.FuzzText;
import io.tranche.core.error.DomainException;
import java.math.BigDecimal;

/**
 * Fuzzes {@link Money#parse}, which reads amounts people type into forms and API requests. An input
 * is the amount, optionally followed by a line break and the currency code (EUR otherwise). Corpus:
 * src/test/resources/io/tranche/core/money/MoneyFuzzTestInputs/.
 */
class MoneyFuzzTest {

  @FuzzTest
  void parseRefusesWithAMoneyCodeOrReadsExactly(byte[] input) {
    String text = FuzzText.decode(input);
    int newline = text.indexOf('\n');
    String amount = newline < 0 ? text : text.substring(0, newline);
    String currency = newline < 0 ? "EUR" : text.substring(newline + 1);
    check(amount, currency);
    if (input.length == 0) {
      check(null, "EUR");
      check("1", null);
    }
  }

  private static void check(String amount, String currency) {
    Money money;
    try {
      money = Money.parse(amount, currency);
    } catch (DomainException e) {
      assertThat(e.code().slug()).startsWith("money.");
      return;
    }
    assertThat(Math.abs(money.amountMinor())).isLessThanOrEqualTo(Money.MAX_MINOR);
    assertThat(money.currency().getCurrencyCode()).isEqualTo(currency);
    // exact: the amount read is the decimal written, never rounded
    int digits = money.currency().getDefaultFractionDigits();
    assertThat(BigDecimal.valueOf(money.amountMinor(), digits))
        .isEqualByComparingTo(new BigDecimal(amount.strip()));
    assertThat(Money.parse(money.toDecimalString(), currency)).isEqualTo(money);
  }
}
