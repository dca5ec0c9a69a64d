package io.tranche.vault;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * An artifact's data key: a Tink keyset holding one AES256_GCM_HKDF_1MB streaming key, fresh per
 * artifact. Its {@link #commitment()} — SHA-256 over a fixed label and the serialized keyset — goes
 * into the delivery receipt, so the client can check that a released key is the one the receipt
 * promised before using it.
 */
public final class DataKey {
  static final byte[] COMMITMENT_LABEL =
      "tranche-key-commitment-v1\0".getBytes(StandardCharsets.US_ASCII);

  private final byte[] keyset;

  private DataKey(byte[] keyset) {
    this.keyset = keyset.clone();
  }

  /** A new random data key. */
  public static DataKey generate() {
    return new DataKey(Sealing.newKeyset());
  }

  /** A data key from its serialized keyset (e.g. released to the client, base64-decoded). */
  public static DataKey of(byte[] keyset) {
    return new DataKey(keyset);
  }

  /** The serialized keyset; this is the secret the release hands over. */
  public byte[] keyset() {
    return keyset.clone();
  }

  /** The lower-case hex commitment to this key. */
  public String commitment() {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(COMMITMENT_LABEL);
      return HexFormat.of().formatHex(sha.digest(keyset));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** This key wrapped by the key-encryption key, bound to its artifact. */
  public String wrap(KeyEncryptionKey kek, String artifactId) {
    return kek.wrap(keyset, context(artifactId));
  }

  /** A data key unwrapped for its artifact. */
  public static DataKey unwrap(KeyEncryptionKey kek, String wrapped, String artifactId) {
    return new DataKey(kek.unwrap(wrapped, context(artifactId)));
  }

  /** The context a wrapped data key is bound to: its artifact. */
  public static String context(String artifactId) {
    return "artifact-data-key:" + artifactId;
  }

  @Override
  public String toString() {
    return "DataKey[commitment=" + commitment() + "]";
  }
}
