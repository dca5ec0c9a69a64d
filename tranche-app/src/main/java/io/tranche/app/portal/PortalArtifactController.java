package io.tranche.app.portal;

import io.tranche.app.artifact.ArtifactService;
import io.tranche.app.artifact.ArtifactView;
import io.tranche.app.platform.Actor;
import io.tranche.app.project.ProjectService;
import io.tranche.app.signing.SigningKeys;
import io.tranche.app.workspace.WorkspaceService;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The client's deliverables: each sealed artifact with its signed receipt (to check before paying),
 * the ciphertext if the contract allows early download, and after release the key and the
 * plaintext.
 */
@Controller
class PortalArtifactController {
  private final WorkspaceService workspaces;
  private final ProjectService projects;
  private final ArtifactService artifacts;
  private final io.tranche.app.artifact.ArtifactDownloads downloads;
  private final SigningKeys keys;

  PortalArtifactController(
      WorkspaceService workspaces,
      ProjectService projects,
      ArtifactService artifacts,
      io.tranche.app.artifact.ArtifactDownloads downloads,
      SigningKeys keys) {
    this.workspaces = workspaces;
    this.projects = projects;
    this.artifacts = artifacts;
    this.downloads = downloads;
    this.keys = keys;
  }

  @GetMapping("/portal/projects/{projectId}/deliverables")
  String page(Actor actor, @PathVariable UUID projectId, Model model) {
    model.addAttribute("workspace", workspaces.current(actor));
    model.addAttribute("actor", actor);
    model.addAttribute("project", projects.project(actor, projectId));
    model.addAttribute("artifacts", artifacts.ofProject(actor, projectId));
    model.addAttribute("fingerprint", keys.publicKeyOf(actor.workspaceId()).fingerprint());
    return "portal/deliverables";
  }

  @GetMapping("/portal/artifacts/{artifactId}/receipt")
  ResponseEntity<String> receipt(Actor actor, @PathVariable UUID artifactId) {
    ArtifactView a = artifacts.artifact(actor, artifactId);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType("application/jose"))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(a.name() + ".receipt.jws", StandardCharsets.UTF_8)
                .build()
                .toString())
        .body(artifacts.receipt(actor, artifactId));
  }

  @GetMapping("/portal/signing-key.jwk")
  ResponseEntity<String> signingKey(Actor actor) {
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_JSON)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename("vendor-signing-key.jwk").build().toString())
        .body(artifacts.signingKeyJwk(actor));
  }

  @GetMapping("/portal/artifacts/{artifactId}/key")
  ResponseEntity<String> key(Actor actor, @PathVariable UUID artifactId) {
    return ResponseEntity.ok()
        .contentType(MediaType.TEXT_PLAIN)
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(downloads.dataKey(actor, artifactId) + "\n");
  }

  /** Makes a short-lived download link and follows it. */
  @PostMapping("/portal/artifacts/{artifactId}/downloads")
  String download(
      Actor actor,
      @PathVariable UUID artifactId,
      @RequestParam(required = false) @Nullable String kind) {
    return "redirect:" + downloads.download(actor, artifactId, kind).url();
  }
}
