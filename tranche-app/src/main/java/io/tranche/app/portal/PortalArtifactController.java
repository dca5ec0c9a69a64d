package io.tranche.app.portal;

import io.tranche.app.artifact.ArtifactService;
import io.tranche.app.artifact.ArtifactView;
import io.tranche.app.invoice.InvoiceView;
import io.tranche.app.platform.Actor;
import io.tranche.app.platform.Paging;
import io.tranche.app.project.ProjectService;
import io.tranche.app.signing.SigningKeys;
import io.tranche.app.workspace.WorkspaceService;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
  private final io.tranche.app.project.MilestoneService milestones;
  private final io.tranche.app.invoice.InvoiceService invoices;
  private final io.tranche.app.license.LicenseService licenses;
  private final io.tranche.app.preview.PreviewService previews;

  PortalArtifactController(
      WorkspaceService workspaces,
      ProjectService projects,
      ArtifactService artifacts,
      io.tranche.app.artifact.ArtifactDownloads downloads,
      SigningKeys keys,
      io.tranche.app.project.MilestoneService milestones,
      io.tranche.app.invoice.InvoiceService invoices,
      io.tranche.app.license.LicenseService licenses,
      io.tranche.app.preview.PreviewService previews) {
    this.licenses = licenses;
    this.previews = previews;
    this.workspaces = workspaces;
    this.projects = projects;
    this.artifacts = artifacts;
    this.downloads = downloads;
    this.keys = keys;
    this.milestones = milestones;
    this.invoices = invoices;
  }

  @GetMapping("/portal/projects/{projectId}/deliverables")
  String page(Actor actor, @PathVariable UUID projectId, Model model) {
    model.addAttribute("workspace", workspaces.current(actor));
    model.addAttribute("actor", actor);
    model.addAttribute("project", projects.project(actor, projectId));
    List<ArtifactView> all = artifacts.ofProject(actor, projectId);
    Map<UUID, InvoiceView> invoiceOf = new HashMap<>();
    invoices.invoices(actor, projectId, new Paging(0, Paging.MAX_SIZE)).items().stream()
        .filter(i -> i.milestoneId() != null && i.number() != null)
        .filter(i -> i.state() != io.tranche.core.invoice.InvoiceState.VOID)
        .forEach(i -> invoiceOf.put(i.milestoneId(), i));
    Map<UUID, List<io.tranche.app.preview.PreviewView>> previewsOf =
        previews.byMilestone(actor, projectId);
    List<Group> groups = new ArrayList<>();
    for (var m : milestones.plan(actor, projectId)) {
      List<ArtifactView> of =
          all.stream().filter(a -> a.milestoneId().equals(m.id().value())).toList();
      var shown = previewsOf.getOrDefault(m.id().value(), List.of());
      if (!of.isEmpty() || !shown.isEmpty()) {
        groups.add(
            new Group(
                m.name(),
                of.isEmpty() ? null : state(of, m.disputed(), invoiceOf.get(m.id().value())),
                of,
                shown));
      }
    }
    model.addAttribute("groups", groups);
    model.addAttribute("zone", workspaces.zone(actor.workspaceId()));
    model.addAttribute("fingerprint", keys.publicKeyOf(actor.workspaceId()).fingerprint());
    model.addAttribute("licenses", licenses.licenses(actor, projectId));
    return "portal/deliverables";
  }

  /**
   * A part of the contract with its deliverables and where they stand, in words ({@code state}:
   * none while it has only previews), and its previews, which the client may open again at any
   * time.
   */
  record Group(
      String milestone,
      @Nullable String state,
      List<ArtifactView> artifacts,
      List<io.tranche.app.preview.PreviewView> previews) {}

  private static String state(
      List<ArtifactView> artifacts, boolean disputed, @Nullable InvoiceView invoice) {
    if (artifacts.stream().allMatch(ArtifactView::released)) {
      return "Ready to download";
    }
    if (disputed) {
      return "On hold: a dispute is open on this part. Its files stay sealed until it is resolved,"
          + " even once paid";
    }
    if (invoice == null) {
      return "Sealed until this part is accepted and paid";
    }
    return switch (invoice.state()) {
      case CREDITED ->
          "Sealed: invoice "
              + invoice.number()
              + " was cancelled by credit notes, so nothing is owed; whether these files are"
              + " handed over is for the vendor to decide. Ask in a message";
      case WRITTEN_OFF ->
          "Sealed: invoice "
              + invoice.number()
              + " is closed without payment. Ask in a message about these files";
      case PAID -> "Paid: being released";
      default -> "Sealed until invoice " + invoice.number() + " is paid";
    };
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

  /** The key of a released file, on a page that says what it is for and how to use it. */
  @GetMapping("/portal/artifacts/{artifactId}/key")
  String keyPage(
      Actor actor,
      @PathVariable UUID artifactId,
      jakarta.servlet.http.HttpServletResponse response,
      Model model) {
    String key = downloads.dataKey(actor, artifactId);
    ArtifactView artifact = artifacts.artifact(actor, artifactId);
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    model.addAttribute("workspace", workspaces.current(actor));
    model.addAttribute("actor", actor);
    model.addAttribute("project", projects.project(actor, artifact.projectId()));
    model.addAttribute("artifact", artifact);
    model.addAttribute("key", key);
    return "portal/key";
  }

  /** The key alone, as a file for {@code tranche-cli open --key}. */
  @GetMapping("/portal/artifacts/{artifactId}/key.txt")
  ResponseEntity<String> key(Actor actor, @PathVariable UUID artifactId) {
    return ResponseEntity.ok()
        .contentType(MediaType.TEXT_PLAIN)
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename("key-" + artifactId + ".txt")
                .build()
                .toString())
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
