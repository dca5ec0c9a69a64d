package io.tranche.app.webhook;

import io.tranche.app.dunning.DunningEvent;
import io.tranche.app.invoice.InvoiceEvent;
import io.tranche.app.project.MilestoneMoved;
import io.tranche.app.webhook.internal.WebhookRepository;
import io.tranche.core.milestone.MilestoneState;
import io.tranche.core.milestone.MilestoneTransitioned;
import io.tranche.core.money.Money;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns what happened into webhook deliveries: for each of the workspace's endpoints that takes the
 * event, one row in the outbox, in the reaction's own transaction (reactions are re-published after
 * a crash, and the event id, derived from what happened, makes a second enqueue a no-op). Payload:
 * {@code {"id", "type", "created", "workspace", "data": {...}}}; amounts as {@code {"amountMinor",
 * "currency"}}.
 */
@Component
class WebhookFeed {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final WebhookRepository repository;
  private final Clock clock;

  WebhookFeed(WebhookRepository repository, Clock clock) {
    this.repository = repository;
    this.clock = clock;
  }

  @EventListener
  void on(InvoiceEvent.InvoiceIssued e) {
    queue(
        e.workspaceId(),
        "invoice.issued",
        e.invoiceId().toString(),
        data(
            "invoice", e.invoiceId(),
            "project", e.projectId(),
            "number", e.number(),
            "total", money(e.total()),
            "dueOn", String.valueOf(e.dueOn())));
  }

  @EventListener
  void on(DunningEvent.InvoiceOverdue e) {
    queue(
        e.workspaceId(),
        "invoice.overdue",
        e.invoiceId().toString(),
        data(
            "invoice", e.invoiceId(),
            "project", e.projectId(),
            "number", e.number(),
            "dueOn", e.dueOn().toString(),
            "open", money(e.open())));
  }

  @EventListener
  void on(DunningEvent.ReminderSent e) {
    queue(
        e.workspaceId(),
        "reminder.sent",
        e.invoiceId() + ":" + e.step(),
        data(
            "invoice", e.invoiceId(),
            "project", e.projectId(),
            "number", e.number(),
            "step", e.step(),
            "dueOn", e.dueOn().toString(),
            "open", money(e.open())));
  }

  @EventListener
  void on(InvoiceEvent.PaymentReceived e) {
    queue(
        e.workspaceId(),
        "payment.received",
        e.paymentId().toString(),
        data(
            "payment", e.paymentId(),
            "invoice", e.invoiceId(),
            "project", e.projectId(),
            "amount", money(e.amount()),
            "channel", e.channel()));
  }

  @EventListener
  void on(MilestoneMoved e) {
    MilestoneTransitioned t = e.transition();
    if (t.from() == t.to()) {
      return;
    }
    String type =
        t.to() == MilestoneState.ACCEPTED
            ? "milestone.accepted"
            : t.to() == MilestoneState.RELEASED ? "milestone.released" : null;
    if (type != null) {
      queue(
          t.workspaceId().value(),
          type,
          t.milestoneId().value() + ":" + t.at().toEpochMilli(),
          data("milestone", t.milestoneId().value(), "project", t.projectId().value()));
    }
  }

  @EventListener
  void on(DunningEvent.StopWorkStarted e) {
    queue(
        e.workspaceId(),
        "project.stop_work",
        e.invoiceId().toString(),
        data("project", e.projectId(), "invoice", e.invoiceId()));
  }

  @EventListener
  void on(DunningEvent.WorkResumed e) {
    queue(
        e.workspaceId(),
        "project.resumed",
        e.invoiceId().toString(),
        data("project", e.projectId(), "invoice", e.invoiceId()));
  }

  private void queue(UUID workspaceId, String type, String key, Map<String, Object> data) {
    var endpoints = repository.subscribers(workspaceId, type);
    if (endpoints.isEmpty()) {
      return;
    }
    UUID eventId =
        UUID.nameUUIDFromBytes(
            (workspaceId + "|" + type + "|" + key).getBytes(StandardCharsets.UTF_8));
    Instant now = clock.instant();
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("id", eventId.toString());
    payload.put("type", type);
    payload.put("created", now.toString());
    payload.put("workspace", workspaceId.toString());
    payload.put("data", data);
    String body = JSON.writeValueAsString(payload);
    for (var endpoint : endpoints) {
      repository.enqueue(workspaceId, endpoint.id(), eventId, type, body, now);
    }
  }

  private static Map<String, Object> data(Object... keysAndValues) {
    Map<String, Object> data = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      Object v = keysAndValues[i + 1];
      data.put((String) keysAndValues[i], v instanceof UUID u ? u.toString() : v);
    }
    return data;
  }

  private static Map<String, Object> money(Money m) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("amountMinor", m.amountMinor());
    out.put("currency", m.currency().getCurrencyCode());
    return out;
  }
}
