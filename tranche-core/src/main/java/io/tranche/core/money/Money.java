package io.tranche.core.money;

import io.tranche.core.error.DomainException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An exact amount of one currency: whole minor units (cents for EUR) as a {@code long}, never a
 * floating-point number.
 *
 * <p>Arithmetic is exact and refuses to mix currencies or to overflow. {@link #parse} refuses input
 * more precise than the currency allows instead of rounding it.
 */
public record Money(long amountMinor, Currency currency) implements Comparable<Money> {
  /**
   * The largest amount Tranche accepts, in minor units either side of zero: 10^14 (one trillion
   * euros in cents). Far below 2^53, so every amount, and any sum of a realistic number of them, is
   * an exact integer in JSON numbers (IEEE doubles) and in the canonical JSON of the evidence log.
   */
  public static final long MAX_MINOR = 100_000_000_000_000L;

  /** At most 19 digits before the point and 18 after: any longer input is not an amount. */
  private static final Pattern DECIMAL = Pattern.compile("-?\\d{1,19}(\\.\\d{1,18})?");

  private static final Pattern CURRENCY_CODE = Pattern.compile("[A-Z]{3}");
  private static final Pattern TYPED_SPACES = Pattern.compile("[\\s\\u00a0\\u202f'’]");

  public Money {
    Objects.requireNonNull(currency, "currency");
    if (amountMinor > MAX_MINOR || amountMinor < -MAX_MINOR) {
      throw new DomainException(
          MoneyErrors.TOO_LARGE, Map.of("value", amountMinor, "max", MAX_MINOR));
    }
    if (currency.getDefaultFractionDigits() < 0) {
      throw new DomainException(
          MoneyErrors.UNKNOWN_CURRENCY, Map.of("value", currency.getCurrencyCode()));
    }
  }

  /** The amount {@code amountMinor} in minor units of the currency with ISO 4217 {@code code}. */
  public static Money of(long amountMinor, String code) {
    return new Money(amountMinor, currency(code));
  }

  /** Zero of a currency. */
  public static Money zero(Currency currency) {
    return new Money(0, currency);
  }

  /**
   * Parses a decimal such as {@code "1234.50"} in the given currency; refuses more decimal places
   * than the currency has (e.g. {@code "1.005"} EUR) rather than rounding.
   */
  public static Money parse(String amount, String currencyCode) {
    Currency currency = currency(currencyCode);
    String text = amount == null ? "" : amount.strip();
    if (!DECIMAL.matcher(text).matches()) {
      throw new DomainException(MoneyErrors.MALFORMED_AMOUNT, Map.of("value", text));
    }
    BigDecimal value = new BigDecimal(text);
    int digits = currency.getDefaultFractionDigits();
    if (value.stripTrailingZeros().scale() > digits) {
      throw new DomainException(
          MoneyErrors.TOO_PRECISE,
          Map.of("value", text, "digits", digits, "currency", currency.getCurrencyCode()));
    }
    BigDecimal minor = value.movePointRight(digits);
    if (minor.abs().compareTo(BigDecimal.valueOf(MAX_MINOR)) > 0) {
      throw new DomainException(MoneyErrors.TOO_LARGE, Map.of("value", text, "max", MAX_MINOR));
    }
    return new Money(minor.longValueExact(), currency);
  }

  /**
   * An amount as a person types it on a page, in any usual notation: {@code 1606.50}, {@code
   * 1,606.50}, {@code 1.606,50} (German), {@code 1 606,50} (French), {@code 1'606.50} (Swiss),
   * {@code 1606,5}. Spaces and apostrophes group thousands; when both a dot and a comma appear, the
   * last one is the decimal separator; a lone separator followed by exactly three digits groups
   * thousands unless the currency has three decimals. The amount's own currency may stand before or
   * after it, as its code or its sign ({@code 4.840,00 €}, {@code EUR 4840}, {@code $12.50});
   * another currency's may not. The API takes only {@link #parse}'s form.
   */
  public static Money parseTyped(String typed, String currencyCode) {
    Currency currency = currency(currencyCode);
    String shown = typed == null ? "" : EDGE_SPACES.matcher(typed).replaceAll("");
    // the currency may stand apart from the amount ("4.840,00 €"); spaces inside group thousands
    String text = EDGE_SPACES.matcher(withoutOwnCurrency(shown, currency)).replaceAll("");
    String compact = TYPED_SPACES.matcher(text).replaceAll("");
    // thousands grouped by spaces or apostrophes ("1 000,500"): a lone dot or comma is the decimal
    boolean spaced = !compact.equals(text);
    int dot = compact.lastIndexOf('.');
    int comma = compact.lastIndexOf(',');
    char decimal;
    if (dot >= 0 && comma >= 0) {
      decimal = dot > comma ? '.' : ',';
    } else if (dot >= 0 || comma >= 0) {
      char sep = dot >= 0 ? '.' : ',';
      int count = compact.length() - compact.replace(String.valueOf(sep), "").length();
      int after = compact.length() - compact.lastIndexOf(sep) - 1;
      boolean grouping =
          count > 1 || (!spaced && after == 3 && currency.getDefaultFractionDigits() < 3);
      decimal = grouping ? 0 : sep;
    } else {
      decimal = 0;
    }
    int at = decimal == 0 ? -1 : text.lastIndexOf(decimal);
    String whole = at < 0 ? text : text.substring(0, at);
    String fraction = at < 0 ? "" : text.substring(at + 1);
    if (!wellGrouped(whole) || !fraction.chars().allMatch(Character::isDigit)) {
      throw new DomainException(MoneyErrors.MALFORMED_AMOUNT, Map.of("value", shown));
    }
    String normal =
        GROUPS.matcher(whole).replaceAll("") + (fraction.isEmpty() && at < 0 ? "" : "." + fraction);
    try {
      return parse(normal, currencyCode);
    } catch (DomainException e) {
      Map<String, Object> args = new java.util.HashMap<>(e.args());
      args.put("value", shown);
      throw new DomainException(e.code(), e.field(), args);
    }
  }

  private static final Pattern GROUPS = Pattern.compile("[.,\\s\\u00a0\\u202f'’]");
  private static final Pattern EDGE_SPACES =
      Pattern.compile("^[\\s\\u00a0\\u202f]+|[\\s\\u00a0\\u202f]+$");
  // one separator throughout: "1.234.567", not "1 000.500" or "1,234.567"
  private static final Pattern GROUPED =
      Pattern.compile("-?[1-9]\\d{0,2}(?:([.,\\s\\u00a0\\u202f'’])\\d{3}(?:\\1\\d{3})*)?");

  /**
   * Whether the part before the decimals groups its thousands as people do: {@code 1.234.567} or
   * {@code 1 234}, with one separator throughout; not {@code 12,3,4}, {@code 1.2.3}, {@code 0,001}
   * or {@code 1,234.567}. One group of digits is always fine.
   */
  private static boolean wellGrouped(String whole) {
    return !GROUPS.matcher(whole).find() || GROUPED.matcher(whole).matches();
  }

  /** {@code text} without its currency's code or sign before or after the amount, if it has one. */
  private static String withoutOwnCurrency(String text, Currency currency) {
    java.util.Set<String> signs = new java.util.HashSet<>();
    signs.add(currency.getCurrencyCode());
    for (java.util.Locale locale : SIGN_LOCALES) {
      signs.add(currency.getSymbol(locale));
    }
    // the longest first: "US$" before "$", or "12.50 US$" would leave "12.50US"
    List<String> marks =
        signs.stream()
            .sorted(java.util.Comparator.comparingInt(String::length).reversed())
            .toList();
    for (String mark : marks) {
      if (text.length() > mark.length()) {
        if (text.regionMatches(true, 0, mark, 0, mark.length())) {
          return text.substring(mark.length());
        }
        int end = text.length() - mark.length();
        if (text.regionMatches(true, end, mark, 0, mark.length())) {
          return text.substring(0, end);
        }
      }
    }
    return text;
  }

  /** Where a currency's sign is looked up: the places whose signs people usually type. */
  private static final java.util.List<java.util.Locale> SIGN_LOCALES =
      java.util.List.of(
          java.util.Locale.US,
          java.util.Locale.UK,
          java.util.Locale.GERMANY,
          java.util.Locale.FRANCE,
          java.util.Locale.JAPAN,
          java.util.Locale.CANADA,
          java.util.Locale.forLanguageTag("de-CH"));

  /** The ISO 4217 currency for a three-letter code, or a {@code money.unknown-currency} error. */
  public static Currency currency(String code) {
    if (code == null || !CURRENCY_CODE.matcher(code).matches()) {
      throw new DomainException(
          MoneyErrors.UNKNOWN_CURRENCY, Map.of("value", code == null ? "" : code));
    }
    try {
      Currency currency = Currency.getInstance(code);
      if (currency.getDefaultFractionDigits() < 0) {
        throw new IllegalArgumentException(code);
      }
      return currency;
    } catch (IllegalArgumentException e) {
      throw new DomainException(MoneyErrors.UNKNOWN_CURRENCY, Map.of("value", code));
    }
  }

  public Money plus(Money other) {
    requireSameCurrency(other);
    try {
      return new Money(Math.addExact(amountMinor, other.amountMinor), currency);
    } catch (ArithmeticException e) {
      throw new DomainException(MoneyErrors.OVERFLOW, Map.of("value", this + " + " + other));
    }
  }

  public Money minus(Money other) {
    requireSameCurrency(other);
    try {
      return new Money(Math.subtractExact(amountMinor, other.amountMinor), currency);
    } catch (ArithmeticException e) {
      throw new DomainException(MoneyErrors.OVERFLOW, Map.of("value", this + " - " + other));
    }
  }

  public Money negate() {
    try {
      return new Money(Math.negateExact(amountMinor), currency);
    } catch (ArithmeticException e) {
      throw new DomainException(MoneyErrors.OVERFLOW, Map.of("value", "-" + this));
    }
  }

  public boolean isZero() {
    return amountMinor == 0;
  }

  public boolean isNegative() {
    return amountMinor < 0;
  }

  /**
   * Splits this amount into parts proportional to {@code ratios} that sum exactly to this amount.
   *
   * <p>Each part first gets its proportional share rounded towards zero; the minor units left over
   * go one each to the earliest parts. So 1000.00 split 1:1:1 is 333.34, 333.33, 333.33.
   */
  public List<Money> allocate(long... ratios) {
    if (ratios.length == 0 || Arrays.stream(ratios).anyMatch(r -> r < 0)) {
      throw new DomainException(MoneyErrors.BAD_RATIOS, Map.of("ratios", Arrays.toString(ratios)));
    }
    BigInteger sum = BigInteger.ZERO;
    for (long ratio : ratios) {
      sum = sum.add(BigInteger.valueOf(ratio));
    }
    if (sum.signum() == 0) {
      throw new DomainException(MoneyErrors.BAD_RATIOS, Map.of("ratios", Arrays.toString(ratios)));
    }
    BigInteger total = BigInteger.valueOf(amountMinor);
    long[] parts = new long[ratios.length];
    long allocated = 0;
    for (int i = 0; i < ratios.length; i++) {
      // BigInteger.divide truncates towards zero, for negative totals as well.
      parts[i] = total.multiply(BigInteger.valueOf(ratios[i])).divide(sum).longValueExact();
      allocated += parts[i];
    }
    long remainder = amountMinor - allocated;
    long step = Long.signum(remainder);
    for (int i = 0; remainder != 0; i = (i + 1) % parts.length) {
      if (ratios[i] > 0) {
        parts[i] += step;
        remainder -= step;
      }
    }
    List<Money> result = new ArrayList<>(parts.length);
    for (long part : parts) {
      result.add(new Money(part, currency));
    }
    return List.copyOf(result);
  }

  /** The amount as a plain decimal, e.g. {@code 1234.50}, for pages, PDFs and forms. */
  public String toDecimalString() {
    return BigDecimal.valueOf(amountMinor, currency.getDefaultFractionDigits()).toPlainString();
  }

  @Override
  public int compareTo(Money other) {
    requireSameCurrency(other);
    return Long.compare(amountMinor, other.amountMinor);
  }

  @Override
  public String toString() {
    return toDecimalString() + " " + currency.getCurrencyCode();
  }

  private void requireSameCurrency(Money other) {
    if (!currency.equals(other.currency)) {
      throw new DomainException(
          MoneyErrors.CURRENCY_MISMATCH,
          Map.of("left", currency.getCurrencyCode(), "right", other.currency.getCurrencyCode()));
    }
  }
}
