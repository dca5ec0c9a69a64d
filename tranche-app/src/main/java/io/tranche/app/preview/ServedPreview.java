package io.tranche.app.preview;

import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;

/**
 * A file of a preview as served: its status, content (HTML with the watermark), media type, the
 * viewer's fingerprint, and where a redirect leads.
 */
public record ServedPreview(
    int status, Resource content, String mediaType, String fingerprint, @Nullable String location) {
  ServedPreview(Resource content, String mediaType, String fingerprint) {
    this(200, content, mediaType, fingerprint, null);
  }

  ServedPreview(byte[] bytes, String mediaType, String fingerprint) {
    this(new ByteArrayResource(bytes), mediaType, fingerprint);
  }

  static ServedPreview text(int status, String text, String fingerprint) {
    return new ServedPreview(
        status,
        new ByteArrayResource(text.getBytes(StandardCharsets.UTF_8)),
        "text/plain; charset=utf-8",
        fingerprint,
        null);
  }

  static ServedPreview redirect(int status, String location, String fingerprint) {
    return new ServedPreview(
        status, new ByteArrayResource(new byte[0]), "text/plain", fingerprint, location);
  }
}
