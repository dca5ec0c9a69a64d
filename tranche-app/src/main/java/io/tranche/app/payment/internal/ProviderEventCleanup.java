package io.tranche.app.payment.internal;

import java.time.Clock;
import java.time.Duration;
import org.springframework.scheduling.annotation.Scheduled;
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

  @Scheduled(cron = "0 17 4 * * *")
  void forgetOld() {
    events.forgetBefore(clock.instant().minus(KEEP));
  }
}
