package io.tranche.license;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A licence as Tranche issues it and {@link LicenseVerifier} reads it: who may use which product,
 * in which edition ({@code preview} or {@code full}) with which features, from when until when
 * (with an optional grace period after expiry during which an app warns but still runs), on how
 * many machines, signed by which workspace key.
 *
 * @param id the licence id (JWT {@code jti})
 * @param licensee who it is issued to (JWT {@code sub})
 * @param product the product it unlocks
 * @param edition {@code preview} or {@code full}
 * @param features the features it turns on
 * @param notBefore when it starts to be valid (JWT {@code nbf})
 * @param expiresAt when it stops being valid (JWT {@code exp})
 * @param grace how long after {@code expiresAt} an app may still run, warning
 * @param machines on how many machines it may be activated; 0 means no limit
 * @param keyId the fingerprint of the workspace key that signs it (JWT {@code iss}, JWS {@code
 *     kid})
 */
public record License(
    String id,
    String licensee,
    String product,
    String edition,
    List<String> features,
    Instant notBefore,
    Instant expiresAt,
    Duration grace,
    int machines,
    String keyId) {
  public static final String PREVIEW = "preview";
  public static final String FULL = "full";

  public License {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(licensee, "licensee");
    Objects.requireNonNull(product, "product");
    if (!PREVIEW.equals(edition) && !FULL.equals(edition)) {
      throw new IllegalArgumentException("edition is preview or full, not " + edition);
    }
    features = List.copyOf(features);
    Objects.requireNonNull(notBefore, "notBefore");
    Objects.requireNonNull(expiresAt, "expiresAt");
    if (!expiresAt.isAfter(notBefore)) {
      throw new IllegalArgumentException("a licence expires after it starts");
    }
    if (grace.isNegative() || machines < 0) {
      throw new IllegalArgumentException("grace and machines are not negative");
    }
    Objects.requireNonNull(keyId, "keyId");
  }

  /** Whether the licence turns {@code feature} on. */
  public boolean has(String feature) {
    return features.contains(feature);
  }

  /** Whether this is the full edition (and not a preview). */
  public boolean full() {
    return FULL.equals(edition);
  }

  /** The licence as the claims of its JWS payload (see docs/formats.md). */
  Map<String, Object> claims() {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("typ", "tranche.license.v1");
    c.put("jti", id);
    c.put("sub", licensee);
    c.put("product", product);
    c.put("edition", edition);
    c.put("features", features);
    c.put("nbf", notBefore.getEpochSecond());
    c.put("exp", expiresAt.getEpochSecond());
    c.put("grace", grace.getSeconds());
    c.put("machines", (long) machines);
    c.put("iss", keyId);
    return c;
  }

  /** The licence its claims describe; throws {@link IllegalArgumentException} when they do not. */
  static License of(Map<String, Object> c) {
    if (!"tranche.license.v1".equals(c.get("typ"))) {
      throw new IllegalArgumentException("not a tranche.license.v1 payload");
    }
    return new License(
        text(c, "jti"),
        text(c, "sub"),
        text(c, "product"),
        text(c, "edition"),
        strings(c.get("features")),
        Instant.ofEpochSecond(number(c, "nbf")),
        Instant.ofEpochSecond(number(c, "exp")),
        Duration.ofSeconds(c.containsKey("grace") ? number(c, "grace") : 0),
        (int) number(c, "machines"),
        text(c, "iss"));
  }

  private static String text(Map<String, Object> c, String name) {
    if (c.get(name) instanceof String s && !s.isEmpty()) {
      return s;
    }
    throw new IllegalArgumentException(name + " is missing or not a string");
  }

  private static long number(Map<String, Object> c, String name) {
    if (c.get(name) instanceof Long n) {
      return n;
    }
    throw new IllegalArgumentException(name + " is missing or not a whole number");
  }

  private static List<String> strings(Object value) {
    if (!(value instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
      throw new IllegalArgumentException("features is not a list of strings");
    }
    return list.stream().map(String.class::cast).toList();
  }
}
