package io.tranche.app.webhook;

import io.tranche.app.platform.Access;
import io.tranche.app.platform.Actor;
import io.tranche.app.platform.Errors;
import io.tranche.app.platform.PublicAddresses;
import io.tranche.app.platform.Secrets;
import io.tranche.app.webhook.internal.WebhookRepository;
import io.tranche.core.error.DomainException;
import io.tranche.core.error.Validation;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The endpoints a workspace's owner registers for webhooks: an https address on the public
 * internet, the events it takes, and a signing secret shown once (rotated: the old one keeps
 * signing for a day, so the receiver can switch without losing deliveries); the delivery log and
 * "resend" for members.
 */
@Service
public class WebhookEndpoints {
  /** How long the previous secret keeps signing after a rotation. */
  static final Duration OVERLAP = Duration.ofHours(24);

  private final WebhookRepository repository;
  private final Clock clock;
  private final boolean privateAllowed;

  WebhookEndpoints(
      WebhookRepository repository,
      Clock clock,
      @Value("${tranche.webhooks.private-allowed:false}") boolean privateAllowed) {
    this.repository = repository;
    this.clock = clock;
    this.privateAllowed = privateAllowed;
  }

  /** An endpoint as pages and the API show it (never its secret). */
  public record EndpointView(
      UUID id, String url, List<String> events, Instant createdAt, @Nullable Instant disabledAt) {
    static EndpointView of(WebhookRepository.Endpoint e) {
      return new EndpointView(e.id(), e.url(), e.events(), e.createdAt(), e.disabledAt());
    }
  }

  /** A new or rotated endpoint with its secret: the only time the secret is shown. */
  public record WithSecret(EndpointView endpoint, String secret) {}

  @Transactional(readOnly = true)
  public List<EndpointView> endpoints(Actor actor) {
    Access.member(actor);
    return repository.endpoints(actor.workspaceId()).stream().map(EndpointView::of).toList();
  }

  @Transactional
  public WithSecret create(Actor actor, @Nullable String url, @Nullable List<String> events) {
    Access.owner(actor);
    String address = address(url);
    List<String> types = events == null || events.isEmpty() ? WebhookTypes.ALL : events;
    for (int i = 0; i < types.size(); i++) {
      if (!WebhookTypes.ALL.contains(types.get(i))) {
        String field = "events[" + i + "]";
        throw DomainException.field(
            WebhookErrors.UNKNOWN_EVENT,
            field,
            Map.of(
                "field",
                field,
                "event",
                types.get(i),
                "known",
                String.join(", ", WebhookTypes.ALL)));
      }
    }
    String secret = Secrets.newSecret("whsec_");
    WebhookRepository.Endpoint e =
        new WebhookRepository.Endpoint(
            UUID.randomUUID(),
            actor.workspaceId(),
            address,
            List.copyOf(types),
            secret,
            null,
            null,
            clock.instant(),
            null);
    repository.insertEndpoint(e, actor.label());
    return new WithSecret(EndpointView.of(e), secret);
  }

  /** A new secret; the old one keeps signing for {@link #OVERLAP}. */
  @Transactional
  public WithSecret rotate(Actor actor, UUID id) {
    Access.owner(actor);
    WebhookRepository.Endpoint e = endpoint(actor, id);
    String secret = Secrets.newSecret("whsec_");
    repository.rotate(actor.workspaceId(), id, secret, clock.instant().plus(OVERLAP));
    return new WithSecret(EndpointView.of(e), secret);
  }

  @Transactional
  public EndpointView disable(Actor actor, UUID id) {
    Access.owner(actor);
    endpoint(actor, id);
    repository.disable(actor.workspaceId(), id, clock.instant());
    return EndpointView.of(endpoint(actor, id));
  }

  /** A delivery as the log shows it. */
  public record DeliveryView(
      UUID id,
      UUID endpointId,
      UUID eventId,
      String type,
      String status,
      int attempts,
      @Nullable Integer lastStatus,
      @Nullable String lastError,
      Instant createdAt,
      @Nullable Instant deliveredAt,
      Instant nextAttemptAt) {
    static DeliveryView of(WebhookRepository.Delivery d) {
      return new DeliveryView(
          d.id(),
          d.endpointId(),
          d.eventId(),
          d.type(),
          d.status(),
          d.attempts(),
          d.lastStatus(),
          d.lastError(),
          d.createdAt(),
          d.deliveredAt(),
          d.nextAttemptAt());
    }
  }

  @Transactional(readOnly = true)
  public List<DeliveryView> deliveries(Actor actor) {
    Access.member(actor);
    return repository.deliveries(actor.workspaceId(), 100).stream().map(DeliveryView::of).toList();
  }

  /** Sends a delivery again now, with the same event id. */
  @Transactional
  public DeliveryView resend(Actor actor, UUID deliveryId) {
    Access.member(actor);
    repository
        .delivery(actor.workspaceId(), deliveryId)
        .orElseThrow(Errors.notFoundSupplier("webhook delivery", deliveryId));
    repository.resend(actor.workspaceId(), deliveryId, clock.instant());
    return DeliveryView.of(repository.delivery(actor.workspaceId(), deliveryId).orElseThrow());
  }

  private WebhookRepository.Endpoint endpoint(Actor actor, UUID id) {
    return repository
        .endpoint(actor.workspaceId(), id)
        .orElseThrow(Errors.notFoundSupplier("webhook endpoint", id));
  }

  private String address(@Nullable String url) {
    String text = Validation.text("url", url, 2000).strip();
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw bad("is not a web address (https://…)");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme();
    boolean local = privateAllowed && scheme.equals("http");
    if (!(scheme.equals("https") || local) || uri.getHost() == null) {
      throw bad("must be an https:// address with a host");
    }
    if (uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
      throw bad("must not hold a user name, password or #fragment");
    }
    try {
      if (!privateAllowed && !PublicAddresses.isPublic(uri.getHost())) {
        throw bad("points to this server or a private network, which webhooks may not reach");
      }
    } catch (UnknownHostException e) {
      throw bad("names a host that does not resolve");
    }
    return uri.toString();
  }

  private static DomainException bad(String problem) {
    return DomainException.field(
        WebhookErrors.BAD_URL, "url", Map.of("field", "url", "problem", problem));
  }
}
