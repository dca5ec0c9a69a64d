package io.tranche.app.message;

import java.io.IOException;
import java.io.InputStream;

/** A file as it arrives with a message: the name the uploader gave and its bytes, streamed. */
public record Upload(String fileName, Source content) {
  /** Opens the upload's bytes; called once. */
  @FunctionalInterface
  public interface Source {
    InputStream open() throws IOException;
  }
}
