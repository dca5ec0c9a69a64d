package io.tranche.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import io.tranche.app.support.Fixtures.World;
import io.tranche.app.support.IntegrationTest;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The recurring jobs live in {@code scheduled_tasks}, where one node picks each due run, and they
 * do their work when run through the scheduler.
 */
class JobsIT extends IntegrationTest {
  @Autowired SchedulerClient scheduler;

  @Test
  void everyRecurringJobIsScheduledInTheDatabase() {
    List<String> names =
        jdbc.sql("select task_name from scheduled_tasks order by task_name")
            .query(String.class)
            .list();
    assertThat(names)
        .contains(
            "artifact-sweep",
            "evidence-checkpoints",
            "idempotency-key-expiry",
            "provider-event-cleanup");
  }

  @Test
  void theCheckpointJobSignsAWorkspacesGrownLogWhenItsTurnComes() throws Exception {
    World world = fixtures.world("jobs");
    scheduler.reschedule(TaskInstanceId.of("evidence-checkpoints", "recurring"), Instant.now());
    long deadline = System.currentTimeMillis() + 30_000;
    long checkpoints = 0;
    while (checkpoints == 0 && System.currentTimeMillis() < deadline) {
      Thread.sleep(200);
      checkpoints =
          jdbc.sql("select count(*) from evidence_checkpoint where workspace_id = ?")
              .param(world.owner().workspaceId())
              .query(Long.class)
              .single();
    }
    assertThat(checkpoints).as("signed by the scheduled job").isOne();
  }
}
