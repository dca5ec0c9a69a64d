package io.tranche.app.platform;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * File downloads: always as an attachment (never rendered inline), with the type judged from the
 * bytes and a safely encoded file name, streamed rather than read into memory.
 */
public final class Downloads {
  private Downloads() {}

  /** A download response; {@code size} is -1 when unknown. */
  public static ResponseEntity<InputStreamResource> attachment(
      String fileName, String contentType, long size, InputStream content) {
    ResponseEntity.BodyBuilder response = ResponseEntity.ok();
    if (size >= 0) {
      response.contentLength(size);
    }
    return response
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(fileName, StandardCharsets.UTF_8)
                .build()
                .toString())
        .header("X-Content-Type-Options", "nosniff")
        .contentType(MediaType.parseMediaType(contentType))
        .body(new InputStreamResource(content));
  }
}
