package io.tranche.core.payment;

import static io.tranche.core.DomainAssertions.assertCode;
import static org.assertj.core.api.Assertions.assertThat;

import io.tranche.core.money.Money;
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
  void onlyAReportedTransferCanBeSaidNeverToHaveArrivedAndThatIsFinal() {
    assertThat(PaymentStatus.REPORTED.require(PaymentStatus.NOT_RECEIVED))
        .isEqualTo(PaymentStatus.NOT_RECEIVED);
    assertThat(PaymentStatus.NOT_RECEIVED.counts()).isFalse();
    for (PaymentStatus s : PaymentStatus.values()) {
      if (s != PaymentStatus.REPORTED) {
        assertCode(() -> s.require(PaymentStatus.NOT_RECEIVED), "payment.illegal-transition");
      }
      assertCode(() -> PaymentStatus.NOT_RECEIVED.require(s), "payment.illegal-transition");
    }
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

  @Test
  void onlyConfirmedMoneyGoesBackAndAllOfItMakesItRefunded() {
    Money amount = Money.of(10_000, "EUR");
    assertThat(PaymentStatus.CONFIRMED.afterRefunds(amount, Money.of(3_000, "EUR")))
        .isEqualTo(PaymentStatus.CONFIRMED);
    assertThat(PaymentStatus.CONFIRMED.afterRefunds(amount, amount))
        .isEqualTo(PaymentStatus.REFUNDED);
    assertCode(
        () -> PaymentStatus.CONFIRMED.afterRefunds(amount, Money.of(10_001, "EUR")),
        "payment.refund-too-large");
    assertCode(
        () -> PaymentStatus.CONFIRMED.afterRefunds(amount, Money.of(100, "USD")),
        "payment.refund-too-large");
    for (PaymentStatus s : PaymentStatus.values()) {
      if (s != PaymentStatus.CONFIRMED) {
        assertCode(() -> s.afterRefunds(amount, amount), "payment.illegal-transition");
      }
    }
    assertThat(PaymentStatus.REFUNDED.counts()).isFalse();
  }

  @Property(tries = 200)
  void everyAllowedMoveEndsInAFinalOutcome(@ForAll PaymentStatus from, @ForAll PaymentStatus to) {
    try {
      PaymentStatus next = from.require(to);
      if (to == PaymentStatus.REFUNDED) {
        assertThat(from).isEqualTo(PaymentStatus.CONFIRMED);
      } else {
        assertThat(next)
            .isIn(PaymentStatus.CONFIRMED, PaymentStatus.FAILED, PaymentStatus.NOT_RECEIVED);
        assertThat(from).isIn(PaymentStatus.REPORTED, PaymentStatus.UNKNOWN);
      }
    } catch (io.tranche.core.error.DomainException e) {
      assertThat(e.code().slug()).isEqualTo("payment.illegal-transition");
    }
  }
}
