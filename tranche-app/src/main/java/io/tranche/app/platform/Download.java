package io.tranche.app.platform;

import java.io.InputStream;

/** An attachment opened for download: its name, sniffed type, size and bytes. */
public record Download(String fileName, String contentType, long size, InputStream content) {
  /** The whole content, for a small document (a PDF to attach); closes the stream. */
  public byte[] readAll() {
    try (InputStream in = content) {
      return in.readAllBytes();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
