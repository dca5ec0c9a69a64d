package io.tranche.app.payment.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import io.tranche.app.platform.Jobs;
import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/** Forgets provider event ids after 35 days (Stripe retries for up to 3 days; we keep 30+). */
@Component
class ProviderEventCleanup {
  static final Duration KEEP = Duration.ofDays(35);

  private final ProviderEventRepository events;
  private final Clock clock;

  ProviderEventCleanup(ProviderEventRepository events, Clock clock) {
    this.events = events;
    this.clock = clock;
  }

  @Bean
  RecurringTask<Void> providerEventCleanupJob() {
    return Jobs.cron("provider-event-cleanup", "0 17 4 * * *", this::forgetOld);
  }

  void forgetOld() {
    events.forgetBefore(clock.instant().minus(KEEP));
  }
}
