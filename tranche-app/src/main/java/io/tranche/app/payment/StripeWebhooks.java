package io.tranche.app.payment;

import io.tranche.app.invoice.InvoiceService;
import io.tranche.app.payment.internal.ProviderEventRepository;
import io.tranche.core.error.DomainException;
import io.tranche.core.error.ErrorCode;
import io.tranche.core.error.ErrorKind;
import io.tranche.core.money.Money;
import io.tranche.core.payment.WebhookSignature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stripe webhooks: the signature is verified over the raw body (several secrets during rotation, ±5
 * minutes) before anything is parsed, each event id is processed once (kept at least 30 days), and
 * each payment intent is recorded once even when several event types report it. Events that cannot
 * be applied — unknown invoice, other currency, no amount — are parked for review with a log line;
 * nothing is posted.
 *
 * <p>A delivery is applied in a transaction of its own. A refusal while applying it (a {@link
 * DomainException}) rolls that transaction back whole, and the event is then parked in a second
 * one, so a refusal can never leave a half-applied payment or a rollback-only transaction that
 * answers 500. Races between deliveries (a conflicting concurrent change, a duplicate key) roll
 * back and apply the delivery again from the start; the invoice row is locked while a payment is
 * applied (see {@link InvoiceService#receiveFromProvider}), so a retry sees what the winner
 * committed.
 */
@Service
public class StripeWebhooks {
  private static final Logger log = LoggerFactory.getLogger(StripeWebhooks.class);
  static final String CHANNEL = "stripe";
  static final Duration TOLERANCE = Duration.ofMinutes(5);

  /** How often a delivery that lost a race is applied again before it is parked. */
  static final int ATTEMPTS = 5;

  /**
   * Stripe's ids ({@code evt_…}, {@code pi_…}, {@code dp_…}) are short printable ASCII; our columns
   * hold 255 characters.
   */
  private static final Pattern STRIPE_ID = Pattern.compile("\\p{Graph}{1,255}");

  public static final ErrorCode BAD_PAYLOAD =
      new ErrorCode(
          "webhook.bad-payload",
          ErrorKind.INVALID,
          "the signed body is not a Stripe event: {problem}");

  private final ProviderEventRepository events;
  private final InvoiceService invoices;
  private final JsonMapper json;
  private final Clock clock;
  private final TransactionTemplate transaction;
  private final List<String> secrets;

  StripeWebhooks(
      ProviderEventRepository events,
      InvoiceService invoices,
      JsonMapper json,
      Clock clock,
      PlatformTransactionManager transactions,
      @Value("${tranche.stripe.webhook-secrets:}") String secrets) {
    this.events = events;
    this.invoices = invoices;
    this.json = json;
    this.clock = clock;
    this.transaction = new TransactionTemplate(transactions);
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

  /**
   * Verifies and applies one delivery. A bad signature, or a signed body that is not a Stripe event
   * (not JSON, nested too deep, no usable id or type), is refused with a DomainException.
   */
  public Outcome receive(byte[] body, String signatureHeader) {
    Delivery delivery = verify(body, signatureHeader, secrets, clock.instant(), json);
    String id = delivery.id();
    String type = delivery.type();
    JsonNode event = delivery.event();
    for (int attempt = 1; ; attempt++) {
      try {
        return transaction.execute(status -> apply(id, type, event));
      } catch (DomainException e) {
        if (e.code().kind() == ErrorKind.CONFLICT && attempt < ATTEMPTS) {
          backOff(attempt);
          continue;
        }
        String reason = e.code().slug() + ": " + e.getMessage();
        return transaction.execute(status -> parkAfterRollback(id, type, reason));
      } catch (DataIntegrityViolationException e) {
        if (e instanceof DuplicateKeyException && attempt < ATTEMPTS) {
          backOff(attempt);
          continue;
        }
        // A value the tables cannot hold (a provider id longer than any column): park it for a
        // person, never a 500 that Stripe would retry for days.
        log.warn("stripe event {} ({}) could not be stored: {}", id, type, e.getClass().getName());
        String reason =
            e instanceof DuplicateKeyException
                ? "lost " + ATTEMPTS + " races with concurrent changes (DuplicateKeyException)"
                : "a value of the event cannot be stored (" + e.getClass().getSimpleName() + ")";
        return transaction.execute(status -> parkAfterRollback(id, type, reason));
      } catch (TransientDataAccessException e) {
        if (attempt < ATTEMPTS) {
          backOff(attempt);
          continue;
        }
        String reason =
            "lost "
                + ATTEMPTS
                + " races with concurrent changes ("
                + e.getClass().getSimpleName()
                + ")";
        return transaction.execute(status -> parkAfterRollback(id, type, reason));
      }
    }
  }

  /** A short random pause, so that deliveries that raced do not collide again at once. */
  private static void backOff(int attempt) {
    log.debug("a stripe delivery lost a race (attempt {}); applying it again", attempt);
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(1, 20L * attempt));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A verified delivery: the event's id and type, checked, and the event itself. */
  record Delivery(String id, String type, JsonNode event) {}

  /**
   * Everything done with a delivery before the database: the signature over the raw body (several
   * secrets, ±5 minutes), then the body read as a JSON object with an id and a type of 1 to 255
   * printable characters. Refuses with a DomainException ({@code webhook.*}) and nothing else.
   */
  static Delivery verify(
      byte[] body, String signatureHeader, List<String> secrets, Instant now, JsonMapper json) {
    WebhookSignature.verify(body, signatureHeader, secrets, now, TOLERANCE);
    JsonNode event = parse(body, json);
    String id = text(event, "id");
    String type = text(event, "type");
    if (!STRIPE_ID.matcher(id).matches()) {
      throw new DomainException(
          BAD_PAYLOAD, Map.of("problem", "its id is missing or not 1 to 255 printable characters"));
    }
    if (!STRIPE_ID.matcher(type).matches()) {
      throw new DomainException(
          BAD_PAYLOAD,
          Map.of("problem", "its type is missing or not 1 to 255 printable characters"));
    }
    return new Delivery(id, type, event);
  }

  private static JsonNode parse(byte[] body, JsonMapper json) {
    JsonNode event;
    try {
      event = json.readTree(body);
    } catch (JacksonException e) {
      throw new DomainException(
          BAD_PAYLOAD, Map.of("problem", "it is not JSON that can be read (" + kind(e) + ")"));
    }
    if (event == null || !event.isObject()) {
      throw new DomainException(BAD_PAYLOAD, Map.of("problem", "it is not a JSON object"));
    }
    return event;
  }

  private static String kind(JacksonException e) {
    return e instanceof StreamConstraintsException
        ? "nested or sized beyond the parser's limits"
        : "malformed";
  }

  private Outcome apply(String id, String type, JsonNode event) {
    if (!events.claim(id, CHANNEL, type, clock.instant())) {
      return Outcome.DUPLICATE;
    }
    JsonNode object = event.path("data").path("object");
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
  }

  /** Parks an event whose application was rolled back; a concurrent delivery may have won. */
  private Outcome parkAfterRollback(String id, String type, String reason) {
    if (!events.claim(id, CHANNEL, type, clock.instant())) {
      return Outcome.DUPLICATE;
    }
    return park(id, type, reason);
  }

  /**
   * Records a payment: confirmed ({@code paid}) or of unknown outcome (still processing), which a
   * later event or the reconciler resolves.
   */
  private Outcome pay(
      String eventId, JsonNode object, String amountField, String intent, boolean paid) {
    if (!intent.isEmpty() && !STRIPE_ID.matcher(intent).matches()) {
      return park(eventId, "payment", "the payment intent id is not 1 to 255 printable characters");
    }
    String invoice = text(object.path("metadata"), "invoice_id");
    UUID invoiceId;
    try {
      invoiceId = UUID.fromString(invoice);
    } catch (IllegalArgumentException e) {
      return park(eventId, "payment", "no invoice_id in metadata");
    }
    long amount = amount(object.path(amountField));
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
    long refunded = amount(charge.path("amount_refunded"));
    if (!STRIPE_ID.matcher(intent).matches() || refunded <= 0) {
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
    long amount = amount(dispute.path("amount"));
    if (!STRIPE_ID.matcher(intent).matches()
        || !STRIPE_ID.matcher(text(dispute, "id")).matches()
        || amount <= 0) {
      return park(eventId, "charge.dispute.created", "no payment intent, dispute id or amount");
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

  private Outcome park(String eventId, String type, String rawReason) {
    // reasons quote what the event said: no control characters (PostgreSQL refuses NUL), short
    String reason = rawReason.replaceAll("\\p{Cntrl}", "?");
    reason = reason.length() > 500 ? reason.substring(0, 497) + "..." : reason;
    log.warn("stripe event {} ({}) parked for review: {}", eventId, type, reason);
    events.finish(eventId, "PARKED", reason);
    return Outcome.PARKED;
  }

  /** A whole, positive-or-not number of minor units; anything else (fractions, overflow) is 0. */
  static long amount(JsonNode node) {
    return node.isIntegralNumber() && node.canConvertToLong() ? node.longValue() : 0;
  }

  static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isString() ? value.asString() : "";
  }
}
