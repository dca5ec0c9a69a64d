package io.tranche.app.payment;

import io.tranche.app.invoice.InvoiceService;
import io.tranche.app.payment.internal.ProviderEventRepository;
import io.tranche.core.error.DomainException;
import io.tranche.core.money.Money;
import io.tranche.core.payment.WebhookSignature;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stripe webhooks: the signature is verified over the raw body (several secrets during rotation, ±5
 * minutes), each event id is processed once (kept at least 30 days), and each payment intent is
 * recorded once even when several event types report it. Events that cannot be applied — unknown
 * invoice, other currency, no amount — are parked for review with a log line; nothing is posted.
 */
@Service
public class StripeWebhooks {
  private static final Logger log = LoggerFactory.getLogger(StripeWebhooks.class);
  static final String CHANNEL = "stripe";
  static final Duration TOLERANCE = Duration.ofMinutes(5);

  private final ProviderEventRepository events;
  private final InvoiceService invoices;
  private final JsonMapper json;
  private final Clock clock;
  private final List<String> secrets;

  StripeWebhooks(
      ProviderEventRepository events,
      InvoiceService invoices,
      JsonMapper json,
      Clock clock,
      @Value("${tranche.stripe.webhook-secrets:}") String secrets) {
    this.events = events;
    this.invoices = invoices;
    this.json = json;
    this.clock = clock;
    this.secrets =
        Arrays.stream(secrets.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  /** What became of a delivery. */
  public enum Outcome {
    PROCESSED,
    DUPLICATE,
    PARKED,
    IGNORED
  }

  /** Verifies and applies one delivery; a bad signature is refused with a DomainException. */
  @Transactional
  public Outcome receive(byte[] body, String signatureHeader) {
    WebhookSignature.verify(body, signatureHeader, secrets, clock.instant(), TOLERANCE);
    JsonNode event = json.readTree(body);
    String id = text(event, "id");
    String type = text(event, "type");
    if (id.isEmpty() || type.isEmpty()) {
      throw new DomainException(WebhookSignature.BAD_HEADER, java.util.Map.of());
    }
    if (!events.claim(id, CHANNEL, type, clock.instant())) {
      return Outcome.DUPLICATE;
    }
    JsonNode object = event.path("data").path("object");
    try {
      return switch (type) {
        case "checkout.session.completed" ->
            "paid".equals(text(object, "payment_status"))
                ? pay(id, object, "amount_total", text(object, "payment_intent"), true)
                : pay(id, object, "amount_total", text(object, "payment_intent"), false);
        case "payment_intent.succeeded" ->
            pay(id, object, "amount_received", text(object, "id"), true);
        case "payment_intent.processing" -> pay(id, object, "amount", text(object, "id"), false);
        case "charge.refunded" -> refund(id, object);
        case "charge.dispute.created" -> chargeback(id, object);
        default -> ignore(id, "event type not used");
      };
    } catch (DomainException e) {
      return park(id, type, e.code().slug() + ": " + e.getMessage());
    }
  }

  /**
   * Records a payment: confirmed ({@code paid}) or of unknown outcome (still processing), which a
   * later event or the reconciler resolves.
   */
  private Outcome pay(
      String eventId, JsonNode object, String amountField, String intent, boolean paid) {
    String invoice = text(object.path("metadata"), "invoice_id");
    UUID invoiceId;
    try {
      invoiceId = UUID.fromString(invoice);
    } catch (IllegalArgumentException e) {
      return park(eventId, "payment", "no invoice_id in metadata");
    }
    long amount = object.path(amountField).asLong(0);
    if (amount <= 0 || intent.isEmpty()) {
      return park(eventId, "payment", "no positive " + amountField + " or no payment intent");
    }
    Money money = Money.of(amount, text(object, "currency").toUpperCase(Locale.ROOT));
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    return settle(
        eventId,
        "payment",
        paid
            ? invoices.receiveFromProvider(invoiceId, CHANNEL, money, today, intent)
            : invoices.recordUnknownFromProvider(invoiceId, CHANNEL, money, today, intent));
  }

  private Outcome refund(String eventId, JsonNode charge) {
    String intent = text(charge, "payment_intent");
    long refunded = charge.path("amount_refunded").asLong(0);
    if (intent.isEmpty() || refunded <= 0) {
      return park(eventId, "charge.refunded", "no payment intent or refunded amount");
    }
    return settle(
        eventId,
        "charge.refunded",
        invoices.refundFromProvider(
            CHANNEL,
            intent,
            Money.of(refunded, text(charge, "currency").toUpperCase(Locale.ROOT)),
            eventId));
  }

  private Outcome chargeback(String eventId, JsonNode dispute) {
    String intent = text(dispute, "payment_intent");
    long amount = dispute.path("amount").asLong(0);
    if (intent.isEmpty() || amount <= 0) {
      return park(eventId, "charge.dispute.created", "no payment intent or amount");
    }
    return settle(
        eventId,
        "charge.dispute.created",
        invoices.chargebackFromProvider(
            CHANNEL,
            intent,
            Money.of(amount, text(dispute, "currency").toUpperCase(Locale.ROOT)),
            text(dispute, "id"),
            eventId));
  }

  private Outcome settle(String eventId, String type, InvoiceService.ProviderResult result) {
    return switch (result.outcome()) {
      case RECORDED, ALREADY_RECORDED -> {
        events.finish(eventId, "PROCESSED", null);
        yield Outcome.PROCESSED;
      }
      case REFUSED -> park(eventId, type, result.reason());
    };
  }

  private Outcome ignore(String eventId, String reason) {
    events.finish(eventId, "IGNORED", reason);
    return Outcome.IGNORED;
  }

  private Outcome park(String eventId, String type, String reason) {
    log.warn("stripe event {} ({}) parked for review: {}", eventId, type, reason);
    events.finish(eventId, "PARKED", reason);
    return Outcome.PARKED;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isString() ? value.asString() : "";
  }
}
