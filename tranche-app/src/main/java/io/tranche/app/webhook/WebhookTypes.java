package io.tranche.app.webhook;

import java.util.List;

/** The events an endpoint can subscribe to, by their names in payloads and the API. */
public final class WebhookTypes {
  public static final List<String> ALL =
      List.of(
          "invoice.issued",
          "invoice.overdue",
          "reminder.sent",
          "payment.received",
          "milestone.accepted",
          "milestone.released",
          "project.stop_work",
          "project.resumed");

  private WebhookTypes() {}
}
