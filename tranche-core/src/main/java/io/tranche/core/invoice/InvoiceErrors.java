package io.tranche.core.invoice;

import io.tranche.core.error.ErrorCode;
import io.tranche.core.error.ErrorKind;

/** Error codes of invoices and payments. */
public final class InvoiceErrors {
  public static final ErrorCode ILLEGAL_TRANSITION =
      new ErrorCode(
          "invoice.illegal-transition",
          ErrorKind.CONFLICT,
          "cannot {action} an invoice that is {state}");
  public static final ErrorCode NO_RECEIPT =
      new ErrorCode(
          "invoice.no-receipt",
          ErrorKind.CONFLICT,
          "a payment that is {status} has no receipt: a receipt acknowledges money that arrived");
  public static final ErrorCode NO_LINES =
      new ErrorCode("invoice.no-lines", ErrorKind.INVALID, "an invoice needs at least one line");
  public static final ErrorCode BAD_PREFIX =
      new ErrorCode(
          "invoice.bad-prefix",
          ErrorKind.INVALID,
          "an invoice number prefix has at most 20 letters, digits, '-' or '/'");

  public static final ErrorCode CONCURRENT_CHANGE =
      new ErrorCode(
          "invoice.concurrent-change",
          ErrorKind.CONFLICT,
          "the invoice changed while this request ran (now {state}); reload and try again");

  private InvoiceErrors() {}
}
