package io.tranche.app.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tranche.core.error.DomainException;
import io.tranche.core.payment.WebhookSignature;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fuzzes what the Stripe webhook endpoint does with a body before it touches the database, through
 * the service's own seam ({@link StripeWebhooks#verify}): the fuzzer's bytes are signed with a test
 * secret as Stripe would sign them, then verified and read with a {@link JsonMapper} configured as
 * the app's (Boot's defaults plus the {@code spring.jackson.*} settings of application.properties).
 * Only a {@code webhook.*} DomainException may come out (a 400); a verified event's field reads
 * ({@link StripeWebhooks#text}, {@link StripeWebhooks#amount}) never throw. Stays out of the Spring
 * context (too slow to fuzz). Corpus:
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
    StripeEvents.Delivery delivery;
    try {
      delivery = StripeEvents.verify(body, header, List.of(SECRET), NOW, JSON);
    } catch (DomainException e) {
      assertThat(e.code().slug()).isEqualTo("webhook.bad-payload");
      return;
    }
    assertThat(delivery.id()).matches("\\p{Graph}{1,255}");
    assertThat(delivery.type()).matches("\\p{Graph}{1,255}");
    assertThatCode(() -> readsOfApply(delivery.event())).doesNotThrowAnyException();
  }

  /** The reads StripeWebhooks makes of a verified event's object (intents, amounts, currency). */
  private static void readsOfApply(JsonNode event) {
    JsonNode object = event.path("data").path("object");
    for (String field :
        List.of("payment_status", "payment_intent", "id", "currency", "invoice_id")) {
      StripeEvents.text(object, field);
      StripeEvents.text(object.path("metadata"), field);
    }
    for (String amount : List.of("amount_total", "amount_received", "amount", "amount_refunded")) {
      StripeEvents.amount(object.path(amount));
    }
  }
}
