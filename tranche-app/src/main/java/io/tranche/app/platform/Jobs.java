package io.tranche.app.platform;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Duration;

/**
 * Recurring jobs that run once per due time across all nodes: db-scheduler keeps one row per job in
 * {@code scheduled_tasks}, and the node that picks it (an optimistic lock on the row) runs it. A
 * feature declares its job as a bean: {@code @Bean RecurringTask<Void> x() { return
 * Jobs.cron("name", cron, this::run); }}.
 */
public final class Jobs {
  private Jobs() {}

  /** A job on a Spring-style cron expression (seconds first), e.g. {@code 0 0 3 * * *}. */
  public static RecurringTask<Void> cron(String name, String cron, Runnable job) {
    return Tasks.recurring(name, Schedules.cron(cron)).execute((instance, context) -> job.run());
  }

  /** A job that runs again {@code interval} after each run. */
  public static RecurringTask<Void> every(String name, Duration interval, Runnable job) {
    return Tasks.recurring(name, Schedules.fixedDelay(interval))
        .execute((instance, context) -> job.run());
  }
}
