package io.tranche.core.project;

import static org.assertj.core.api.Assertions.assertThat;

import io.tranche.core.milestone.Milestone;
import io.tranche.core.milestone.MilestoneAction;
import io.tranche.core.milestone.PaymentPlan;
import io.tranche.core.milestone.PlannedMilestone;
import io.tranche.core.money.Money;
import io.tranche.core.workspace.WorkspaceId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimelineTest {
  static final Instant T = Instant.parse("2026-11-26T00:00:00Z");

  static List<Milestone> plan() {
    List<Milestone> ms = new ArrayList<>();
    int i = 1;
    for (PlannedMilestone p : PaymentPlan.thirds(Money.parse("3000.00", "EUR")).milestones()) {
      ms.add(
          Milestone.planned(
              WorkspaceId.random(), ProjectId.random(), i++, p.name(), p.amount(), p.trigger()));
    }
    return ms;
  }

  @Test
  void startsAtRequirementsForANewProject() {
    Timeline.View view =
        Timeline.of(new Timeline.Facts(false, false, false, false, plan(), java.util.List.of()));
    assertThat(view.steps().get(0).status()).isEqualTo(Timeline.Status.CURRENT);
    assertThat(view.steps().get(1).status()).isEqualTo(Timeline.Status.UPCOMING);
    assertThat(view.owedNow()).isEmpty();
    assertThat(view.next().orElseThrow().milestone()).isEqualTo("Deposit");
  }

  @Test
  void aSignedOffProjectIsInItsModificationWindow() {
    List<Milestone> ms = plan();
    Timeline.View view =
        Timeline.of(new Timeline.Facts(true, true, true, true, ms, java.util.List.of()));
    assertThat(view.steps().get(9).status()).isEqualTo(Timeline.Status.DONE);
  }

  @Test
  void showsTheInvoicedDepositAsOwedAfterTheContract() {
    List<Milestone> ms = plan();
    ms.set(0, ms.get(0).apply(MilestoneAction.INVOICE, T).next());
    // what is owed comes from the open invoices, whatever the milestones say
    Timeline.Owed deposit =
        new Timeline.Owed(
            "2026-0001", "Deposit", Money.parse("1000.00", "EUR"), java.time.LocalDate.now());
    Timeline.View view =
        Timeline.of(new Timeline.Facts(true, false, true, false, ms, java.util.List.of(deposit)));
    assertThat(view.steps())
        .extracting(Timeline.Step::status)
        .startsWith(
            Timeline.Status.DONE,
            Timeline.Status.DONE,
            Timeline.Status.DONE,
            Timeline.Status.DONE,
            Timeline.Status.CURRENT,
            Timeline.Status.UPCOMING);
    assertThat(view.owedNow())
        .extracting(Timeline.Owed::open)
        .containsExactly(Money.parse("1000.00", "EUR"));
    assertThat(view.next().orElseThrow().milestone()).isEqualTo("Prototype");
  }
}
