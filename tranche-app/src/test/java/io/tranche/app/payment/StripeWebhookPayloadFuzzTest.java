package io.tranche.app.payment;

import static org.assertj.core.api.Assertions.assertThatCode;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tranche.core.payment.WebhookSignature;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fuzzes what the Stripe webhook endpoint does with a body before it touches the database: the
 * fuzzer's bytes are signed with a test secret as Stripe would sign them, verified by {@link
 * WebhookSignature}, then read with a {@link JsonMapper} configured as the app's (Boot's defaults
 * plus the {@code spring.jackson.*} settings of application.properties). Only Jackson's own {@link
 * JacksonException} may come out of reading; the reads {@link StripeWebhooks#receive} makes of a
 * parsed event must not throw at all. This stays out of the Spring context (too slow to fuzz), so
 * it mirrors those reads rather than calling the service. Corpus:
 * src/test/resources/io/tranche/app/payment/StripeWebhookPayloadFuzzTestInputs/.
 */
class StripeWebhookPayloadFuzzTest {
  private static final String SECRET = "whsec_fuzz";
  private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
  private static final JsonMapper JSON =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .build();

  @FuzzTest
  void signedBodiesVerifyAndParseOrFailAsJackson(byte[] body) {
    String header = WebhookSignature.sign(body, SECRET, NOW);
    WebhookSignature.verify(body, header, List.of(SECRET), NOW, Duration.ofMinutes(5));
    JsonNode event;
    try {
      event = JSON.readTree(body);
    } catch (JacksonException e) {
      return;
    }
    assertThatCode(() -> readsOfReceive(event)).doesNotThrowAnyException();
  }

  /** The reads StripeWebhooks.receive makes of a verified event (event, object, amounts). */
  private static void readsOfReceive(JsonNode event) {
    text(event, "id");
    text(event, "type");
    JsonNode object = event.path("data").path("object");
    text(object, "payment_status");
    text(object, "payment_intent");
    text(object, "id");
    text(object.path("metadata"), "invoice_id");
    for (String amount : List.of("amount_total", "amount_received", "amount", "amount_refunded")) {
      object.path(amount).asLong(0);
    }
    text(object, "currency").toUpperCase(Locale.ROOT);
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isString() ? value.asString() : "";
  }
}
