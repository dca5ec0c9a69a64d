package io.tranche.app.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Where files live (attachments, documents, sealed artifacts): written by streaming, visible only
 * once completely written, read by streaming (from any offset). Keys are opaque and chosen by the
 * store. Two backends: local files (default) and S3-compatible object storage.
 */
public interface BlobStore {
  int HEAD = 512;

  /** Starts a new blob, invisible until its writer commits. */
  BlobWriter create() throws IOException;

  /** Opens a blob for reading from {@code offset} on. */
  InputStream open(String key, long offset) throws IOException;

  /** The size of a committed blob. */
  long size(String key) throws IOException;

  /** Removes a blob, committed or not; no error when it is gone already. */
  void delete(String key) throws IOException;

  /** Opens a blob for reading. */
  default InputStream open(String key) throws IOException {
    return open(key, 0);
  }

  /**
   * Streams {@code content} into a new blob, refusing more than {@code maxBytes}; the blob becomes
   * visible only when completely written. Nothing is left behind on failure.
   */
  default StoredBlob put(InputStream content, long maxBytes) throws IOException {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    byte[] head = new byte[0];
    long size = 0;
    try (BlobWriter writer = create()) {
      OutputStream out = writer.stream();
      byte[] buffer = new byte[64 * 1024];
      for (int n; (n = content.read(buffer)) != -1; ) {
        size += n;
        if (size > maxBytes) {
          throw new BlobTooLargeException(maxBytes);
        }
        if (head.length < HEAD) {
          int take = (int) Math.min(HEAD - head.length, n);
          byte[] grown = Arrays.copyOf(head, head.length + take);
          System.arraycopy(buffer, 0, grown, head.length, take);
          head = grown;
        }
        sha.update(buffer, 0, n);
        out.write(buffer, 0, n);
      }
      out.close();
      writer.commit();
      return new StoredBlob(writer.key(), size, HexFormat.of().formatHex(sha.digest()), head);
    }
  }
}
