package io.tranche.core.dunning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tranche.core.error.DomainException;
import io.tranche.core.money.Money;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DunningScheduleTest {
  private static final LocalDate DUE = LocalDate.of(2026, 12, 14);

  private static List<Integer> numbers(List<DunningSchedule.Step> steps) {
    return steps.stream().map(DunningSchedule.Step::number).toList();
  }

  @Test
  void theDefaultPlanRemindsOnDays10_20And30AndStopsWorkWithTheDemandLetterAtTheLast() {
    DunningPlan plan = DunningPlan.DEFAULT;
    assertThat(DunningSchedule.due(plan, DUE, DUE.plusDays(9), Set.of())).isEmpty();
    assertThat(numbers(DunningSchedule.due(plan, DUE, DUE.plusDays(10), Set.of())))
        .containsExactly(1);
    assertThat(numbers(DunningSchedule.due(plan, DUE, DUE.plusDays(20), Set.of(1))))
        .containsExactly(2);
    List<DunningSchedule.Step> last =
        DunningSchedule.due(plan, DUE, DUE.plusDays(30), Set.of(1, 2));
    assertThat(last)
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.number()).isEqualTo(3);
              assertThat(s.on()).isEqualTo(DUE.plusDays(30));
              assertThat(s.stopWork()).isTrue();
              assertThat(s.demandLetter()).isTrue();
              assertThat(s.lateFee()).isFalse();
            });
    assertThat(DunningSchedule.due(plan, DUE, DUE.plusDays(400), Set.of(1, 2, 3))).isEmpty();
  }

  @Test
  void stepsMissedWhileTheServerWasOffAreTakenOnceEachInOrder() {
    assertThat(numbers(DunningSchedule.due(DunningPlan.DEFAULT, DUE, DUE.plusDays(25), Set.of())))
        .containsExactly(1, 2);
    assertThat(numbers(DunningSchedule.due(DunningPlan.DEFAULT, DUE, DUE.plusDays(25), Set.of(1))))
        .containsExactly(2);
  }

  @Test
  void aFriendlyReminderComesBeforeTheDueDateAndIsDroppedWhenItsDayPassedUnsent() {
    DunningPlan plan =
        new DunningPlan(3, DunningPlan.DEFAULT.stages(), 2, new LateFee.Percent(200), 1);
    assertThat(DunningSchedule.due(plan, DUE, DUE.minusDays(4), Set.of())).isEmpty();
    assertThat(DunningSchedule.due(plan, DUE, DUE.minusDays(3), Set.of()))
        .singleElement()
        .satisfies(s -> assertThat(s.preDue()).isTrue());
    assertThat(DunningSchedule.due(plan, DUE, DUE.minusDays(1), Set.of(0))).isEmpty();
    List<DunningSchedule.Step> late = DunningSchedule.due(plan, DUE, DUE.plusDays(10), Set.of());
    assertThat(numbers(late)).containsExactly(1);
    assertThat(late.get(0).lateFee()).isTrue();
    assertThat(late.get(0).stopWork()).isFalse();
    assertThat(DunningSchedule.due(plan, DUE, DUE.plusDays(20), Set.of(1)).get(0).stopWork())
        .isTrue();
  }

  @Test
  void lateFeesAreFixedAPercentageOrTheEuStatutoryRule() {
    Money open = Money.parse("1000.00", "EUR");
    assertThat(new LateFee.Fixed(25_00).on(open, 10)).isEqualTo(Money.parse("25.00", "EUR"));
    assertThat(new LateFee.Percent(250).on(Money.parse("99.99", "EUR"), 10))
        .isEqualTo(Money.parse("2.50", "EUR"));
    // 4.5 % reference rate + 8 points = 12.5 % a year; 30 days: 1000 x 0.125 x 30 / 365 = 10.27
    assertThat(new LateFee.EuStatutory(450).on(open, 30)).isEqualTo(Money.parse("50.27", "EUR"));
    assertThat(new LateFee.None().on(open, 30)).isEqualTo(Money.zero(open.currency()));
    assertThat(new LateFee.Percent(250).describe()).isEqualTo("2.5 % of what is open");
  }

  @Test
  void aPlanRefusesStagesOutOfOrderAndStagesItDoesNotHave() {
    assertThatThrownBy(
            () ->
                new DunningPlan(
                    0,
                    List.of(DunningStage.of(20, ""), DunningStage.of(10, "")),
                    0,
                    new LateFee.None(),
                    0))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> {
              assertThat(e.field()).isEqualTo("stages[1].day");
              assertThat(e.getMessage()).contains("day 10 follows day 20");
            });
    assertThatThrownBy(
            () -> new DunningPlan(0, DunningPlan.DEFAULT.stages(), 5, new LateFee.None(), 0))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.field()).isEqualTo("stopWorkStage"));
    assertThatThrownBy(() -> new DunningPlan(0, List.of(), 0, new LateFee.None(), 0))
        .isInstanceOf(DomainException.class);
    assertThatThrownBy(() -> DunningStage.of(0, ""))
        .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("day"));
  }

  @Test
  void aPlanReportsEveryWrongFieldAtOnce() {
    assertThatThrownBy(
            () ->
                new DunningPlan(
                    40,
                    List.of(
                        DunningStage.of(20, ""), DunningStage.of(10, ""), DunningStage.of(5, "")),
                    7,
                    new LateFee.Percent(200),
                    9))
        .isInstanceOfSatisfying(
            io.tranche.core.error.FieldChecks.InvalidFields.class,
            e ->
                assertThat(e.refusals())
                    .extracting(DomainException::field)
                    .containsExactly(
                        "preDueDays",
                        "stages[1].day",
                        "stages[2].day",
                        "stopWorkStage",
                        "lateFeeStage"));
  }

  @Test
  void theContractsPlanWinsOverTheClientsOverTheWorkspaces() {
    DunningPlan a = new DunningPlan(0, List.of(DunningStage.of(5, "")), 0, new LateFee.None(), 0);
    DunningPlan b = new DunningPlan(0, List.of(DunningStage.of(7, "")), 0, new LateFee.None(), 0);
    assertThat(DunningPlan.resolve(a, b, null)).isSameAs(a);
    assertThat(DunningPlan.resolve(null, b, a)).isSameAs(b);
    assertThat(DunningPlan.resolve(null, null, a)).isSameAs(a);
    assertThat(DunningPlan.resolve(null, null, null)).isSameAs(DunningPlan.DEFAULT);
  }
}
