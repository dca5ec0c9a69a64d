package io.tranche.app.account.internal;

import io.tranche.app.account.SetupService;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On a start with no workspace, prints a one-time link that creates the first owner. It goes to the
 * console only, not to the log: the link is a secret.
 */
@Component
class SetupAnnouncer {
  private final SetupService setup;

  SetupAnnouncer(SetupService setup) {
    this.setup = setup;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(20)
  void announce() {
    setup
        .issueLinkIfNoWorkspace()
        .ifPresent(
            link ->
                System.out.println(
                    """

                    No workspace exists yet. Create the first owner with this one-time link:
                      %s
                    """
                        .formatted(link)));
  }
}
