package io.tranche.app.storage;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A blob being written: invisible under its {@link #key()} until {@link #commit()}; closing without
 * committing throws the written bytes away. The key is known from the start, so a caller can record
 * it before writing and clean up after a crash with {@link BlobStore#delete(String)}.
 */
public interface BlobWriter extends AutoCloseable {
  String key();

  /** Where the bytes go; closing it does not commit. */
  OutputStream stream();

  /** Makes the blob visible, atomically: before this, readers see nothing under the key. */
  void commit() throws IOException;

  /** Throws away what was written unless committed. */
  @Override
  void close() throws IOException;
}
