package io.tranche.core.money;

import io.tranche.core.error.ErrorCode;
import io.tranche.core.error.ErrorKind;

/** Error codes of the money package. */
public final class MoneyErrors {
  public static final ErrorCode CURRENCY_MISMATCH =
      new ErrorCode(
          "money.currency-mismatch",
          ErrorKind.INVALID,
          "amounts in {left} and {right} cannot be combined");
  public static final ErrorCode UNKNOWN_CURRENCY =
      new ErrorCode(
          "money.unknown-currency",
          ErrorKind.INVALID,
          "'{value}' is not an ISO 4217 currency code (expected three letters, e.g. EUR)");
  public static final ErrorCode MALFORMED_AMOUNT =
      new ErrorCode(
          "money.malformed-amount",
          ErrorKind.INVALID,
          "'{value}' is not an amount (expected digits with an optional decimal point, e.g. 1234.50)");
  public static final ErrorCode TOO_PRECISE =
      new ErrorCode(
          "money.too-precise",
          ErrorKind.INVALID,
          "'{value}' has more than {digits} decimal places, the most {currency} allows");
  public static final ErrorCode NEGATIVE =
      new ErrorCode(
          "money.negative", ErrorKind.INVALID, "the amount must not be negative, was {value}");

  /** A payment or refund of nothing, or less. */
  public static final ErrorCode NOT_POSITIVE =
      new ErrorCode(
          "money.not-positive",
          ErrorKind.INVALID,
          "the amount must be more than zero, was {value}");

  public static final ErrorCode OVERFLOW =
      new ErrorCode(
          "money.overflow", ErrorKind.INVALID, "the amount {value} is too large to be represented");
  public static final ErrorCode TOO_LARGE =
      new ErrorCode(
          "money.too-large",
          ErrorKind.INVALID,
          "the amount {value} is beyond the largest amount accepted, {max} minor units either side"
              + " of zero");
  public static final ErrorCode BAD_RATIOS =
      new ErrorCode(
          "money.bad-ratios",
          ErrorKind.INVALID,
          "ratios must be at least one, none negative and not all zero: {ratios}");

  private MoneyErrors() {}
}
