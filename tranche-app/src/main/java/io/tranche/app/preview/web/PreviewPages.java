package io.tranche.app.preview.web;

import io.tranche.app.platform.Actor;
import io.tranche.app.preview.PreviewService;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A preview's files, to the project's members ({@code /console/previews/…}) and client contacts
 * ({@code /portal/previews/…}). Each response is sandboxed (the site runs as an opaque origin: no
 * access to Tranche's cookies or pages), never cached, and carries the viewer's fingerprint.
 */
@Controller
class PreviewPages {
  private final PreviewService previews;

  PreviewPages(PreviewService previews) {
    this.previews = previews;
  }

  @GetMapping({"/console/previews/{previewId}/**", "/portal/previews/{previewId}/**"})
  ResponseEntity<byte[]> file(
      Actor actor, @PathVariable UUID previewId, HttpServletRequest request) {
    String uri = request.getRequestURI().substring(request.getContextPath().length());
    String prefix = "/previews/" + previewId + "/";
    int at = uri.indexOf(prefix);
    String page = at < 0 ? "" : uri.substring(at + prefix.length());
    PreviewService.Served served =
        previews.serve(
            actor,
            previewId,
            java.net.URLDecoder.decode(page, java.nio.charset.StandardCharsets.UTF_8));
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(served.mediaType()))
        .header("Content-Security-Policy", "sandbox allow-scripts allow-forms allow-popups")
        .header("X-Content-Type-Options", "nosniff")
        .header("Referrer-Policy", "no-referrer")
        .header("Cache-Control", "no-store")
        .header("X-Preview-Fingerprint", served.fingerprint())
        .body(served.content());
  }

  /** The preview's start page: its folder, so relative links resolve inside it. */
  @GetMapping({"/console/previews/{previewId}", "/portal/previews/{previewId}"})
  String start(Actor actor, @PathVariable UUID previewId, HttpServletRequest request) {
    previews.preview(actor, previewId);
    return "redirect:" + request.getRequestURI() + "/";
  }
}
