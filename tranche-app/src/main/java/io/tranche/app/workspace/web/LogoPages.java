package io.tranche.app.workspace.web;

import io.tranche.app.platform.Actor;
import io.tranche.app.workspace.WorkspaceLogos;
import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The workspace's logo as its pages show it, to its members ({@code /console/logo}) and to its
 * clients' contacts ({@code /portal/logo}); pages ask for it with its SHA-256 as {@code ?v=}, so it
 * is cached for long and a new logo is a new address. (The API puts and removes it: {@link
 * WorkspaceApi}.)
 */
@Controller
class LogoPages {
  private final WorkspaceLogos logos;

  LogoPages(WorkspaceLogos logos) {
    this.logos = logos;
  }

  @GetMapping({"/console/logo", "/portal/logo"})
  ResponseEntity<byte[]> logo(Actor actor) {
    return logos
        .current(actor)
        .map(
            l ->
                ResponseEntity.ok()
                    .contentType(MediaType.IMAGE_PNG)
                    .cacheControl(CacheControl.maxAge(Duration.ofDays(30)).cachePrivate())
                    .eTag(l.sha256())
                    .header("X-Content-Type-Options", "nosniff")
                    .body(l.png()))
        .orElseGet(() -> ResponseEntity.notFound().build());
  }
}
