package io.tranche.license;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code docs/test-vectors/licenses.json}, the licence vectors of docs/formats.md: run it
 * only when the format changes ({@code LicenseVectorsTest} checks the file against the code).
 */
final class LicenseVectors {
  static final Path FILE = Path.of("..", "docs", "test-vectors", "licenses.json");
  static final Instant START = Instant.parse("2026-12-01T00:00:00Z");

  private LicenseVectors() {}

  public static void main(String[] args) throws Exception {
    Files.writeString(FILE, pretty(vectors()) + "\n", StandardCharsets.UTF_8);
  }

  static Map<String, Object> vectors() throws Exception {
    PublicKey key = Keys.publicKey(Keys.PUBLIC_1);
    String kid = LicenseVerifier.fingerprint(key);
    License preview =
        new License(
            "7d3c2a5e-0b1f-4c8e-9a61-2f4b8d0e6c13",
            "Nordlicht GmbH",
            "nordlicht-shop",
            License.PREVIEW,
            List.of("catalogue"),
            START,
            START.plus(Duration.ofDays(14)),
            Duration.ofDays(3),
            2,
            kid);
    License full =
        new License(
            "c1a9e0d4-5f27-4b3a-8e16-9d2f7a4c0b58",
            "Nordlicht GmbH",
            "nordlicht-shop",
            License.FULL,
            List.of("catalogue", "checkout", "export"),
            START,
            START.plus(Duration.ofDays(3650)),
            Duration.ZERO,
            5,
            kid);
    String previewToken = LicenseTokens.sign(preview, Keys.privateKey(Keys.SEED_1));
    String fullToken = LicenseTokens.sign(full, Keys.privateKey(Keys.SEED_1));
    String[] parts = fullToken.split("\\.");
    String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
    String tampered =
        parts[0]
            + "."
            + Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                    payload
                        .replace("\"machines\":5", "\"machines\":500")
                        .getBytes(StandardCharsets.UTF_8))
            + "."
            + parts[2];
    List<Object> cases = new ArrayList<>();
    cases.add(c("preview, valid", previewToken, "2026-12-02T09:00:00Z", null, "VALID", false));
    cases.add(
        c(
            "preview, in its grace period",
            previewToken,
            "2026-12-16T12:00:00Z",
            null,
            "VALID",
            true));
    cases.add(c("preview, expired", previewToken, "2026-12-18T00:00:00Z", null, "EXPIRED", false));
    cases.add(
        c("full, not yet valid", fullToken, "2026-11-30T23:59:59Z", null, "NOT_YET_VALID", false));
    cases.add(
        c("full, valid", fullToken, "2027-06-01T00:00:00Z", "nordlicht-shop", "VALID", false));
    cases.add(
        c(
            "full, wrong product",
            fullToken,
            "2027-06-01T00:00:00Z",
            "another-tool",
            "WRONG_PRODUCT",
            false));
    Map<String, Object> revoked =
        c("full, revoked", fullToken, "2027-06-01T00:00:00Z", null, "REVOKED", false);
    revoked.put("revoked", List.of(full.id()));
    cases.add(revoked);
    cases.add(
        c(
            "full, tampered (machines 5 -> 500)",
            tampered,
            "2027-06-01T00:00:00Z",
            null,
            "BAD_SIGNATURE",
            false));
    Map<String, Object> wrongKey =
        c(
            "full, checked with another key",
            fullToken,
            "2027-06-01T00:00:00Z",
            null,
            "WRONG_KEY",
            false);
    wrongKey.put("publicKeyJwk", jwk(Keys.PUBLIC_2));
    cases.add(wrongKey);
    Map<String, Object> v = new LinkedHashMap<>();
    v.put(
        "note",
        "Test keys from RFC 8032 section 7.1 (tests 1 and 2), published on purpose: never use them for anything else.");
    v.put("signingSeedHex", Keys.SEED_1);
    v.put("publicKeyJwk", jwk(Keys.PUBLIC_1));
    v.put("keyId", kid);
    v.put("licenses", List.of(preview.claims(), full.claims()));
    v.put("cases", cases);
    return v;
  }

  private static Map<String, Object> c(
      String name, String token, String now, String product, String verdict, boolean inGrace) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("name", name);
    c.put("token", token);
    c.put("now", now);
    c.put("product", product);
    c.put("revoked", List.of());
    c.put("verdict", verdict);
    c.put("inGrace", inGrace);
    return c;
  }

  static String jwk(String rawHex) {
    return "{\"crv\":\"Ed25519\",\"kty\":\"OKP\",\"x\":\""
        + Base64.getUrlEncoder().withoutPadding().encodeToString(HexFormat.of().parseHex(rawHex))
        + "\"}";
  }

  /** The vectors, one member or list item per line, for people to read. */
  private static String pretty(Object value) {
    return pretty(value, "");
  }

  private static String pretty(Object value, String indent) {
    String in = indent + "  ";
    if (value instanceof Map<?, ?> map && !map.isEmpty()) {
      StringBuilder b = new StringBuilder("{\n");
      String sep = "";
      for (Map.Entry<?, ?> e : map.entrySet()) {
        b.append(sep).append(in).append(Json.write(e.getKey())).append(": ");
        b.append(pretty(e.getValue(), in));
        sep = ",\n";
      }
      return b.append("\n").append(indent).append("}").toString();
    }
    if (value instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map) {
      StringBuilder b = new StringBuilder("[\n");
      String sep = "";
      for (Object item : list) {
        b.append(sep).append(in).append(pretty(item, in));
        sep = ",\n";
      }
      return b.append("\n").append(indent).append("]").toString();
    }
    return Json.write(value);
  }
}
