package io.tranche.vault;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A key-encryption key (KEK) of the installation: wraps secrets at rest (signing keys, data keys)
 * with AES-256-GCM, a fresh 96-bit nonce per wrap, and associated data that binds a wrapped key to
 * what it belongs to (so a wrapped key moved to another row does not open).
 *
 * <p>Wrapped form: {@code v1.<keyId>.<base64url(nonce ‖ ciphertext ‖ tag)>}, where {@code keyId} is
 * the first 8 bytes of SHA-256("tranche-kek-id" ‖ key) in hex. The id lets the KEK rotate: a
 * wrapped key names the KEK that opens it.
 */
public final class KeyEncryptionKey {
  private static final String VERSION = "v1";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final byte[] key;
  private final String id;

  private KeyEncryptionKey(byte[] key) {
    if (key.length != 32) {
      throw new IllegalArgumentException("a key-encryption key has 32 bytes, got " + key.length);
    }
    this.key = key.clone();
    this.id = idOf(this.key);
  }

  /** A KEK from its 32 raw bytes. */
  public static KeyEncryptionKey of(byte[] key) {
    return new KeyEncryptionKey(key);
  }

  /** A KEK from its unpadded or padded base64 (standard or URL alphabet). */
  public static KeyEncryptionKey fromBase64(String encoded) {
    String s = encoded.strip().replace('+', '-').replace('/', '_').replace("=", "");
    return new KeyEncryptionKey(Base64.getUrlDecoder().decode(s));
  }

  /** A new random KEK. */
  public static KeyEncryptionKey generate() {
    byte[] key = new byte[32];
    RANDOM.nextBytes(key);
    return new KeyEncryptionKey(key);
  }

  /** The KEK's 32 bytes in base64url, for storing it in a protected file. */
  public String toBase64() {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(key);
  }

  /** The id wrapped keys carry, 16 hex digits. */
  public String id() {
    return id;
  }

  /** Wraps {@code secret}; {@code context} must be given again to unwrap. */
  public String wrap(byte[] secret, String context) {
    byte[] nonce = new byte[12];
    RANDOM.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
      cipher.updateAAD(aad(context));
      byte[] sealed = cipher.doFinal(secret);
      byte[] out = new byte[nonce.length + sealed.length];
      System.arraycopy(nonce, 0, out, 0, nonce.length);
      System.arraycopy(sealed, 0, out, nonce.length, sealed.length);
      return VERSION + "." + id + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is part of every JDK", e);
    }
  }

  /**
   * Unwraps a secret wrapped by this KEK for the same {@code context}; refuses one wrapped by
   * another KEK, for another context, or changed.
   */
  public byte[] unwrap(String wrapped, String context) {
    String[] parts = Objects.requireNonNull(wrapped, "wrapped").split("\\.");
    if (parts.length != 3 || !parts[0].equals(VERSION)) {
      throw new VaultException("vault.bad-wrapped-key", "not a wrapped key of format " + VERSION);
    }
    if (!parts[1].equals(id)) {
      throw new VaultException(
          "vault.unknown-kek",
          "the key was wrapped by key-encryption key " + parts[1] + ", not " + id);
    }
    byte[] in;
    try {
      in = Base64.getUrlDecoder().decode(parts[2]);
    } catch (IllegalArgumentException e) {
      throw new VaultException("vault.bad-wrapped-key", "the wrapped key is not base64url");
    }
    if (in.length < 12 + 16) {
      throw new VaultException("vault.bad-wrapped-key", "the wrapped key is too short");
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.DECRYPT_MODE,
          new SecretKeySpec(key, "AES"),
          new GCMParameterSpec(128, Arrays.copyOfRange(in, 0, 12)));
      cipher.updateAAD(aad(context));
      return cipher.doFinal(in, 12, in.length - 12);
    } catch (GeneralSecurityException e) {
      throw new VaultException(
          "vault.unwrap-failed", "the wrapped key does not open: changed, or for another context");
    }
  }

  /** Which KEK id a wrapped key names. */
  public static String keyIdOf(String wrapped) {
    String[] parts = wrapped.split("\\.");
    return parts.length == 3 ? parts[1] : "";
  }

  private static byte[] aad(String context) {
    return ("tranche-kek-v1:" + context).getBytes(StandardCharsets.UTF_8);
  }

  private static String idOf(byte[] key) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update("tranche-kek-id".getBytes(StandardCharsets.US_ASCII));
      return HexFormat.of().formatHex(Arrays.copyOf(sha.digest(key), 8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String toString() {
    return "KeyEncryptionKey[" + id + "]";
  }
}
