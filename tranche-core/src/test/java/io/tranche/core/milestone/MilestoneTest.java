package io.tranche.core.milestone;

import static io.tranche.core.DomainAssertions.assertCode;
import static io.tranche.core.milestone.MilestoneAction.ACCEPT;
import static io.tranche.core.milestone.MilestoneAction.INVOICE;
import static io.tranche.core.milestone.MilestoneAction.OPEN_DISPUTE;
import static io.tranche.core.milestone.MilestoneAction.RECORD_PAYMENT;
import static io.tranche.core.milestone.MilestoneAction.RELEASE;
import static io.tranche.core.milestone.MilestoneAction.REQUEST_CHANGES;
import static io.tranche.core.milestone.MilestoneAction.RESOLVE_DISPUTE;
import static io.tranche.core.milestone.MilestoneAction.START;
import static io.tranche.core.milestone.MilestoneAction.SUBMIT;
import static io.tranche.core.milestone.Milestones.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tranche.core.error.DomainException;
import io.tranche.core.money.Money;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MilestoneTest {

  @Test
  void walksTheWholeLifecycleOfAnAcceptanceMilestone() {
    Milestone released =
        Milestones.walk(
            Milestones.planned(),
            START,
            SUBMIT,
            REQUEST_CHANGES,
            SUBMIT,
            ACCEPT,
            INVOICE,
            RECORD_PAYMENT,
            RELEASE);
    assertThat(released.state()).isEqualTo(MilestoneState.RELEASED);
  }

  @Test
  void emitsAnEventNamingBothStates() {
    var changed = Milestones.planned().apply(START, T0);
    assertThat(changed.event().from()).isEqualTo(MilestoneState.PLANNED);
    assertThat(changed.event().to()).isEqualTo(MilestoneState.IN_PROGRESS);
    assertThat(changed.event().at()).isEqualTo(T0);
    assertThat(changed.event().milestoneId()).isEqualTo(changed.next().id());
  }

  @Test
  void rejectsReleaseBeforePayment() {
    Milestone accepted = Milestones.accepted();
    assertThatThrownBy(() -> accepted.apply(RELEASE, T0))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> {
              assertThat(e.code()).isEqualTo(MilestoneErrors.ILLEGAL_TRANSITION);
              assertThat(e.args())
                  .containsEntry("state", "ACCEPTED")
                  .containsEntry("action", "RELEASE");
            });
  }

  @Test
  void invoicesADepositBeforeAnyWork() {
    Milestone deposit = Milestones.planned(PaymentTrigger.CONTRACT_SIGNED);
    assertThat(deposit.apply(INVOICE, T0).next().state()).isEqualTo(MilestoneState.INVOICED);
  }

  @Test
  void refusesToInvoiceAnAcceptanceMilestoneBeforeAcceptance() {
    assertCode(() -> Milestones.submitted().apply(INVOICE, T0), "milestone.illegal-transition");
  }

  @Test
  void invoicesTheFinalPartOnceTheDemoIsAccepted() {
    Milestone fin = Milestones.walk(Milestones.planned(PaymentTrigger.FINAL_DEMO), START, SUBMIT);
    assertCode(() -> fin.apply(INVOICE, T0), "milestone.illegal-transition");
    Milestone accepted = Milestones.walk(fin, ACCEPT);
    assertThat(accepted.apply(INVOICE, T0).next().state()).isEqualTo(MilestoneState.INVOICED);
  }

  @Test
  void invoicesADepositEvenWhenWorkStartedBeforeTheContract() {
    Milestone deposit =
        Milestones.walk(Milestones.planned(PaymentTrigger.CONTRACT_SIGNED), START, SUBMIT);
    assertThat(deposit.apply(INVOICE, T0).next().state()).isEqualTo(MilestoneState.INVOICED);
  }

  @Test
  void editsOnlyBeforeSubmission() {
    Milestone edited = Milestones.planned().withDetails("Design", Money.of(5, "EUR"));
    assertThat(edited.name()).isEqualTo("Design");
    assertCode(
        () -> Milestones.submitted().withDetails("x", Money.of(1, "EUR")),
        "milestone.not-editable");
  }

  @Test
  void refusesNegativeAmountsNamingTheField() {
    assertThatThrownBy(
            () ->
                Milestone.planned(
                    Milestones.planned().workspaceId(),
                    Milestones.planned().projectId(),
                    1,
                    "x",
                    Money.of(-1, "EUR"),
                    PaymentTrigger.ACCEPTANCE))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.field()).isEqualTo("amount"));
  }

  @Test
  void aPartNotStartedOrAlreadyReleasedHasNothingToDispute() {
    io.tranche.core.DomainAssertions.assertCode(
        () -> Milestones.planned(PaymentTrigger.ACCEPTANCE).apply(OPEN_DISPUTE, T0),
        "milestone.nothing-to-dispute");
  }

  @Nested
  class WhenDisputed {
    private final Milestone disputed = Milestones.submitted().apply(OPEN_DISPUTE, T0).next();

    @Test
    void keepsItsState() {
      assertThat(disputed.state()).isEqualTo(MilestoneState.SUBMITTED);
      assertThat(disputed.disputed()).isTrue();
    }

    @Test
    void freezesEveryOtherMove() {
      for (MilestoneAction action : MilestoneAction.values()) {
        if (action != RESOLVE_DISPUTE) {
          assertCode(() -> disputed.apply(action, T0), "milestone.disputed");
        }
      }
    }

    @Test
    void resumesWhereItWasAfterResolution() {
      Milestone resolved = disputed.apply(RESOLVE_DISPUTE, T0).next();
      assertThat(resolved.disputed()).isFalse();
      assertThat(resolved.apply(ACCEPT, T0).next().state()).isEqualTo(MilestoneState.ACCEPTED);
    }
  }

  @Test
  void refusesToResolveWithoutADispute() {
    assertCode(() -> Milestones.planned().apply(RESOLVE_DISPUTE, T0), "milestone.not-disputed");
  }
}
