package io.tranche.app.platform;

import io.tranche.core.error.DomainException;
import io.tranche.core.error.ErrorCode;
import io.tranche.core.error.ErrorKind;
import io.tranche.core.error.Validation;
import io.tranche.core.money.Money;
import io.tranche.core.money.MoneyErrors;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Money as a request gives it: either whole minor units ({@code amountMinor}) or a decimal string
 * ({@code amount}, e.g. {@code "1234.50"}), and a currency that may default to the project's.
 */
public record MoneyInput(
    @Nullable Long amountMinor, @Nullable String amount, @Nullable String currency) {
  public static final ErrorCode AMBIGUOUS =
      new ErrorCode(
          "money.ambiguous",
          ErrorKind.INVALID,
          "{field} gives both amountMinor and amount; send one of them");

  /**
   * An amount a person typed on a page, in any usual notation ({@code 1.606,50}, {@code 1,606.50};
   * see {@link Money#parseTyped}), for {@code currency}. What it cannot read is kept as typed, so
   * the strict reading refuses it next to its field.
   */
  public static MoneyInput typed(@Nullable String typed, String currency) {
    String amount = typed;
    if (typed != null && !typed.isBlank()) {
      try {
        amount = Money.parseTyped(typed, currency).toDecimalString();
      } catch (DomainException e) {
        amount = typed.strip();
      }
    }
    return new MoneyInput(null, amount, null);
  }

  /**
   * The money this input names, refusing negative, over-precise or ambiguous amounts; errors name
   * {@code field} and its parts, e.g. {@code total.currency}.
   */
  public Money toMoney(String field, @Nullable String defaultCurrency) {
    String code = currency != null ? currency : defaultCurrency;
    if (code == null) {
      throw DomainException.field(
          Validation.REQUIRED, field + ".currency", Map.of("field", field + ".currency"));
    }
    Errors.at(field + ".currency", () -> Money.currency(code));
    Money money;
    if (amountMinor != null && amount != null) {
      throw DomainException.field(AMBIGUOUS, field, Map.of("field", field));
    } else if (amountMinor != null) {
      money = Errors.at(field + ".amountMinor", () -> Money.of(amountMinor, code));
    } else if (amount != null) {
      money = Errors.at(field + ".amount", () -> Money.parse(amount, code));
    } else {
      throw DomainException.field(
          Validation.REQUIRED, field + ".amountMinor", Map.of("field", field + ".amountMinor"));
    }
    if (money.isNegative()) {
      throw DomainException.field(
          MoneyErrors.NEGATIVE, field, Map.of("value", money.toDecimalString()));
    }
    return money;
  }
}
