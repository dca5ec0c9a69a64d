package io.tranche.core.milestone;

import static io.tranche.core.DomainAssertions.assertCode;
import static org.assertj.core.api.Assertions.assertThat;

import io.tranche.core.money.Money;
import io.tranche.core.project.ProjectId;
import io.tranche.core.workspace.WorkspaceId;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class SignedPlanTest {
  private static final WorkspaceId W = WorkspaceId.random();
  private static final ProjectId P = ProjectId.random();

  private static Milestone at(int position, String amount, PaymentTrigger trigger) {
    return Milestone.planned(W, P, position, "Part " + position, eur(amount), trigger);
  }

  private static Money eur(String amount) {
    return Money.parse(amount, "EUR");
  }

  private static PaymentPlan plan(String total, PlannedMilestone... parts) {
    return new PaymentPlan(eur(total), List.of(parts));
  }

  private static PlannedMilestone part(String name, String amount, PaymentTrigger trigger) {
    return new PlannedMilestone(name, eur(amount), trigger);
  }

  @Test
  void theSignedAmountsReplaceADraftPlanEvenWhenWorkStarted() {
    // broken promise 2: started before signature, signed for 600.00, deposit 300.00
    Milestone deposit =
        Milestones.walk(at(1, "100.00", PaymentTrigger.CONTRACT_SIGNED), MilestoneAction.START);
    Milestone rest = at(2, "200.00", PaymentTrigger.FINAL_DEMO);
    SignedPlan.Applied applied =
        SignedPlan.apply(
            List.of(deposit, rest),
            plan(
                "600.00",
                part("Deposit", "300.00", PaymentTrigger.CONTRACT_SIGNED),
                part("Final", "300.00", PaymentTrigger.FINAL_DEMO)));
    assertThat(applied.kept())
        .extracting(m -> m.amount().toDecimalString())
        .containsExactly("300.00", "300.00");
    assertThat(applied.kept().get(0).state()).isEqualTo(MilestoneState.IN_PROGRESS);
    assertThat(applied.kept().get(0).id()).isEqualTo(deposit.id());
    assertThat(applied.kept()).extracting(Milestone::name).containsExactly("Deposit", "Final");
  }

  @Test
  void addsNewPartsAndDropsUntouchedOnes() {
    List<Milestone> current =
        List.of(
            at(1, "100.00", PaymentTrigger.ACCEPTANCE), at(2, "100.00", PaymentTrigger.ACCEPTANCE));
    SignedPlan.Applied shorter =
        SignedPlan.apply(current, plan("200.00", part("All", "200.00", PaymentTrigger.ACCEPTANCE)));
    assertThat(shorter.removed()).containsExactly(current.get(1));
    SignedPlan.Applied longer =
        SignedPlan.apply(
            current,
            plan(
                "300.00",
                part("A", "100.00", PaymentTrigger.ACCEPTANCE),
                part("B", "100.00", PaymentTrigger.ACCEPTANCE),
                part("Change order", "100.00", PaymentTrigger.ACCEPTANCE)));
    assertThat(longer.added()).extracting(PlannedMilestone::name).containsExactly("Change order");
  }

  @Test
  void refusesToRewriteMoneyAlreadyAskedFor() {
    Milestone invoiced =
        Milestones.walk(at(1, "100.00", PaymentTrigger.CONTRACT_SIGNED), MilestoneAction.INVOICE);
    assertCode(
        () ->
            SignedPlan.apply(
                List.of(invoiced),
                plan("5000.00", part("Deposit", "5000.00", PaymentTrigger.CONTRACT_SIGNED))),
        "plan.rewrites-invoiced");
    // the same amount under a new name is fine
    assertThat(
            SignedPlan.apply(
                    List.of(invoiced),
                    plan("100.00", part("Advance", "100.00", PaymentTrigger.CONTRACT_SIGNED)))
                .kept()
                .get(0)
                .name())
        .isEqualTo("Advance");
  }

  @Test
  void refusesToDropStartedWork() {
    Milestone started =
        Milestones.walk(at(2, "100.00", PaymentTrigger.ACCEPTANCE), MilestoneAction.START);
    assertCode(
        () ->
            SignedPlan.apply(
                List.of(at(1, "100.00", PaymentTrigger.ACCEPTANCE), started),
                plan("200.00", part("All", "200.00", PaymentTrigger.ACCEPTANCE))),
        "plan.drops-started");
  }

  @Property(tries = 500)
  void afterApplyingThePlanIsTheMilestonesAndNoInvoicedAmountChanged(
      @ForAll @IntRange(min = 1, max = 6) int before,
      @ForAll @IntRange(min = 1, max = 6) int after,
      @ForAll @IntRange(min = 0, max = 6) int invoicedCount,
      @ForAll @IntRange(min = 1, max = 900) int unit) {
    List<Milestone> current = new ArrayList<>();
    for (int i = 1; i <= before; i++) {
      Milestone m = at(i, "100.00", PaymentTrigger.CONTRACT_SIGNED);
      current.add(i <= invoicedCount ? Milestones.walk(m, MilestoneAction.INVOICE) : m);
    }
    List<PlannedMilestone> parts = new ArrayList<>();
    for (int i = 1; i <= after; i++) {
      parts.add(
          part(
              "P" + i,
              i <= invoicedCount ? "100.00" : unit + ".00",
              PaymentTrigger.CONTRACT_SIGNED));
    }
    Money total = parts.stream().map(PlannedMilestone::amount).reduce(Money::plus).orElseThrow();
    PaymentPlan plan = new PaymentPlan(total, parts);
    boolean dropsInvoiced = after < Math.min(before, invoicedCount);
    try {
      SignedPlan.Applied applied = SignedPlan.apply(current, plan);
      assertThat(dropsInvoiced).isFalse();
      List<Money> amounts = new ArrayList<>();
      applied.kept().forEach(m -> amounts.add(m.amount()));
      applied.added().forEach(p -> amounts.add(p.amount()));
      assertThat(amounts).isEqualTo(parts.stream().map(PlannedMilestone::amount).toList());
      for (int i = 0; i < applied.kept().size(); i++) {
        assertThat(applied.kept().get(i).state()).isEqualTo(current.get(i).state());
      }
    } catch (io.tranche.core.error.DomainException e) {
      assertThat(dropsInvoiced).isTrue();
      assertThat(e.code().slug()).isEqualTo("plan.drops-started");
    }
  }
}
