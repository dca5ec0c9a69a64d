package io.tranche.vault;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.StreamingAead;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.streamingaead.PredefinedStreamingAeadParameters;
import com.google.crypto.tink.streamingaead.StreamingAeadConfig;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Seals and opens artifacts with Tink's streaming AEAD (AES256_GCM_HKDF_1MB): 1 MiB segments, each
 * authenticated, a fresh data key per artifact, and the artifact id as associated data so a
 * ciphertext cannot be passed off as another artifact. Memory use is constant in the artifact's
 * size; the SHA-256 of plaintext and ciphertext (for the delivery receipt) are computed while
 * streaming.
 */
public final class Sealing {
  private static final int BUFFER = 64 * 1024;

  static {
    try {
      StreamingAeadConfig.register();
    } catch (GeneralSecurityException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private Sealing() {}

  /** What sealing or opening measured: sizes and SHA-256 (hex) on both sides. */
  public record Digests(
      long plaintextSize, String plaintextSha256, long ciphertextSize, String ciphertextSha256) {}

  static byte[] newKeyset() {
    try {
      KeysetHandle handle =
          KeysetHandle.generateNew(PredefinedStreamingAeadParameters.AES256_GCM_HKDF_1MB);
      return TinkProtoKeysetFormat.serializeKeyset(handle, InsecureSecretKeyAccess.get());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot make a data key", e);
    }
  }

  /** Encrypts {@code plaintext} into {@code ciphertext} (which is not closed). */
  public static Digests seal(
      DataKey key, String artifactId, InputStream plaintext, OutputStream ciphertext)
      throws IOException {
    MessageDigest plainSha = sha256();
    CountingDigestStream cipherOut = new CountingDigestStream(ciphertext);
    long plainSize = 0;
    try (OutputStream encrypting = aead(key).newEncryptingStream(cipherOut, aad(artifactId))) {
      byte[] buffer = new byte[BUFFER];
      for (int n; (n = plaintext.read(buffer)) != -1; ) {
        plainSha.update(buffer, 0, n);
        plainSize += n;
        encrypting.write(buffer, 0, n);
      }
    } catch (GeneralSecurityException e) {
      throw new VaultException("vault.bad-key", "the data key is not a streaming AEAD key");
    }
    return new Digests(plainSize, hex(plainSha), cipherOut.count, hex(cipherOut.sha));
  }

  /**
   * Decrypts {@code ciphertext} into {@code plaintext} (which is not closed); refuses a changed or
   * truncated ciphertext, another key, or another artifact's ciphertext with {@code
   * vault.tampered}. Output written before a bad segment is found must be discarded by the caller.
   */
  public static Digests open(
      DataKey key, String artifactId, InputStream ciphertext, OutputStream plaintext)
      throws IOException {
    MessageDigest cipherSha = sha256();
    CountingDigestStream plainOut = new CountingDigestStream(plaintext);
    DigestInputStream cipherIn = new DigestInputStream(ciphertext, cipherSha);
    long[] cipherCount = {0};
    InputStream counted =
        new java.io.FilterInputStream(cipherIn) {
          @Override
          public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
              cipherCount[0] += n;
            }
            return n;
          }

          @Override
          public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
              cipherCount[0]++;
            }
            return b;
          }
        };
    try (InputStream decrypting = aead(key).newDecryptingStream(counted, aad(artifactId))) {
      byte[] buffer = new byte[BUFFER];
      for (int n; (n = decrypting.read(buffer)) != -1; ) {
        plainOut.write(buffer, 0, n);
      }
    } catch (GeneralSecurityException e) {
      throw new VaultException("vault.bad-key", "the data key is not a streaming AEAD key");
    } catch (IOException e) {
      throw new VaultException(
          "vault.tampered",
          "the ciphertext does not open with this key for this artifact: changed, truncated or another key");
    }
    plainOut.flush();
    return new Digests(plainOut.count, hex(plainOut.sha), cipherCount[0], hex(cipherSha));
  }

  private static StreamingAead aead(DataKey key) throws GeneralSecurityException {
    KeysetHandle handle =
        TinkProtoKeysetFormat.parseKeyset(key.keyset(), InsecureSecretKeyAccess.get());
    return handle.getPrimitive(RegistryConfiguration.get(), StreamingAead.class);
  }

  private static byte[] aad(String artifactId) {
    return ("tranche-artifact-v1:" + artifactId).getBytes(StandardCharsets.UTF_8);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String hex(MessageDigest sha) {
    return HexFormat.of().formatHex(sha.digest());
  }

  /** An output stream that hashes and counts what passes through, without closing the target. */
  private static final class CountingDigestStream extends FilterOutputStream {
    final MessageDigest sha = sha256();
    long count;

    CountingDigestStream(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      sha.update((byte) b);
      count++;
      out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      sha.update(b, off, len);
      count += len;
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
