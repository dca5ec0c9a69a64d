package io.tranche.core.payment;

import static io.tranche.core.DomainAssertions.assertCode;
import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class PaymentStatusTest {
  @Test
  void onlyConfirmedMoneyCounts() {
    for (PaymentStatus s : PaymentStatus.values()) {
      assertThat(s.counts()).isEqualTo(s == PaymentStatus.CONFIRMED);
    }
  }

  @Test
  void aReportedTransferIsConfirmedByAMemberAndNeverFails() {
    assertThat(PaymentStatus.REPORTED.require(PaymentStatus.CONFIRMED))
        .isEqualTo(PaymentStatus.CONFIRMED);
    assertCode(
        () -> PaymentStatus.REPORTED.require(PaymentStatus.FAILED), "payment.illegal-transition");
  }

  @Test
  void aSettledOutcomeDoesNotChange() {
    assertCode(
        () -> PaymentStatus.CONFIRMED.require(PaymentStatus.FAILED), "payment.illegal-transition");
    assertCode(
        () -> PaymentStatus.FAILED.require(PaymentStatus.CONFIRMED), "payment.illegal-transition");
    assertCode(
        () -> PaymentStatus.CONFIRMED.require(PaymentStatus.CONFIRMED),
        "payment.illegal-transition");
  }

  @Property(tries = 200)
  void everyAllowedMoveEndsInAFinalOutcome(@ForAll PaymentStatus from, @ForAll PaymentStatus to) {
    try {
      PaymentStatus next = from.require(to);
      assertThat(next).isIn(PaymentStatus.CONFIRMED, PaymentStatus.FAILED);
      assertThat(from).isIn(PaymentStatus.REPORTED, PaymentStatus.UNKNOWN);
    } catch (io.tranche.core.error.DomainException e) {
      assertThat(e.code().slug()).isEqualTo("payment.illegal-transition");
    }
  }
}
