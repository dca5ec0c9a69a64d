package io.tranche.app.license.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tranche.app.account.RateLimiter;
import io.tranche.app.license.LicenseService;
import io.tranche.app.license.LicenseView;
import io.tranche.app.platform.Actor;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Licences: a project's list, a licence's file, revocation, and the apps' online validation. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "licenses", description = "Licences for delivered builds (docs/formats.md §5)")
class LicenseApi {
  /** Validations per client address and window; an app validates at start, not in a loop. */
  static final int VALIDATIONS_PER_WINDOW = 60;

  private final LicenseService licenses;
  private final RateLimiter limiter;

  LicenseApi(LicenseService licenses, RateLimiter limiter) {
    this.licenses = licenses;
    this.limiter = limiter;
  }

  @GetMapping("/projects/{projectId}/licenses")
  @Operation(summary = "A project's licences, oldest first")
  List<LicenseView> list(Actor actor, @PathVariable UUID projectId) {
    return licenses.licenses(actor, projectId);
  }

  @GetMapping("/licenses/{licenseId}/token")
  @Operation(summary = "A licence file: the signed token an app reads")
  ResponseEntity<byte[]> token(Actor actor, @PathVariable UUID licenseId) {
    return file(licenses.token(actor, licenseId));
  }

  /** Why a licence is revoked. */
  record RevocationBody(@Nullable String reason) {}

  @PostMapping("/licenses/{licenseId}/revocation")
  @Operation(summary = "Revoke a licence; validation answers 'revoked' from now on")
  LicenseView revoke(Actor actor, @PathVariable UUID licenseId, @RequestBody RevocationBody body) {
    return licenses.revoke(actor, licenseId, body.reason() == null ? "" : body.reason());
  }

  /** What an app sends: its licence and a text that names the machine it runs on. */
  record ValidationBody(@Nullable String token, @Nullable String machine) {}

  @PostMapping("/licenses/validate")
  @Operation(
      summary = "Validate a licence online (no sign-in; rate-limited per address)",
      description =
          "Answers the licence's state: valid, in-grace, revoked, machine-limit (the machine would"
              + " pass the licence's limit), or why the token is refused (expired, bad-signature,"
              + " not-yet-valid, wrong-key, malformed, unknown); with the machines counted so far.")
  LicenseService.Answer validate(@RequestBody ValidationBody body, HttpServletRequest request) {
    limiter.acquire(
        "license-validate:" + RateLimiter.addressKey(request.getRemoteAddr()),
        VALIDATIONS_PER_WINDOW,
        "token");
    return licenses.validate(
        body.token() == null ? "" : body.token(), body.machine() == null ? "" : body.machine());
  }

  static ResponseEntity<byte[]> file(LicenseService.Token token) {
    return ResponseEntity.ok()
        .contentType(MediaType.TEXT_PLAIN)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(token.fileName()).build().toString())
        .header("Cache-Control", "no-store")
        .body(token.text().getBytes(StandardCharsets.US_ASCII));
  }
}
