package io.tranche.core.milestone;

import static io.tranche.core.DomainAssertions.assertCode;
import static org.assertj.core.api.Assertions.assertThat;

import io.tranche.core.money.Money;
import java.util.List;
import org.junit.jupiter.api.Test;

class PaymentPlanTest {

  @Test
  void defaultPlanIsThreeThirdsSummingToTheTotal() {
    PaymentPlan plan = PaymentPlan.thirds(Money.parse("1000.00", "EUR"));
    assertThat(plan.milestones())
        .extracting(PlannedMilestone::amount)
        .containsExactly(Money.of(33334, "EUR"), Money.of(33333, "EUR"), Money.of(33333, "EUR"));
    assertThat(plan.milestones())
        .extracting(PlannedMilestone::trigger)
        .containsExactly(
            PaymentTrigger.CONTRACT_SIGNED, PaymentTrigger.ACCEPTANCE, PaymentTrigger.FINAL_DEMO);
  }

  @Test
  void refusesMilestonesThatDoNotSumToTheTotal() {
    assertCode(
        () ->
            new PaymentPlan(
                Money.of(100, "EUR"),
                List.of(new PlannedMilestone("a", Money.of(99, "EUR"), PaymentTrigger.ACCEPTANCE))),
        "plan.sum-mismatch");
  }

  @Test
  void refusesAnEmptyPlanAndMixedCurrencies() {
    assertCode(() -> new PaymentPlan(Money.of(0, "EUR"), List.of()), "plan.empty");
    assertCode(
        () ->
            new PaymentPlan(
                Money.of(100, "EUR"),
                List.of(
                    new PlannedMilestone("a", Money.of(100, "USD"), PaymentTrigger.ACCEPTANCE))),
        "money.currency-mismatch");
  }
}
