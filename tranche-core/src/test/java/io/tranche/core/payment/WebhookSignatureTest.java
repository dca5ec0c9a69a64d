package io.tranche.core.payment;

import static io.tranche.core.DomainAssertions.assertCode;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {
  static final byte[] BODY = "{\"id\":\"evt_1\"}".getBytes(StandardCharsets.UTF_8);
  static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
  static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

  @Test
  void acceptsStripesSchemeWithAnyConfiguredSecretAndAnySignature() {
    String header = WebhookSignature.sign(BODY, "whsec_new", NOW);
    assertThatCode(
            () ->
                WebhookSignature.verify(
                    BODY, header, List.of("whsec_old", "whsec_new"), NOW, FIVE_MINUTES))
        .doesNotThrowAnyException();
    String rotated = header + ",v1=" + "00".repeat(32);
    assertThatCode(
            () -> WebhookSignature.verify(BODY, rotated, List.of("whsec_new"), NOW, FIVE_MINUTES))
        .doesNotThrowAnyException();
  }

  @Test
  void matchesAVectorComputedWithOpenssl() {
    // printf '1700000000.{}' | openssl dgst -sha256 -hmac whsec_test
    String expected =
        "t=1700000000,v1=35495024f4ef3f94e5a93e22221544c4b75e9a42300cd965ab81cb85cd994e91";
    org.assertj.core.api.Assertions.assertThat(
            WebhookSignature.sign(
                "{}".getBytes(StandardCharsets.UTF_8),
                "whsec_test",
                Instant.ofEpochSecond(1_700_000_000L)))
        .isEqualTo(expected);
    assertThatCode(
            () ->
                WebhookSignature.verify(
                    "{}".getBytes(StandardCharsets.UTF_8),
                    expected,
                    List.of("whsec_test"),
                    Instant.ofEpochSecond(1_700_000_100L),
                    FIVE_MINUTES))
        .doesNotThrowAnyException();
  }

  @Test
  void refusesTamperedBodiesWrongSecretsAndMalformedHeaders() {
    String header = WebhookSignature.sign(BODY, "whsec_a", NOW);
    assertCode(
        () ->
            WebhookSignature.verify(
                "{\"id\":\"evt_2\"}".getBytes(StandardCharsets.UTF_8),
                header,
                List.of("whsec_a"),
                NOW,
                FIVE_MINUTES),
        "webhook.bad-signature");
    assertCode(
        () -> WebhookSignature.verify(BODY, header, List.of("whsec_b"), NOW, FIVE_MINUTES),
        "webhook.bad-signature");
    assertCode(
        () -> WebhookSignature.verify(BODY, "", List.of("whsec_a"), NOW, FIVE_MINUTES),
        "webhook.bad-header");
    assertCode(
        () -> WebhookSignature.verify(BODY, "t=abc,v1=zz", List.of("whsec_a"), NOW, FIVE_MINUTES),
        "webhook.bad-header");
  }

  @Test
  void refusesTimestampsTooOldAndTooFarInTheFuture() {
    assertCode(
        () ->
            WebhookSignature.verify(
                BODY,
                WebhookSignature.sign(BODY, "s", NOW.minusSeconds(301)),
                List.of("s"),
                NOW,
                FIVE_MINUTES),
        "webhook.stale-timestamp");
    assertCode(
        () ->
            WebhookSignature.verify(
                BODY,
                WebhookSignature.sign(BODY, "s", NOW.plusSeconds(301)),
                List.of("s"),
                NOW,
                FIVE_MINUTES),
        "webhook.stale-timestamp");
    assertThatCode(
            () ->
                WebhookSignature.verify(
                    BODY,
                    WebhookSignature.sign(BODY, "s", NOW.plusSeconds(299)),
                    List.of("s"),
                    NOW,
                    FIVE_MINUTES))
        .doesNotThrowAnyException();
  }

  @Test
  void refusesASignedTimestampWhoseDistanceFromNowOverflowsALong() {
    // now - t is exactly Long.MIN_VALUE here, and Math.abs(Long.MIN_VALUE) is negative
    long t = NOW.getEpochSecond() + Long.MIN_VALUE;
    String header = "t=" + t + ",v1=" + hmacHex("s", t + "." + new String(BODY, UTF_8));
    assertCode(
        () -> WebhookSignature.verify(BODY, header, List.of("s"), NOW, FIVE_MINUTES),
        "webhook.stale-timestamp");
  }

  private static String hmacHex(String secret, String payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
