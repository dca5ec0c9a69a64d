package io.tranche.app.webhook.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tranche.app.platform.Actor;
import io.tranche.app.webhook.WebhookEndpoints;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Webhook endpoints (the owner's), their secrets (shown once), deliveries and resend. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "webhooks", description = "Signed outbound webhooks with retries and a delivery log")
class WebhookApi {
  private final WebhookEndpoints endpoints;

  WebhookApi(WebhookEndpoints endpoints) {
    this.endpoints = endpoints;
  }

  /** A new endpoint: its address and the events it takes (all when none are named). */
  record NewEndpoint(@Nullable String url, @Nullable List<String> events) {}

  @GetMapping("/webhook-endpoints")
  @Operation(summary = "The workspace's webhook endpoints (without their secrets)")
  List<WebhookEndpoints.EndpointView> list(Actor actor) {
    return endpoints.endpoints(actor);
  }

  @PostMapping("/webhook-endpoints")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Register an endpoint; the answer holds its signing secret, shown only now",
      description =
          "Events: invoice.issued, invoice.overdue, reminder.sent, payment.received,"
              + " milestone.accepted, milestone.released, project.stop_work, project.resumed."
              + " Each delivery is a POST with Tranche-Event-Id, Tranche-Event-Type and"
              + " Tranche-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of \"<t>.<body>\">.")
  WebhookEndpoints.WithSecret create(Actor actor, @RequestBody NewEndpoint body) {
    return endpoints.create(actor, body.url(), body.events());
  }

  @PostMapping("/webhook-endpoints/{endpointId}/rotation")
  @Operation(summary = "A new signing secret; the old one keeps signing for 24 hours")
  WebhookEndpoints.WithSecret rotate(Actor actor, @PathVariable UUID endpointId) {
    return endpoints.rotate(actor, endpointId);
  }

  @DeleteMapping("/webhook-endpoints/{endpointId}")
  @Operation(summary = "Disable an endpoint: nothing more is sent to it")
  WebhookEndpoints.EndpointView disable(Actor actor, @PathVariable UUID endpointId) {
    return endpoints.disable(actor, endpointId);
  }

  @GetMapping("/webhook-deliveries")
  @Operation(summary = "The newest deliveries, with their state, attempts and last answer")
  List<WebhookEndpoints.DeliveryView> deliveries(Actor actor) {
    return endpoints.deliveries(actor);
  }

  @PostMapping("/webhook-deliveries/{deliveryId}/resend")
  @Operation(summary = "Send a delivery again now (same event id)")
  WebhookEndpoints.DeliveryView resend(Actor actor, @PathVariable UUID deliveryId) {
    return endpoints.resend(actor, deliveryId);
  }
}
