package io.tranche.license;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;

/**
 * Checks a licence with the JDK alone (Java 17+): a JWS in compact form (RFC 7515) signed with
 * Ed25519 (EdDSA, RFC 8037) by the vendor's workspace key. Embed this class, {@link License},
 * {@link Verdict} and {@code Json} in a desktop tool; give it the vendor's public key (their JWK or
 * its 32 raw bytes), a clock, and optionally the product you expect and the revoked licence ids you
 * were given. It never throws for a bad token: it says why the token is refused.
 */
public final class LicenseVerifier {
  private static final Base64.Decoder B64URL = Base64.getUrlDecoder();

  /** The DER prefix of an X.509 SubjectPublicKeyInfo for an Ed25519 key (RFC 8410). */
  private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

  private LicenseVerifier() {}

  /** {@link #verify(String, PublicKey, Clock, String, Set)} for any product, nothing revoked. */
  public static Verdict verify(String token, PublicKey key, Clock clock) {
    return verify(token, key, clock, null, Set.of());
  }

  /**
   * The verdict on {@code token}: its form, key, signature, validity at {@code clock}'s instant,
   * product (unless {@code product} is null) and whether its id is in {@code revoked}, in that
   * order; the first that fails is the reason.
   */
  public static Verdict verify(
      String token, PublicKey key, Clock clock, String product, Set<String> revoked) {
    String[] parts = token.strip().split("\\.", -1);
    if (parts.length != 3) {
      return refuse(Verdict.Reason.MALFORMED, "a licence has three parts separated by dots");
    }
    Map<String, Object> header;
    License license;
    byte[] signature;
    try {
      header = Json.object(new String(B64URL.decode(parts[0]), StandardCharsets.UTF_8));
      license =
          License.of(Json.object(new String(B64URL.decode(parts[1]), StandardCharsets.UTF_8)));
      signature = B64URL.decode(parts[2]);
    } catch (IllegalArgumentException e) {
      return refuse(Verdict.Reason.MALFORMED, e.getMessage());
    }
    if (!"EdDSA".equals(header.get("alg"))) {
      return refuse(
          Verdict.Reason.UNSUPPORTED_ALGORITHM, "signed with " + header.get("alg") + ", not EdDSA");
    }
    String keyId = fingerprint(key);
    if (!keyId.equals(header.get("kid")) || !keyId.equals(license.keyId())) {
      return refuse(
          Verdict.Reason.WRONG_KEY,
          "issued by key " + license.keyId() + ", not by the given key " + keyId);
    }
    if (!signed((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII), signature, key)) {
      return refuse(Verdict.Reason.BAD_SIGNATURE, "the signature does not match the licence");
    }
    Instant now = clock.instant();
    if (now.isBefore(license.notBefore())) {
      return refuse(Verdict.Reason.NOT_YET_VALID, "valid from " + license.notBefore());
    }
    boolean expired = !now.isBefore(license.expiresAt());
    if (expired && !now.isBefore(license.expiresAt().plus(license.grace()))) {
      return refuse(Verdict.Reason.EXPIRED, "expired at " + license.expiresAt());
    }
    if (product != null && !product.equals(license.product())) {
      return refuse(
          Verdict.Reason.WRONG_PRODUCT, "for " + license.product() + ", not for " + product);
    }
    if (revoked.contains(license.id())) {
      return refuse(Verdict.Reason.REVOKED, "licence " + license.id() + " was revoked");
    }
    return new Verdict.Valid(license, expired);
  }

  /**
   * The vendor's public key from text: a JWK ({@code {"kty":"OKP","crv":"Ed25519","x":…}}), a PEM
   * {@code PUBLIC KEY}, or base64/base64url of the X.509 form or of the 32 raw bytes.
   */
  public static PublicKey publicKey(String text) {
    String t = text.strip();
    byte[] raw;
    if (t.startsWith("{")) {
      Map<String, Object> jwk = Json.object(t);
      if (!"OKP".equals(jwk.get("kty")) || !"Ed25519".equals(jwk.get("crv"))) {
        throw new IllegalArgumentException("not an Ed25519 JWK");
      }
      raw = B64URL.decode((String) jwk.get("x"));
    } else {
      String body = t.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
      byte[] bytes =
          body.contains("-") || body.contains("_")
              ? B64URL.decode(body)
              : Base64.getDecoder().decode(body);
      raw =
          bytes.length == 44 && Arrays.equals(Arrays.copyOf(bytes, 12), X509_PREFIX)
              ? Arrays.copyOfRange(bytes, 12, 44)
              : bytes;
    }
    if (raw.length != 32) {
      throw new IllegalArgumentException("an Ed25519 public key has 32 bytes, not " + raw.length);
    }
    try {
      byte[] der = Arrays.copyOf(X509_PREFIX, 44);
      System.arraycopy(raw, 0, der, 12, 32);
      return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("not an Ed25519 public key", e);
    }
  }

  /** The key's fingerprint, as Tranche prints it: SHA-256 of its 32 raw bytes, in hex. */
  public static String fingerprint(PublicKey key) {
    byte[] der = key.getEncoded();
    byte[] raw = Arrays.copyOfRange(der, der.length - 32, der.length);
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private static boolean signed(byte[] input, byte[] signature, PublicKey key) {
    try {
      Signature verifier = Signature.getInstance("Ed25519");
      verifier.initVerify(key);
      verifier.update(input);
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private static Verdict refuse(Verdict.Reason reason, String detail) {
    return new Verdict.Refused(reason, detail);
  }
}
