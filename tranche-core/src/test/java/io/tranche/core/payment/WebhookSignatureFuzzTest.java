package io.tranche.core.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tranche.core.FuzzText;
import io.tranche.core.error.DomainException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Fuzzes the check of Stripe's {@code Stripe-Signature} header. An input is the header, a line
 * break, and the body. A header {@code sign:<t>} stands for the header Stripe would send for that
 * body at unix time {@code t}, so the fuzzer reaches the timestamp rules with valid signatures.
 * Corpus: src/test/resources/io/tranche/core/payment/WebhookSignatureFuzzTestInputs/.
 */
class WebhookSignatureFuzzTest {
  private static final List<String> SECRETS = List.of("whsec_old", "whsec_test");
  private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
  private static final Duration TOLERANCE = Duration.ofMinutes(5);
  private static final Set<String> CODES =
      Set.of(
          WebhookSignature.BAD_HEADER.slug(),
          WebhookSignature.STALE.slug(),
          WebhookSignature.BAD_SIGNATURE.slug());

  @FuzzTest
  void verifyAcceptsOnlyFreshHeadersSignedWithASecret(byte[] input) {
    int newline = indexOf(input, (byte) '\n');
    String header = FuzzText.decode(Arrays.copyOf(input, newline < 0 ? input.length : newline));
    byte[] body = newline < 0 ? new byte[0] : Arrays.copyOfRange(input, newline + 1, input.length);
    Long signedAt = null;
    if (header.startsWith("sign:")) {
      try {
        signedAt = Long.parseLong(header.substring(5));
      } catch (NumberFormatException e) {
        return;
      }
      header = "t=" + signedAt + ",v1=" + hmacHex("whsec_test", signedAt, body);
    }
    boolean accepted;
    try {
      WebhookSignature.verify(body, header, SECRETS, NOW, TOLERANCE);
      accepted = true;
    } catch (DomainException e) {
      assertThat(e.code().slug()).isIn(CODES);
      accepted = false;
    }
    if (signedAt != null) {
      assertThat(accepted).as("signed at %d", signedAt).isEqualTo(fresh(signedAt));
    } else if (accepted && !reallySigned(header, body)) {
      fail("accepted a header no secret signed fresh: %s", header);
    }
  }

  @FuzzTest
  void verifyRefusesNullAndBlankHeaders(byte[] body) {
    for (String header : Arrays.asList(null, "", " ")) {
      try {
        WebhookSignature.verify(body, header, SECRETS, NOW, TOLERANCE);
        fail("accepted the header '%s'", header);
      } catch (DomainException e) {
        assertThat(e.code()).isEqualTo(WebhookSignature.BAD_HEADER);
      }
    }
  }

  private static boolean fresh(long t) {
    BigInteger skew = BigInteger.valueOf(NOW.getEpochSecond()).subtract(BigInteger.valueOf(t));
    return skew.abs().compareTo(BigInteger.valueOf(TOLERANCE.toSeconds())) <= 0;
  }

  /** An independent reading: some t= within tolerance and some v1= that one secret signed. */
  private static boolean reallySigned(String header, byte[] body) {
    for (String t : header.split(",")) {
      String[] kt = t.split("=", 2);
      if (kt.length < 2 || !kt[0].strip().equals("t")) {
        continue;
      }
      long time;
      try {
        time = Long.parseLong(kt[1].strip());
      } catch (NumberFormatException e) {
        continue;
      }
      if (!fresh(time)) {
        continue;
      }
      for (String secret : SECRETS) {
        String expected = hmacHex(secret, time, body);
        for (String v : header.split(",")) {
          String[] kv = v.split("=", 2);
          if (kv.length == 2
              && kv[0].strip().equals("v1")
              && kv[1].strip().equalsIgnoreCase(expected)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static String hmacHex(String secret, long time, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update((time + ".").getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static int indexOf(byte[] bytes, byte b) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return -1;
  }
}
