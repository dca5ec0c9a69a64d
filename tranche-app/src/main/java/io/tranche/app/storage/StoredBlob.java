package io.tranche.app.storage;

/**
 * A blob as written: its key, its size, the lower-case hex SHA-256 of its bytes, and its first
 * bytes (for content sniffing).
 */
public record StoredBlob(String key, long size, String sha256, byte[] head) {
  public StoredBlob {
    head = head.clone();
  }

  @Override
  public byte[] head() {
    return head.clone();
  }
}
