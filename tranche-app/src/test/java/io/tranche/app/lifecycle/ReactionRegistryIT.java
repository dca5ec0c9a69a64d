package io.tranche.app.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.tranche.app.support.Fixtures.World;
import io.tranche.app.support.FlakyReaction;
import io.tranche.app.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.events.IncompleteEventPublications;

/**
 * Reactions run after their action commits through Spring Modulith's JDBC event publication
 * registry: one that did not complete stays on record and runs again when resubmitted (as at
 * start), while the reactions that did complete leave nothing behind.
 */
class ReactionRegistryIT extends IntegrationTest {
  @Autowired FlakyReaction flaky;
  @Autowired IncompleteEventPublications incomplete;

  private long outstanding(String listener) {
    return jdbc.sql(
            "select count(*) from event_publication where completion_date is null"
                + " and listener_id like ?")
        .param("%" + listener + "%")
        .query(Long.class)
        .single();
  }

  @Test
  void aReactionInterruptedAfterTheCommitRunsAgainFromTheRegistry() {
    World world = fixtures.world("registry");
    flaky.arm(world.project().id());
    fixtures.signedContract(world);

    // the action committed and its other reactions ran: the deposit is invoiced
    assertThat(
            fixtures
                .invoices()
                .invoices(
                    world.owner(), world.project().id(), new io.tranche.app.platform.Paging(0, 10))
                .items())
        .hasSize(1);
    assertThat(flaky.runs()).isEqualTo(1);
    assertThat(outstanding("FlakyReaction")).as("the failed reaction is on record").isEqualTo(1);
    assertThat(outstanding("InvoiceTriggers")).as("completed reactions leave nothing").isZero();

    incomplete.resubmitIncompletePublications(publication -> true);
    assertThat(flaky.runs()).isEqualTo(2);
    assertThat(outstanding("FlakyReaction")).isZero();
  }
}
