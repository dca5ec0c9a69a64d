package io.tranche.core.payment;

import io.tranche.core.error.DomainException;
import io.tranche.core.error.ErrorCode;
import io.tranche.core.error.ErrorKind;
import java.util.Map;
import java.util.Optional;

/**
 * Where a payment stands. Only CONFIRMED money counts (is posted, settles invoices, has a receipt):
 * a client's REPORTED transfer waits for a member's confirmation; a provider's payment of UNKNOWN
 * outcome waits for the provider, and ends CONFIRMED or FAILED.
 */
public enum PaymentStatus {
  REPORTED,
  UNKNOWN,
  CONFIRMED,
  FAILED;

  public static final ErrorCode ILLEGAL_MOVE =
      new ErrorCode(
          "payment.illegal-transition",
          ErrorKind.CONFLICT,
          "a payment that is {status} cannot become {to}");

  /** Whether this is money that arrived: posted, settling, with a receipt. */
  public boolean counts() {
    return this == CONFIRMED;
  }

  /** The status a confirmation leads to (a member's, or the provider's), if allowed. */
  public Optional<PaymentStatus> confirmed() {
    return this == REPORTED || this == UNKNOWN ? Optional.of(CONFIRMED) : Optional.empty();
  }

  /** The status a provider's failure leads to, if allowed. */
  public Optional<PaymentStatus> failed() {
    return this == UNKNOWN ? Optional.of(FAILED) : Optional.empty();
  }

  /** Refuses a move to {@code to} that is not one of the allowed moves from here. */
  public PaymentStatus require(PaymentStatus to) {
    Optional<PaymentStatus> allowed =
        to == CONFIRMED ? confirmed() : to == FAILED ? failed() : Optional.empty();
    return allowed.orElseThrow(
        () -> new DomainException(ILLEGAL_MOVE, Map.of("status", name(), "to", to.name())));
  }
}
