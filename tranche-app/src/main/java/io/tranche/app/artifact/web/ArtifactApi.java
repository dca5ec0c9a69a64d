package io.tranche.app.artifact.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tranche.app.artifact.ArtifactService;
import io.tranche.app.artifact.ArtifactView;
import io.tranche.app.artifact.ReleaseService;
import io.tranche.app.platform.Actor;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(
    name = "artifacts",
    description = "Sealed deliverables: upload, delivery receipts, release and downloads")
class ArtifactApi {
  private final ArtifactService artifacts;
  private final io.tranche.app.artifact.ArtifactUploads uploads;
  private final io.tranche.app.artifact.ArtifactDownloads downloads;
  private final ReleaseService releases;

  ArtifactApi(
      ArtifactService artifacts,
      io.tranche.app.artifact.ArtifactUploads uploads,
      io.tranche.app.artifact.ArtifactDownloads downloads,
      ReleaseService releases) {
    this.artifacts = artifacts;
    this.uploads = uploads;
    this.downloads = downloads;
    this.releases = releases;
  }

  @PostMapping(path = "/milestones/{milestoneId}/artifacts")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Upload a build to a milestone",
      description =
          "The request body is the file itself (any Content-Type, which becomes the artifact's"
              + " media type), streamed and sealed on the way in; ?name= gives its file name."
              + " Not covered by Idempotency-Key: a retried upload makes a new artifact, and one"
              + " without a receipt can be deleted.")
  ArtifactView upload(
      Actor actor,
      @PathVariable UUID milestoneId,
      @RequestParam(required = false) @Nullable String name,
      HttpServletRequest request)
      throws IOException {
    return artifacts.upload(
        actor, milestoneId, name, request.getContentType(), request.getInputStream());
  }

  @GetMapping("/milestones/{milestoneId}/artifacts")
  @Operation(summary = "A milestone's sealed artifacts")
  List<ArtifactView> list(Actor actor, @PathVariable UUID milestoneId) {
    return artifacts.artifacts(actor, milestoneId);
  }

  @GetMapping("/artifacts/{artifactId}")
  @Operation(summary = "One sealed artifact")
  ArtifactView get(Actor actor, @PathVariable UUID artifactId) {
    return artifacts.artifact(actor, artifactId);
  }

  @DeleteMapping("/artifacts/{artifactId}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Delete an artifact that has no delivery receipt yet")
  void delete(Actor actor, @PathVariable UUID artifactId) {
    uploads.delete(actor, artifactId);
  }

  @GetMapping(path = "/artifacts/{artifactId}/receipt", produces = "application/jose")
  @Operation(summary = "The artifact's delivery receipt (JWS, EdDSA)")
  ResponseEntity<String> receipt(Actor actor, @PathVariable UUID artifactId) {
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType("application/jose"))
        .body(artifacts.receipt(actor, artifactId));
  }

  /** The data key. */
  record KeyBody(String dataKey) {}

  @GetMapping("/artifacts/{artifactId}/key")
  @Operation(summary = "The artifact's data key (base64 of its Tink keyset)")
  KeyBody key(Actor actor, @PathVariable UUID artifactId) {
    return new KeyBody(downloads.dataKey(actor, artifactId));
  }

  /** Which bytes a download link is for. */
  record DownloadBody(@Nullable String kind) {}

  @PostMapping("/artifacts/{artifactId}/downloads")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "A short-lived download link",
      description = "kind: ciphertext (default) or plaintext; the link expires within minutes")
  ArtifactService.DownloadLink download(
      Actor actor,
      @PathVariable UUID artifactId,
      @RequestBody(required = false) @Nullable DownloadBody body) {
    return downloads.download(actor, artifactId, body == null ? null : body.kind());
  }

  /** Why the vendor hands the work over before it is paid. */
  record ReleaseBody(@Nullable String reason) {}

  @PostMapping("/milestones/{milestoneId}/release")
  @Operation(
      summary = "Release a milestone's artifacts now (early release)",
      description =
          "The vendor's explicit hand-over, paid or not; happens once. reason (required for a"
              + " new release) goes into the evidence log. An already released milestone is"
              + " returned as it is.")
  io.tranche.app.artifact.ReleaseView release(
      Actor actor,
      @PathVariable UUID milestoneId,
      @RequestBody(required = false) @Nullable ReleaseBody body) {
    return releases.releaseByVendor(actor, milestoneId, body == null ? null : body.reason());
  }

  @GetMapping("/signing-key.jwk")
  @Operation(summary = "The workspace's public key (JWK) that signs delivery receipts")
  ResponseEntity<String> signingKey(Actor actor) {
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_JSON)
        .body(artifacts.signingKeyJwk(actor));
  }
}
