package io.tranche.app.artifact.web;

import io.tranche.app.artifact.ArtifactService;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;

/**
 * Serves downloads behind short-lived tokens, streaming, with single-range HTTP Range support (206,
 * 416). The token is the credential; every request re-checks it against the release state.
 */
@Controller
class DownloadController {
  private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

  private final io.tranche.app.artifact.DownloadServing downloads;

  DownloadController(io.tranche.app.artifact.DownloadServing downloads) {
    this.downloads = downloads;
  }

  @GetMapping("/downloads/{token}")
  void download(
      @PathVariable String token,
      @RequestHeader(name = HttpHeaders.RANGE, required = false) @Nullable String range,
      HttpServletResponse response)
      throws IOException {
    ArtifactService.Servable file = downloads.serve(token);
    long size = file.size();
    long from = 0;
    long to = size - 1;
    boolean partial = false;
    if (range != null && !range.contains(",")) {
      Matcher m = RANGE.matcher(range.strip());
      long[] bounds = m.matches() ? bounds(m.group(1), m.group(2), size) : null;
      if (bounds == null) {
        response.setStatus(HttpServletResponse.SC_REQUESTED_RANGE_NOT_SATISFIABLE);
        response.setHeader(HttpHeaders.CONTENT_RANGE, "bytes */" + size);
        return;
      }
      from = bounds[0];
      to = bounds[1];
      partial = true;
    }
    long length = to - from + 1;
    response.setStatus(
        partial ? HttpServletResponse.SC_PARTIAL_CONTENT : HttpServletResponse.SC_OK);
    response.setHeader(HttpHeaders.ACCEPT_RANGES, "bytes");
    if (partial) {
      response.setHeader(HttpHeaders.CONTENT_RANGE, "bytes " + from + "-" + to + "/" + size);
    }
    response.setContentType(file.contentType());
    response.setContentLengthLong(length);
    response.setHeader(
        HttpHeaders.CONTENT_DISPOSITION,
        ContentDisposition.attachment()
            .filename(file.fileName(), StandardCharsets.UTF_8)
            .build()
            .toString());
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    if (length > 0) {
      OutputStream out = response.getOutputStream();
      file.write(from, length, out);
      out.flush();
    }
  }

  /** The inclusive byte bounds of a single range, or null when it cannot be satisfied. */
  static long @Nullable [] bounds(String first, String last, long size) {
    try {
      if (first.isEmpty()) {
        if (last.isEmpty()) {
          return null;
        }
        long suffix = Long.parseLong(last);
        if (suffix == 0 || size == 0) {
          return null;
        }
        return new long[] {Math.max(0, size - suffix), size - 1};
      }
      long start = Long.parseLong(first);
      long end = last.isEmpty() ? size - 1 : Math.min(Long.parseLong(last), size - 1);
      if (start >= size || end < start) {
        return null;
      }
      return new long[] {start, end};
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
