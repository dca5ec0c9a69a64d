package io.tranche.core.payment;

import io.tranche.core.error.DomainException;
import io.tranche.core.error.ErrorCode;
import io.tranche.core.error.ErrorKind;
import io.tranche.core.money.Money;
import java.util.Map;
import java.util.Optional;

/**
 * Where a payment stands. Only CONFIRMED money counts (is posted, settles invoices, has a receipt):
 * a client's REPORTED transfer waits for a member's confirmation, or is NOT_RECEIVED when the
 * member says it never arrived (it counts for nothing, and stays on record); a provider's payment
 * of UNKNOWN outcome waits for the provider, and ends CONFIRMED or FAILED. Confirmed money the
 * provider gave back in full is REFUNDED (a partial refund leaves it CONFIRMED, with the refunded
 * part recorded).
 */
public enum PaymentStatus {
  REPORTED,
  NOT_RECEIVED,
  UNKNOWN,
  CONFIRMED,
  FAILED,
  REFUNDED;

  public static final ErrorCode ILLEGAL_MOVE =
      new ErrorCode(
          "payment.illegal-transition",
          ErrorKind.CONFLICT,
          "a payment that is {status} cannot become {to}");

  public static final ErrorCode REFUND_TOO_LARGE =
      new ErrorCode(
          "payment.refund-too-large",
          ErrorKind.CONFLICT,
          "refunds of {refunded} do not fit a payment of {amount}");

  /** Whether this is money that arrived: posted, settling, with a receipt. */
  public boolean counts() {
    return this == CONFIRMED;
  }

  /** The status a confirmation leads to (a member's, or the provider's), if allowed. */
  public Optional<PaymentStatus> confirmed() {
    return this == REPORTED || this == UNKNOWN ? Optional.of(CONFIRMED) : Optional.empty();
  }

  /**
   * The status a member's "it never arrived" leads to, if allowed: only for a reported transfer.
   */
  public Optional<PaymentStatus> notReceived() {
    return this == REPORTED ? Optional.of(NOT_RECEIVED) : Optional.empty();
  }

  /** The status a provider's failure leads to, if allowed. */
  public Optional<PaymentStatus> failed() {
    return this == UNKNOWN ? Optional.of(FAILED) : Optional.empty();
  }

  /** The status a refund leads to, if allowed: only confirmed money can go back. */
  public Optional<PaymentStatus> refunded() {
    return this == CONFIRMED ? Optional.of(REFUNDED) : Optional.empty();
  }

  /**
   * The status once refunds of this payment of {@code amount} total {@code refundedTotal}: REFUNDED
   * when all of it went back, still CONFIRMED for a part. Refused unless the payment is confirmed
   * and the refunds fit it.
   */
  public PaymentStatus afterRefunds(Money amount, Money refundedTotal) {
    require(REFUNDED);
    if (!refundedTotal.currency().equals(amount.currency())
        || refundedTotal.amountMinor() <= 0
        || refundedTotal.compareTo(amount) > 0) {
      throw new DomainException(
          REFUND_TOO_LARGE,
          Map.of("refunded", refundedTotal.toString(), "amount", amount.toString()));
    }
    return refundedTotal.compareTo(amount) == 0 ? REFUNDED : CONFIRMED;
  }

  /** Refuses a move to {@code to} that is not one of the allowed moves from here. */
  public PaymentStatus require(PaymentStatus to) {
    Optional<PaymentStatus> allowed =
        switch (to) {
          case CONFIRMED -> confirmed();
          case FAILED -> failed();
          case NOT_RECEIVED -> notReceived();
          case REFUNDED -> refunded();
          default -> Optional.empty();
        };
    return allowed.orElseThrow(
        () -> new DomainException(ILLEGAL_MOVE, Map.of("status", name(), "to", to.name())));
  }
}
