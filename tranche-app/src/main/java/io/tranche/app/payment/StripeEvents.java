package io.tranche.app.payment;

import io.tranche.core.error.DomainException;
import io.tranche.core.payment.WebhookSignature;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reading a Stripe delivery before anything touches the database: its signature, and its body as an
 * event with an id and a type. Pure, so the fuzz test drives it directly.
 */
final class StripeEvents {
  static final Duration TOLERANCE = Duration.ofMinutes(5);

  /**
   * Stripe's ids ({@code evt_…}, {@code pi_…}, {@code dp_…}) are short printable ASCII; our columns
   * hold 255 characters.
   */
  static final Pattern STRIPE_ID = Pattern.compile("\\p{Graph}{1,255}");

  private StripeEvents() {}

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
          StripeWebhooks.BAD_PAYLOAD,
          Map.of("problem", "its id is missing or not 1 to 255 printable characters"));
    }
    if (!STRIPE_ID.matcher(type).matches()) {
      throw new DomainException(
          StripeWebhooks.BAD_PAYLOAD,
          Map.of("problem", "its type is missing or not 1 to 255 printable characters"));
    }
    return new Delivery(id, type, event);
  }

  static JsonNode parse(byte[] body, JsonMapper json) {
    JsonNode event;
    try {
      event = json.readTree(body);
    } catch (JacksonException e) {
      throw new DomainException(
          StripeWebhooks.BAD_PAYLOAD,
          Map.of("problem", "it is not JSON that can be read (" + kind(e) + ")"));
    }
    if (event == null || !event.isObject()) {
      throw new DomainException(
          StripeWebhooks.BAD_PAYLOAD, Map.of("problem", "it is not a JSON object"));
    }
    return event;
  }

  static String kind(JacksonException e) {
    return e instanceof StreamConstraintsException
        ? "nested or sized beyond the parser's limits"
        : "malformed";
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
