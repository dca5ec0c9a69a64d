package io.tranche.app.platform.internal;

import io.tranche.app.platform.BaseUrl;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Prints where the server can be reached, once it is ready. */
@Component
class StartupBanner {
  private final BaseUrl baseUrl;

  StartupBanner(BaseUrl baseUrl) {
    this.baseUrl = baseUrl;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(0)
  void ready() {
    System.out.println("\nTranche is running at " + baseUrl.get() + "/\n");
  }
}
