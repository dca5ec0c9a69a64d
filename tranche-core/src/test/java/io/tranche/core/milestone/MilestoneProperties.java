package io.tranche.core.milestone;

import static org.assertj.core.api.Assertions.assertThat;

import io.tranche.core.error.DomainException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

class MilestoneProperties {

  /** Which states can follow which, read off DESIGN.md; self-moves are dispute open/resolve. */
  private static final java.util.Map<MilestoneState, Set<MilestoneState>> ALLOWED =
      java.util.Map.of(
          MilestoneState.PLANNED, EnumSet.of(MilestoneState.IN_PROGRESS, MilestoneState.INVOICED),
          MilestoneState.IN_PROGRESS, EnumSet.of(MilestoneState.SUBMITTED, MilestoneState.INVOICED),
          MilestoneState.SUBMITTED,
              EnumSet.of(
                  MilestoneState.CHANGES_REQUESTED,
                  MilestoneState.ACCEPTED,
                  MilestoneState.INVOICED),
          MilestoneState.CHANGES_REQUESTED,
              EnumSet.of(MilestoneState.SUBMITTED, MilestoneState.INVOICED),
          MilestoneState.ACCEPTED, EnumSet.of(MilestoneState.INVOICED),
          MilestoneState.INVOICED, EnumSet.of(MilestoneState.PAID),
          MilestoneState.PAID, EnumSet.of(MilestoneState.RELEASED),
          MilestoneState.RELEASED, EnumSet.noneOf(MilestoneState.class));

  @Property(tries = 2000)
  void randomCommandsOnlyFollowTheDesignedEdgesOrFailWithACode(
      @ForAll PaymentTrigger trigger, @ForAll @Size(max = 40) List<MilestoneAction> actions) {
    Milestone current = Milestones.planned(trigger);
    for (MilestoneAction action : actions) {
      Milestone before = current;
      try {
        Changed<Milestone, MilestoneTransitioned> changed = current.apply(action, Milestones.T0);
        current = changed.next();
        assertThat(before.disputed()).isEqualTo(action == MilestoneAction.RESOLVE_DISPUTE);
        if (action == MilestoneAction.OPEN_DISPUTE || action == MilestoneAction.RESOLVE_DISPUTE) {
          assertThat(current.state()).isEqualTo(before.state());
        } else {
          assertThat(ALLOWED.get(before.state())).contains(current.state());
        }
        assertThat(changed.event().from()).isEqualTo(before.state());
        assertThat(changed.event().to()).isEqualTo(current.state());
      } catch (DomainException refused) {
        assertThat(refused.code())
            .isIn(
                MilestoneErrors.ILLEGAL_TRANSITION,
                MilestoneErrors.DISPUTED,
                MilestoneErrors.NOTHING_TO_DISPUTE,
                MilestoneErrors.NOT_DISPUTED);
        if (refused.code() == MilestoneErrors.NOTHING_TO_DISPUTE) {
          assertThat(before.state()).isIn(MilestoneState.PLANNED, MilestoneState.RELEASED);
        }
        assertThat(refused.args()).containsEntry("state", before.state().name());
      }
      assertThat(current.state()).isNotNull();
      assertThat(current.id()).isEqualTo(before.id());
      assertThat(current.amount()).isEqualTo(before.amount());
    }
  }

  @Property
  void theMachineNeverLeavesReleased(
      @ForAll MilestoneAction action, @ForAll PaymentTrigger trigger) {
    assertThat(MilestoneMachine.next(MilestoneState.RELEASED, action, trigger)).isEmpty();
  }
}
