package io.tranche.license;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes licences for the issuer: the signing input of a licence (header and payload, each
 * base64url) and the token once it is signed. Tranche signs with the workspace's key where it keeps
 * it; {@link #sign} signs with a JDK key, for tests and test vectors.
 */
public final class LicenseTokens {
  private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

  private LicenseTokens() {}

  /** {@code base64url(header) "." base64url(payload)}: the bytes Ed25519 signs, as ASCII. */
  public static String signingInput(License license) {
    Map<String, Object> header = new LinkedHashMap<>();
    header.put("alg", "EdDSA");
    header.put("kid", license.keyId());
    header.put("typ", "tranche-license+jws");
    return encode(Json.write(header)) + "." + encode(Json.write(license.claims()));
  }

  /** The compact JWS: the signing input and the signature over it. */
  public static String token(String signingInput, byte[] signature) {
    return signingInput + "." + B64URL.encodeToString(signature);
  }

  /** Signs a licence with a JDK Ed25519 private key. */
  public static String sign(License license, PrivateKey key) {
    String input = signingInput(license);
    try {
      Signature signer = Signature.getInstance("Ed25519");
      signer.initSign(key);
      signer.update(input.getBytes(StandardCharsets.US_ASCII));
      return token(input, signer.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot sign with this key", e);
    }
  }

  /**
   * The licence id a token claims, read without checking anything: only to find the key and the
   * record to check it against. Empty when the token does not even say one.
   */
  public static java.util.Optional<String> claimedId(String token) {
    String[] parts = token.strip().split("\\.", -1);
    if (parts.length != 3) {
      return java.util.Optional.empty();
    }
    try {
      Object id =
          Json.object(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8))
              .get("jti");
      return id instanceof String s ? java.util.Optional.of(s) : java.util.Optional.empty();
    } catch (IllegalArgumentException e) {
      return java.util.Optional.empty();
    }
  }

  private static String encode(String json) {
    return B64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
