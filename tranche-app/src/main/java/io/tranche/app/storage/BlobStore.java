package io.tranche.app.storage;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where files live (attachments, documents; later sealed artifacts): written by streaming, visible
 * only once completely written, read by streaming. Keys are opaque and chosen by the store.
 */
public interface BlobStore {

  /**
   * Streams {@code content} into a new blob, refusing more than {@code maxBytes}; the blob becomes
   * visible only when completely written. Nothing is left behind on failure.
   */
  StoredBlob put(InputStream content, long maxBytes) throws IOException;

  /** Opens a blob for reading. */
  InputStream open(String key) throws IOException;

  /** Removes a blob; no error when it is gone already. */
  void delete(String key) throws IOException;
}
