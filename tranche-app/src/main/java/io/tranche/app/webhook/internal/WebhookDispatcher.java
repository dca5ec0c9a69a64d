package io.tranche.app.webhook.internal;

import io.tranche.app.platform.PublicAddresses;
import io.tranche.app.webhook.WebhookSignature;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers the webhook outbox: every poll it claims due deliveries (one node wins each claim) and
 * posts them, signed; a 2xx answer delivers, anything else (or no answer in 10 s) is tried again
 * after 1 min, 5 min, 30 min, 2 h, 6 h, 12 h and 24 h, then marked FAILED (a member can resend). A
 * delivery claimed by a node that dies is tried again when its claim runs out (5 min); the event id
 * in {@code Tranche-Event-Id} lets the receiver drop a repeat.
 *
 * <p>Logs name the delivery and the endpoint's host, never a secret or a payload.
 */
@Component
public class WebhookDispatcher {
  private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

  static final List<Duration> BACKOFF =
      List.of(
          Duration.ofMinutes(1),
          Duration.ofMinutes(5),
          Duration.ofMinutes(30),
          Duration.ofHours(2),
          Duration.ofHours(6),
          Duration.ofHours(12),
          Duration.ofHours(24));

  private final WebhookRepository repository;
  private final Clock clock;
  private final boolean privateAllowed;
  private final Duration claim;
  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(5))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  WebhookDispatcher(
      WebhookRepository repository,
      Clock clock,
      @Value("${tranche.webhooks.private-allowed:false}") boolean privateAllowed,
      @Value("${tranche.webhooks.claim:5m}") Duration claim) {
    this.claim = claim;
    this.repository = repository;
    this.clock = clock;
    this.privateAllowed = privateAllowed;
  }

  /** Sends what is due now; returns how many were delivered. */
  @Scheduled(fixedDelayString = "${tranche.webhooks.poll-interval:5s}")
  public int dispatch() {
    int delivered = 0;
    for (WebhookRepository.Delivery d : repository.due(clock.instant(), 50)) {
      // the claim and the signature's timestamp are each delivery's own: a slow batch neither hands
      // out claims already expired nor signs with a time minutes old
      Instant now = clock.instant();
      if (!repository.claim(d.id(), d.attempts(), now.plus(claim))) {
        continue;
      }
      Optional<WebhookRepository.Endpoint> endpoint =
          repository.endpoint(d.workspaceId(), d.endpointId());
      if (endpoint.isEmpty() || endpoint.get().disabledAt() != null) {
        repository.outcome(d.id(), "FAILED", null, "the endpoint is disabled", now, null);
        continue;
      }
      if (send(d, endpoint.get(), now)) {
        delivered++;
      }
    }
    return delivered;
  }

  private boolean send(WebhookRepository.Delivery d, WebhookRepository.Endpoint e, Instant now) {
    byte[] body = d.payload().getBytes(StandardCharsets.UTF_8);
    long t = now.getEpochSecond();
    String signature = "t=" + t + ",v1=" + WebhookSignature.sign(e.secret(), t, body);
    if (e.previousSecret() != null
        && e.previousUntil() != null
        && now.isBefore(e.previousUntil())) {
      signature += ",v1=" + WebhookSignature.sign(e.previousSecret(), t, body);
    }
    Integer status = null;
    String error = null;
    try {
      URI uri = URI.create(e.url());
      if (!privateAllowed && !PublicAddresses.isPublic(uri.getHost())) {
        throw new java.io.IOException("the endpoint's address now resolves to a private network");
      }
      HttpRequest request =
          HttpRequest.newBuilder(uri)
              .timeout(Duration.ofSeconds(10))
              .header("Content-Type", "application/json")
              .header("User-Agent", "Tranche-Webhooks")
              .header("Tranche-Event-Id", d.eventId().toString())
              .header("Tranche-Event-Type", d.type())
              .header("Tranche-Signature", signature)
              .POST(HttpRequest.BodyPublishers.ofByteArray(body))
              .build();
      status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      if (status >= 200 && status < 300) {
        repository.outcome(d.id(), "DELIVERED", status, null, now, now);
        return true;
      }
      error = "answered " + status;
    } catch (java.io.IOException | IllegalArgumentException ex) {
      error = ex.getClass().getSimpleName() + ": " + String.valueOf(ex.getMessage());
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
      error = "interrupted";
    }
    int attempt = d.attempts() + 1;
    boolean last = attempt > BACKOFF.size();
    Instant next = last ? now : now.plus(BACKOFF.get(attempt - 1));
    repository.outcome(d.id(), last ? "FAILED" : "PENDING", status, cut(error), next, null);
    log.info(
        "Webhook delivery {} to {} failed (attempt {}): {}",
        d.id(),
        host(e.url()),
        attempt,
        status == null ? "no answer" : "HTTP " + status);
    return false;
  }

  private static @Nullable String cut(@Nullable String s) {
    return s == null || s.length() <= 300 ? s : s.substring(0, 300);
  }

  private static String host(String url) {
    try {
      return String.valueOf(URI.create(url).getHost());
    } catch (IllegalArgumentException e) {
      return "?";
    }
  }
}
