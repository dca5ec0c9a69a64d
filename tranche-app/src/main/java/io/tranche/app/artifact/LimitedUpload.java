package io.tranche.app.artifact;

import io.tranche.app.storage.BlobTooLargeException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** An upload's bytes, refused beyond the size limit; a read failure is a cut-off upload. */
final class LimitedUpload {
  private LimitedUpload() {}

  static InputStream of(InputStream body, long maxBytes) {
    return new FilterInputStream(body) {
      private long count;

      @Override
      public int read() throws IOException {
        int b;
        try {
          b = super.read();
        } catch (IOException e) {
          throw new CutOff(e);
        }
        if (b >= 0 && ++count > maxBytes) {
          throw new BlobTooLargeException(maxBytes);
        }
        return b;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        int n;
        try {
          n = super.read(b, off, len);
        } catch (IOException e) {
          throw new CutOff(e);
        }
        if (n > 0) {
          count += n;
          if (count > maxBytes) {
            throw new BlobTooLargeException(maxBytes);
          }
        }
        return n;
      }
    };
  }

  /** Reading the upload's body failed: the client went away. */
  static final class CutOff extends IOException {
    CutOff(IOException cause) {
      super(cause.getMessage(), cause);
    }
  }
}
