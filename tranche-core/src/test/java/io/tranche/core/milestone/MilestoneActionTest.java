package io.tranche.core.milestone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MilestoneActionTest {

  @Test
  void membersStartSubmitAndDisputeEveryOtherMoveFollowsAFact() {
    assertThat(Arrays.stream(MilestoneAction.values()).filter(MilestoneAction::byMember))
        .containsExactlyInAnyOrder(
            MilestoneAction.START,
            MilestoneAction.SUBMIT,
            MilestoneAction.OPEN_DISPUTE,
            MilestoneAction.RESOLVE_DISPUTE);
  }

  @Test
  void aRefusedMoveSaysWhatToDoInstead() {
    assertThat(MilestoneAction.RECORD_PAYMENT.instead()).contains("record the payment");
    assertThat(MilestoneAction.RELEASE.instead()).contains("/release");
    assertThat(MilestoneAction.ACCEPT.instead()).contains("client");
  }
}
