package io.tranche.core.payment;

import io.tranche.core.error.DomainException;
import io.tranche.core.error.ErrorCode;
import io.tranche.core.error.ErrorKind;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies Stripe's {@code Stripe-Signature} header: {@code t=<unix seconds>,v1=<hex>[,v1=<hex>…]}
 * where each v1 is HMAC-SHA256 over {@code "<t>.<raw body>"} with an endpoint secret. Several
 * signatures and several secrets are accepted (secret rotation). Unlike Stripe's own library, a
 * timestamp too far in the future is refused as well as one too old.
 */
public final class WebhookSignature {
  public static final ErrorCode BAD_HEADER =
      new ErrorCode(
          "webhook.bad-header",
          ErrorKind.INVALID,
          "the Stripe-Signature header is missing or malformed");
  public static final ErrorCode STALE =
      new ErrorCode(
          "webhook.stale-timestamp",
          ErrorKind.INVALID,
          "the signature's timestamp is {seconds} s away from now; at most {tolerance} s are accepted");
  public static final ErrorCode BAD_SIGNATURE =
      new ErrorCode(
          "webhook.bad-signature",
          ErrorKind.INVALID,
          "no signature matches the body with a configured secret");

  private WebhookSignature() {}

  /** Refuses the delivery unless a v1 signature matches one of {@code secrets} within tolerance. */
  public static void verify(
      byte[] body, String header, List<String> secrets, Instant now, Duration tolerance) {
    if (header == null || header.isBlank()) {
      throw new DomainException(BAD_HEADER, Map.of());
    }
    Long timestamp = null;
    List<byte[]> signatures = new ArrayList<>();
    for (String part : header.split(",")) {
      int eq = part.indexOf('=');
      if (eq < 0) {
        continue;
      }
      String key = part.substring(0, eq).strip();
      String value = part.substring(eq + 1).strip();
      try {
        if (key.equals("t")) {
          timestamp = Long.parseLong(value);
        } else if (key.equals("v1")) {
          signatures.add(HexFormat.of().parseHex(value));
        }
      } catch (IllegalArgumentException e) {
        throw new DomainException(BAD_HEADER, Map.of());
      }
    }
    if (timestamp == null || signatures.isEmpty()) {
      throw new DomainException(BAD_HEADER, Map.of());
    }
    long skew;
    try {
      skew = Math.absExact(Math.subtractExact(now.getEpochSecond(), timestamp));
    } catch (ArithmeticException e) {
      // a timestamp near Long.MIN_VALUE or MAX_VALUE: the plain difference would wrap around
      skew = Long.MAX_VALUE;
    }
    if (skew > tolerance.toSeconds()) {
      throw new DomainException(STALE, Map.of("seconds", skew, "tolerance", tolerance.toSeconds()));
    }
    byte[] signedPayload = concat((timestamp + ".").getBytes(StandardCharsets.UTF_8), body);
    for (String secret : secrets) {
      byte[] expected = hmac(secret, signedPayload);
      for (byte[] given : signatures) {
        if (MessageDigest.isEqual(expected, given)) {
          return;
        }
      }
    }
    throw new DomainException(BAD_SIGNATURE, Map.of());
  }

  /** The header Stripe would send for {@code body} at {@code time} (for tests and tools). */
  public static String sign(byte[] body, String secret, Instant time) {
    long t = time.getEpochSecond();
    byte[] mac = hmac(secret, concat((t + ".").getBytes(StandardCharsets.UTF_8), body));
    return "t=" + t + ",v1=" + HexFormat.of().formatHex(mac);
  }

  private static byte[] hmac(String secret, byte[] payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(payload);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
