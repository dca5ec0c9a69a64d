package io.tranche.app.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature a webhook carries in {@code Tranche-Signature: t=<unix seconds>,v1=<hex>}:
 * HMAC-SHA256 with the endpoint's secret over {@code <t>.<body>}. During a secret rotation a second
 * {@code v1} made with the previous secret follows. A receiver checks that one {@code v1} matches
 * and that {@code t} is recent (five minutes), which stops replays.
 */
public final class WebhookSignature {
  /** How far a timestamp may be from the receiver's clock. */
  public static final long TOLERANCE_SECONDS = 300;

  private WebhookSignature() {}

  /** The hex HMAC-SHA256 of {@code <timestamp>.<body>} under {@code secret}. */
  public static String sign(String secret, long timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  /**
   * Whether {@code header} signs {@code body} with {@code secret}, at most five minutes from now.
   */
  public static boolean verify(String header, byte[] body, String secret, long nowSeconds) {
    long t = -1;
    java.util.List<String> signatures = new java.util.ArrayList<>();
    for (String part : header.split(",")) {
      String[] kv = part.strip().split("=", 2);
      if (kv.length == 2 && kv[0].equals("t")) {
        try {
          t = Long.parseLong(kv[1]);
        } catch (NumberFormatException e) {
          return false;
        }
      } else if (kv.length == 2 && kv[0].equals("v1")) {
        signatures.add(kv[1]);
      }
    }
    if (t < 0 || Math.abs(nowSeconds - t) > TOLERANCE_SECONDS) {
      return false;
    }
    byte[] expected = sign(secret, t, body).getBytes(StandardCharsets.US_ASCII);
    for (String s : signatures) {
      if (MessageDigest.isEqual(expected, s.getBytes(StandardCharsets.US_ASCII))) {
        return true;
      }
    }
    return false;
  }
}
