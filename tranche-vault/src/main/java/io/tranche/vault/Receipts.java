package io.tranche.vault;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.tranche.core.evidence.CanonicalJson;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Delivery receipts as JWS compact serializations signed with Ed25519 ({@code "alg":"EdDSA"}, RFC
 * 8037): {@code base64url(header) "." base64url(payload) "." base64url(signature)}, the header and
 * payload being canonical JSON (docs/formats.md).
 */
public final class Receipts {
  /** The {@code typ} header of a delivery receipt. */
  public static final String JWS_TYPE = "tranche-receipt+jws";

  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getUrlDecoder();
  private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");
  // DER prefix of an X.509 SubjectPublicKeyInfo holding a raw 32-byte Ed25519 key
  private static final byte[] ED25519_SPKI_PREFIX = {
    0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00
  };

  private Receipts() {}

  /** Signs a receipt with the workspace's Ed25519 private key; {@code keyId} goes in the header. */
  public static String sign(DeliveryReceipt receipt, PrivateKey key, String keyId) {
    Map<String, Object> header = new LinkedHashMap<>();
    header.put("alg", "EdDSA");
    header.put("kid", keyId);
    header.put("typ", JWS_TYPE);
    String signingInput =
        b64(CanonicalJson.write(header)) + "." + b64(CanonicalJson.write(receipt.toMap()));
    try {
      Signature ed = Signature.getInstance("Ed25519");
      ed.initSign(key);
      ed.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return signingInput + "." + B64.encodeToString(ed.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign with an Ed25519 key", e);
    }
  }

  /**
   * Checks a receipt's signature against the workspace's public key and returns what it states;
   * refuses a malformed receipt ({@code receipt.malformed}), another algorithm ({@code
   * receipt.algorithm}) and a bad signature ({@code receipt.bad-signature}).
   */
  public static DeliveryReceipt verify(String jws, PublicKey key) {
    String[] parts = jws.strip().split("\\.", -1);
    if (parts.length != 3) {
      throw malformed("a receipt is three base64url parts separated by dots");
    }
    JsonObject header = json(parts[0], "header");
    String alg = string(header, "alg", "header");
    if (!"EdDSA".equals(alg)) {
      throw new VaultException(
          "receipt.algorithm", "the receipt is signed with " + alg + ", only EdDSA is accepted");
    }
    byte[] signature = decode(parts[2], "signature");
    boolean valid;
    try {
      Signature ed = Signature.getInstance("Ed25519");
      ed.initVerify(key);
      ed.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
      valid = signature.length == 64 && ed.verify(signature);
    } catch (GeneralSecurityException e) {
      throw new VaultException("receipt.key", "the public key is not an Ed25519 key");
    }
    if (!valid) {
      throw new VaultException(
          "receipt.bad-signature",
          "the receipt's signature does not verify with this public key: it was changed, or signed"
              + " by another key");
    }
    return parse(json(parts[1], "payload"));
  }

  /** The payload of a receipt, without checking its signature (for display only). */
  public static DeliveryReceipt readUnverified(String jws) {
    String[] parts = jws.strip().split("\\.", -1);
    if (parts.length != 3) {
      throw malformed("a receipt is three base64url parts separated by dots");
    }
    return parse(json(parts[1], "payload"));
  }

  /**
   * An Ed25519 public key from text: a JWK ({@code {"kty":"OKP","crv":"Ed25519","x":…}}), a PEM
   * {@code PUBLIC KEY}, base64 of the X.509 DER form, or base64/base64url of the raw 32 bytes.
   */
  public static PublicKey parsePublicKey(String text) {
    String t = text.strip();
    byte[] raw;
    if (t.startsWith("{")) {
      JsonObject jwk = object(t, "key");
      if (!"OKP".equals(optional(jwk, "kty")) || !"Ed25519".equals(optional(jwk, "crv"))) {
        throw new VaultException("receipt.key", "the JWK is not an Ed25519 (OKP) key");
      }
      raw = decodeKey(string(jwk, "x", "key"));
    } else {
      String body = t.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
      raw = decodeKey(body);
    }
    byte[] spki;
    if (raw.length == 32) {
      spki = Arrays.copyOf(ED25519_SPKI_PREFIX, ED25519_SPKI_PREFIX.length + 32);
      System.arraycopy(raw, 0, spki, ED25519_SPKI_PREFIX.length, 32);
    } else {
      spki = raw;
    }
    try {
      return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
    } catch (GeneralSecurityException e) {
      throw new VaultException("receipt.key", "the public key is not an Ed25519 key");
    }
  }

  /**
   * The fingerprint people compare (printed on the contract PDF and the portal): SHA-256 of the raw
   * 32-byte public key, hex in groups of four.
   */
  public static String fingerprint(PublicKey key) {
    byte[] encoded = key.getEncoded();
    byte[] raw = Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
    String hex = java.util.HexFormat.of().formatHex(HashingPipe.newSha256().digest(raw));
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < hex.length(); i += 4) {
      if (i > 0) {
        out.append(' ');
      }
      out.append(hex, i, i + 4);
    }
    return out.toString();
  }

  /** The raw 32-byte public key as a JWK, for publishing. */
  public static String toJwk(PublicKey key) {
    byte[] encoded = key.getEncoded();
    byte[] raw = Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
    Map<String, Object> jwk = new LinkedHashMap<>();
    jwk.put("crv", "Ed25519");
    jwk.put("kty", "OKP");
    jwk.put("x", B64.encodeToString(raw));
    return CanonicalJson.write(jwk);
  }

  private static DeliveryReceipt parse(JsonObject p) {
    String type = string(p, "type", "payload");
    if (!DeliveryReceipt.TYPE.equals(type)) {
      throw malformed("the payload is a " + type + ", not a " + DeliveryReceipt.TYPE);
    }
    if (!DeliveryReceipt.SEALING.equals(optional(p, "sealing"))) {
      throw malformed("the payload names an unknown sealing format: " + optional(p, "sealing"));
    }
    DeliveryReceipt receipt =
        new DeliveryReceipt(
            string(p, "workspaceId", "payload"),
            string(p, "projectId", "payload"),
            string(p, "milestoneId", "payload"),
            string(p, "artifactId", "payload"),
            string(p, "artifactName", "payload"),
            string(p, "mediaType", "payload"),
            size(p, "plaintextSize"),
            hex(p, "plaintextSha256"),
            size(p, "ciphertextSize"),
            hex(p, "ciphertextSha256"),
            hex(p, "keyCommitment"),
            optional(p, "contractSha256"),
            string(p, "issuedAt", "payload"));
    if (!receipt.associatedData().equals(optional(p, "associatedData"))) {
      throw malformed("associatedData does not match the artifact id");
    }
    return receipt;
  }

  private static JsonObject json(String part, String what) {
    return object(new String(decode(part, what), StandardCharsets.UTF_8), what);
  }

  private static JsonObject object(String text, String what) {
    try {
      JsonElement e = JsonParser.parseString(text);
      if (!e.isJsonObject()) {
        throw malformed("the " + what + " is not a JSON object");
      }
      return e.getAsJsonObject();
    } catch (JsonParseException e) {
      throw malformed("the " + what + " is not JSON");
    }
  }

  private static byte[] decode(String part, String what) {
    try {
      return B64D.decode(part);
    } catch (IllegalArgumentException e) {
      throw malformed("the " + what + " is not base64url");
    }
  }

  private static byte[] decodeKey(String text) {
    try {
      return Base64.getDecoder().decode(text.replace('-', '+').replace('_', '/'));
    } catch (IllegalArgumentException e) {
      throw new VaultException("receipt.key", "the public key is not base64, PEM or a JWK");
    }
  }

  private static String string(JsonObject o, String member, String what) {
    String value = optional(o, member);
    if (value == null) {
      throw malformed("the " + what + " has no string member " + member);
    }
    return value;
  }

  private static @Nullable String optional(JsonObject o, String member) {
    JsonElement e = o.get(member);
    if (e == null || e.isJsonNull()) {
      return null;
    }
    if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
      throw malformed(member + " is not a string");
    }
    return e.getAsString();
  }

  private static long size(JsonObject o, String member) {
    JsonElement e = o.get(member);
    try {
      if (e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
        long n = e.getAsBigDecimal().longValueExact();
        if (n >= 0) {
          return n;
        }
      }
    } catch (ArithmeticException | NumberFormatException ignored) {
      // not a long, or beyond what Gson turns into a BigDecimal (e.g. 1e100000): the error below
    }
    throw malformed(member + " is not a whole number of bytes");
  }

  private static String hex(JsonObject o, String member) {
    String value = string(o, member, "payload");
    if (!HEX64.matcher(value).matches()) {
      throw malformed(member + " is not 64 lower-case hex digits");
    }
    return value;
  }

  private static String b64(String json) {
    return B64.encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  private static VaultException malformed(String why) {
    return new VaultException("receipt.malformed", why);
  }
}
