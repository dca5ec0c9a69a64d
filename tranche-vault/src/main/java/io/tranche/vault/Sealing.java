package io.tranche.vault;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.StreamingAead;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.streamingaead.PredefinedStreamingAeadParameters;
import com.google.crypto.tink.streamingaead.StreamingAeadConfig;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

/**
 * Seals and opens artifacts with Tink's streaming AEAD (AES256_GCM_HKDF_1MB): 1 MiB segments, each
 * authenticated, a fresh data key per artifact, and the artifact id as associated data so a
 * ciphertext cannot be passed off as another artifact. Memory use is constant in the artifact's
 * size; the SHA-256 of plaintext and ciphertext (for the delivery receipt) are computed while
 * streaming.
 */
public final class Sealing {
  private static final int BUFFER = 256 * 1024;

  /** The associated data is this prefix followed by the artifact id (UTF-8). */
  public static final String ASSOCIATED_DATA_PREFIX = "tranche-artifact-v1:";

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

  /**
   * Encrypts {@code plaintext} into {@code ciphertext} (which is not closed). The plaintext and
   * ciphertext SHA-256 run on threads of their own while this thread encrypts, so sealing uses more
   * than one core.
   */
  public static Digests seal(
      DataKey key, String artifactId, InputStream plaintext, OutputStream ciphertext)
      throws IOException {
    HashingPipe plain = new HashingPipe("seal-plaintext-sha256", null);
    HashingPipe cipher = new HashingPipe("seal-ciphertext-sha256", ciphertext);
    boolean done = false;
    try {
      try (OutputStream encrypting = aead(key).newEncryptingStream(cipher, aad(artifactId))) {
        byte[] buffer = new byte[BUFFER];
        for (int n; (n = plaintext.read(buffer)) != -1; ) {
          plain.write(buffer, 0, n);
          encrypting.write(buffer, 0, n);
        }
      } catch (GeneralSecurityException e) {
        throw new VaultException("vault.bad-key", "the data key is not a streaming AEAD key");
      }
      plain.close();
      cipher.close();
      done = true;
    } finally {
      if (!done) {
        plain.abandon();
        cipher.abandon();
      }
    }
    return new Digests(plain.count(), plain.sha256(), cipher.count(), cipher.sha256());
  }

  /**
   * Decrypts {@code ciphertext} into {@code plaintext} (which is not closed); refuses a changed or
   * truncated ciphertext, another key, or another artifact's ciphertext with {@code
   * vault.tampered}. Output written before a bad segment is found must be discarded by the caller.
   */
  public static Digests open(
      DataKey key, String artifactId, InputStream ciphertext, OutputStream plaintext)
      throws IOException {
    HashingPipe cipher = new HashingPipe("open-ciphertext-sha256", null);
    HashingPipe plain = new HashingPipe("open-plaintext-sha256", plaintext);
    boolean done = false;
    InputStream teed =
        new FilterInputStream(ciphertext) {
          @Override
          public int read(byte[] b, int off, int len) throws IOException {
            int n;
            try {
              n = super.read(b, off, len);
            } catch (IOException e) {
              throw new SourceFailure(e);
            }
            if (n > 0) {
              cipher.write(b, off, n);
            }
            return n;
          }

          @Override
          public int read() throws IOException {
            int b;
            try {
              b = super.read();
            } catch (IOException e) {
              throw new SourceFailure(e);
            }
            if (b >= 0) {
              cipher.write(b);
            }
            return b;
          }
        };
    try {
      try (InputStream decrypting = aead(key).newDecryptingStream(teed, aad(artifactId))) {
        byte[] buffer = new byte[BUFFER];
        for (int n; (n = read(decrypting, buffer)) != -1; ) {
          plain.write(buffer, 0, n);
        }
      } catch (GeneralSecurityException e) {
        throw new VaultException("vault.bad-key", "the data key is not a streaming AEAD key");
      }
      cipher.close();
      plain.close();
      done = true;
    } finally {
      if (!done) {
        plain.abandon();
        cipher.abandon();
      }
    }
    return new Digests(plain.count(), plain.sha256(), cipher.count(), cipher.sha256());
  }

  /**
   * A seekable view of the plaintext of a sealed artifact, for ranged reads: only the segments that
   * cover the requested bytes are read and authenticated.
   */
  public static SeekableByteChannel openSeekable(
      DataKey key, String artifactId, SeekableByteChannel ciphertext) throws IOException {
    try {
      return aead(key).newSeekableDecryptingChannel(ciphertext, aad(artifactId));
    } catch (GeneralSecurityException e) {
      throw new VaultException("vault.bad-key", "the data key is not a streaming AEAD key");
    }
  }

  /**
   * Reads from a decrypting stream: a failure to read the ciphertext itself (a network or disk
   * error) is passed on as it is; any other failure is Tink refusing a segment, i.e. tampering.
   */
  static int read(InputStream decrypting, byte[] buffer) throws IOException {
    try {
      return decrypting.read(buffer);
    } catch (SourceFailure e) {
      throw e.source();
    } catch (IOException e) {
      if (e.getCause() instanceof SourceFailure source) {
        throw source.source();
      }
      throw tampered();
    }
  }

  /** The ciphertext's own stream failed (as opposed to its authentication). */
  private static final class SourceFailure extends IOException {
    SourceFailure(IOException cause) {
      super(cause.getMessage(), cause);
    }

    IOException source() {
      return (IOException) getCause();
    }
  }

  static VaultException tampered() {
    return new VaultException(
        "vault.tampered",
        "the ciphertext does not open with this key for this artifact: changed, truncated or another key");
  }

  private static StreamingAead aead(DataKey key) throws GeneralSecurityException {
    KeysetHandle handle =
        TinkProtoKeysetFormat.parseKeyset(key.keyset(), InsecureSecretKeyAccess.get());
    return handle.getPrimitive(RegistryConfiguration.get(), StreamingAead.class);
  }

  private static byte[] aad(String artifactId) {
    return (ASSOCIATED_DATA_PREFIX + artifactId).getBytes(StandardCharsets.UTF_8);
  }
}
