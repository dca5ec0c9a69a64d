package io.tranche.app.payment;

import io.tranche.app.invoice.InvoiceService;
import io.tranche.app.payment.internal.ProviderEventRepository;
import io.tranche.core.error.DomainException;
import io.tranche.core.error.ErrorCode;
import io.tranche.core.error.ErrorKind;
import io.tranche.core.money.Money;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
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

  /** How often a delivery that lost a race is applied again before it is parked. */
  static final int ATTEMPTS = 5;

  public static final ErrorCode BAD_PAYLOAD =
      new ErrorCode(
          "webhook.bad-payload",
          ErrorKind.INVALID,
          "the signed body is not a Stripe event: {problem}");

  private final ProviderEventRepository events;
  private final InvoiceService invoices;
  private final io.tranche.app.invoice.ProviderPayments providerPayments;
  private final io.tranche.app.invoice.ProviderReversals reversals;
  private final JsonMapper json;
  private final Clock clock;
  private final TransactionTemplate transaction;
  private final List<String> secrets;

  StripeWebhooks(
      ProviderEventRepository events,
      InvoiceService invoices,
      io.tranche.app.invoice.ProviderPayments providerPayments,
      io.tranche.app.invoice.ProviderReversals reversals,
      JsonMapper json,
      Clock clock,
      PlatformTransactionManager transactions,
      @Value("${tranche.stripe.webhook-secrets:}") String secrets) {
    this.events = events;
    this.invoices = invoices;
    this.providerPayments = providerPayments;
    this.reversals = reversals;
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
    StripeEvents.Delivery delivery =
        StripeEvents.verify(body, signatureHeader, secrets, clock.instant(), json);
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

  private Outcome apply(String id, String type, JsonNode event) {
    if (!events.claim(id, CHANNEL, type, clock.instant())) {
      return Outcome.DUPLICATE;
    }
    JsonNode object = event.path("data").path("object");
    return switch (type) {
      case "checkout.session.completed" ->
          "paid".equals(StripeEvents.text(object, "payment_status"))
              ? pay(id, object, "amount_total", StripeEvents.text(object, "payment_intent"), true)
              : pay(id, object, "amount_total", StripeEvents.text(object, "payment_intent"), false);
      case "payment_intent.succeeded" ->
          pay(id, object, "amount_received", StripeEvents.text(object, "id"), true);
      case "payment_intent.processing" ->
          pay(id, object, "amount", StripeEvents.text(object, "id"), false);
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
    if (!intent.isEmpty() && !StripeEvents.STRIPE_ID.matcher(intent).matches()) {
      return park(eventId, "payment", "the payment intent id is not 1 to 255 printable characters");
    }
    String invoice = StripeEvents.text(object.path("metadata"), "invoice_id");
    UUID invoiceId;
    try {
      invoiceId = UUID.fromString(invoice);
    } catch (IllegalArgumentException e) {
      return park(eventId, "payment", "no invoice_id in metadata");
    }
    long amount = StripeEvents.amount(object.path(amountField));
    if (amount <= 0 || intent.isEmpty()) {
      return park(eventId, "payment", "no positive " + amountField + " or no payment intent");
    }
    Money money = Money.of(amount, StripeEvents.text(object, "currency").toUpperCase(Locale.ROOT));
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    return settle(
        eventId,
        "payment",
        paid
            ? providerPayments.receiveFromProvider(invoiceId, CHANNEL, money, today, intent)
            : providerPayments.recordUnknownFromProvider(invoiceId, CHANNEL, money, today, intent));
  }

  private Outcome refund(String eventId, JsonNode charge) {
    String intent = StripeEvents.text(charge, "payment_intent");
    long refunded = StripeEvents.amount(charge.path("amount_refunded"));
    if (!StripeEvents.STRIPE_ID.matcher(intent).matches() || refunded <= 0) {
      return park(eventId, "charge.refunded", "no payment intent or refunded amount");
    }
    return settle(
        eventId,
        "charge.refunded",
        reversals.refundFromProvider(
            CHANNEL,
            intent,
            Money.of(refunded, StripeEvents.text(charge, "currency").toUpperCase(Locale.ROOT)),
            eventId));
  }

  private Outcome chargeback(String eventId, JsonNode dispute) {
    String intent = StripeEvents.text(dispute, "payment_intent");
    long amount = StripeEvents.amount(dispute.path("amount"));
    if (!StripeEvents.STRIPE_ID.matcher(intent).matches()
        || !StripeEvents.STRIPE_ID.matcher(StripeEvents.text(dispute, "id")).matches()
        || amount <= 0) {
      return park(eventId, "charge.dispute.created", "no payment intent, dispute id or amount");
    }
    return settle(
        eventId,
        "charge.dispute.created",
        reversals.chargebackFromProvider(
            CHANNEL,
            intent,
            Money.of(amount, StripeEvents.text(dispute, "currency").toUpperCase(Locale.ROOT)),
            StripeEvents.text(dispute, "id"),
            eventId));
  }

  private Outcome settle(
      String eventId, String type, io.tranche.app.invoice.ProviderPayments.ProviderResult result) {
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
}
