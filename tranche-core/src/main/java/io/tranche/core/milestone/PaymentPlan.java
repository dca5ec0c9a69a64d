package io.tranche.core.milestone;

import io.tranche.core.error.DomainException;
import io.tranche.core.error.Validation;
import io.tranche.core.money.Money;
import io.tranche.core.money.MoneyErrors;
import java.util.List;
import java.util.Map;

/**
 * How a project's total price is paid: milestones whose amounts sum exactly to the total, all in
 * the total's currency.
 */
public record PaymentPlan(Money total, List<PlannedMilestone> milestones) {
  public static final int MAX_MILESTONES = 50;

  public PaymentPlan {
    Validation.required("total", total);
    if (total.isNegative()) {
      throw DomainException.field(
          MoneyErrors.NEGATIVE, "total", Map.of("value", total.toDecimalString()));
    }
    milestones = List.copyOf(Validation.required("milestones", milestones));
    if (milestones.isEmpty()) {
      throw DomainException.field(MilestoneErrors.PLAN_EMPTY, "milestones", Map.of());
    }
    if (milestones.size() > MAX_MILESTONES) {
      throw DomainException.field(
          MilestoneErrors.PLAN_TOO_LARGE, "milestones", Map.of("max", MAX_MILESTONES));
    }
    Money sum = Money.zero(total.currency());
    for (int i = 0; i < milestones.size(); i++) {
      Money amount = milestones.get(i).amount();
      if (!amount.currency().equals(total.currency())) {
        throw DomainException.field(
            MoneyErrors.CURRENCY_MISMATCH,
            "milestones[" + i + "].amount",
            Map.of(
                "left", total.currency().getCurrencyCode(),
                "right", amount.currency().getCurrencyCode()));
      }
      sum = sum.plus(amount);
    }
    if (!sum.equals(total)) {
      throw DomainException.field(
          MilestoneErrors.PLAN_SUM_MISMATCH,
          "milestones",
          Map.of("sum", sum.toString(), "total", total.toString()));
    }
  }

  /**
   * The default fixed-price plan: a third at signature (deposit), a third at prototype acceptance,
   * a third at the final demo, before release; remainders go to the earliest parts.
   */
  public static PaymentPlan thirds(Money total) {
    List<Money> parts = total.allocate(1, 1, 1);
    return new PaymentPlan(
        total,
        List.of(
            new PlannedMilestone("Deposit", parts.get(0), PaymentTrigger.CONTRACT_SIGNED),
            new PlannedMilestone("Prototype", parts.get(1), PaymentTrigger.ACCEPTANCE),
            new PlannedMilestone("Final delivery", parts.get(2), PaymentTrigger.FINAL_DEMO)));
  }
}
