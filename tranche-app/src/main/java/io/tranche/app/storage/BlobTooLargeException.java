package io.tranche.app.storage;

import java.io.IOException;

/** A blob was refused because it is larger than allowed. */
public class BlobTooLargeException extends IOException {
  private final long maxBytes;

  public BlobTooLargeException(long maxBytes) {
    super("larger than " + maxBytes + " bytes");
    this.maxBytes = maxBytes;
  }

  public long maxBytes() {
    return maxBytes;
  }
}
