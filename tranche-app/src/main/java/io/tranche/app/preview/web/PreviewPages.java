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
  private final io.tranche.app.preview.PreviewUploads uploads;
  private final io.tranche.app.preview.PreviewLinks links;
  private final io.tranche.app.platform.BaseUrl baseUrl;
  private final io.tranche.app.workspace.WorkspaceService workspaces;
  private final io.tranche.app.project.ProjectService projects;

  PreviewPages(
      PreviewService previews,
      io.tranche.app.preview.PreviewUploads uploads,
      io.tranche.app.preview.PreviewLinks links,
      io.tranche.app.platform.BaseUrl baseUrl,
      io.tranche.app.workspace.WorkspaceService workspaces,
      io.tranche.app.project.ProjectService projects) {
    this.previews = previews;
    this.uploads = uploads;
    this.links = links;
    this.baseUrl = baseUrl;
    this.workspaces = workspaces;
    this.projects = projects;
  }

  /** Who opened a preview, first and last: the vendor's view log. */
  @GetMapping("/console/previews/{previewId}/log")
  String log(Actor actor, @PathVariable UUID previewId, org.springframework.ui.Model model) {
    var viewers = links.viewers(actor, previewId);
    var preview = previews.preview(actor, previewId);
    model.addAttribute("workspace", workspaces.current(actor));
    model.addAttribute("actor", actor);
    model.addAttribute("project", projects.project(actor, preview.projectId()));
    model.addAttribute("preview", preview);
    model.addAttribute("viewers", viewers);
    return "console/preview-log";
  }

  /** A member withdraws a preview: it and its links stop working. */
  @org.springframework.web.bind.annotation.PostMapping("/console/previews/{previewId}/revocation")
  String revoke(
      Actor actor,
      @PathVariable UUID previewId,
      org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
    var preview = links.revoke(actor, previewId);
    redirect.addFlashAttribute("saved", "Preview withdrawn: it and its links no longer open.");
    return "redirect:/console/projects/" + preview.projectId() + "/deliverables";
  }

  /**
   * A signed-in member or contact opens a preview: they get a pass and go on under {@code
   * /preview/<pass>/}, where the page's own files load without a session cookie (a sandboxed page
   * sends none).
   */
  @GetMapping({"/console/previews/{previewId}/**", "/portal/previews/{previewId}/**"})
  ResponseEntity<org.springframework.core.io.Resource> file(
      Actor actor, @PathVariable UUID previewId, HttpServletRequest request) {
    String pass = links.enter(actor, previewId, null);
    return toPass(request, pass, page(request, "/previews/" + previewId + "/"));
  }

  /** A preview through a share link: for the project's signed-in people, until it expires. */
  @GetMapping("/portal/p/{token}/**")
  ResponseEntity<org.springframework.core.io.Resource> shared(
      Actor actor, @PathVariable String token, HttpServletRequest request) {
    UUID preview = links.previewOfLink(actor, token);
    String pass = links.enter(actor, preview, token);
    return toPass(request, pass, page(request, "/p/" + token + "/"));
  }

  @GetMapping("/portal/p/{token}")
  String sharedStart(Actor actor, @PathVariable String token) {
    links.previewOfLink(actor, token);
    return "redirect:/portal/p/" + token + "/";
  }

  /** A preview's files, to the holder of a pass (issued above; no session needed). */
  @GetMapping("/preview/{pass}/**")
  ResponseEntity<org.springframework.core.io.Resource> passed(
      @PathVariable String pass, HttpServletRequest request) {
    return served(previews.serve(links.pass(pass), page(request, "/preview/" + pass + "/")));
  }

  @GetMapping("/preview/{pass}")
  String passStart(@PathVariable String pass) {
    links.pass(pass);
    return "redirect:/preview/" + pass + "/";
  }

  private static ResponseEntity<org.springframework.core.io.Resource> toPass(
      HttpServletRequest request, String pass, io.tranche.app.preview.PreviewRequest asked) {
    return ResponseEntity.status(302)
        .header(
            "Location",
            request.getContextPath()
                + "/preview/"
                + pass
                + "/"
                + asked.rawPage()
                + (asked.query() == null ? "" : "?" + asked.query()))
        .header("Cache-Control", "no-store")
        .header("Referrer-Policy", "no-referrer")
        .build();
  }

  /** A member creates a share link (shown once) to a preview. */
  @org.springframework.web.bind.annotation.PostMapping("/console/previews/{previewId}/links")
  String share(
      Actor actor,
      @PathVariable UUID previewId,
      org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
    var preview = previews.preview(actor, previewId);
    String token = links.shareLink(actor, previewId);
    redirect.addFlashAttribute(
        "saved",
        "Share link for the project's signed-in people, valid 7 days (shown only now): "
            + baseUrl.get()
            + "/portal/p/"
            + token
            + "/");
    return "redirect:/console/projects/" + preview.projectId() + "/deliverables";
  }

  /** A member revokes every share link of a preview. */
  @org.springframework.web.bind.annotation.PostMapping(
      "/console/previews/{previewId}/links/revocation")
  String revokeLinks(
      Actor actor,
      @PathVariable UUID previewId,
      org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
    var preview = previews.preview(actor, previewId);
    links.revokeLinks(actor, previewId);
    redirect.addFlashAttribute("saved", "The preview's share links no longer work.");
    return "redirect:/console/projects/" + preview.projectId() + "/deliverables";
  }

  private static io.tranche.app.preview.PreviewRequest page(
      HttpServletRequest request, String prefix) {
    String uri = request.getRequestURI().substring(request.getContextPath().length());
    int at = uri.indexOf(prefix);
    String raw = at < 0 ? "" : uri.substring(at + prefix.length());
    String base =
        request.getContextPath() + (at < 0 ? uri : uri.substring(0, at + prefix.length() - 1));
    return new io.tranche.app.preview.PreviewRequest(
        java.net.URLDecoder.decode(raw, java.nio.charset.StandardCharsets.UTF_8),
        raw,
        request.getQueryString(),
        base);
  }

  private static ResponseEntity<org.springframework.core.io.Resource> served(
      io.tranche.app.preview.ServedPreview served) {
    ResponseEntity.BodyBuilder answer = ResponseEntity.status(served.status());
    if (served.location() != null) {
      answer.header("Location", served.location());
    }
    return answer
        .contentType(MediaType.parseMediaType(served.mediaType()))
        .header("Content-Security-Policy", "sandbox allow-scripts allow-forms allow-popups")
        .header("X-Content-Type-Options", "nosniff")
        .header("Referrer-Policy", "no-referrer")
        .header("Cache-Control", "no-store")
        .header("X-Preview-Fingerprint", served.fingerprint())
        .body(served.content());
  }

  /** A member uploads a preview from the console's deliverables page (a multipart form). */
  @org.springframework.web.bind.annotation.PostMapping("/console/milestones/{milestoneId}/previews")
  String upload(
      Actor actor,
      @PathVariable UUID milestoneId,
      @org.springframework.web.bind.annotation.RequestParam(name = "zip", required = false)
          org.springframework.web.multipart.@org.jspecify.annotations.Nullable MultipartFile zip,
      @org.springframework.web.bind.annotation.RequestParam(defaultValue = "") String name,
      org.springframework.web.servlet.mvc.support.RedirectAttributes redirect)
      throws java.io.IOException {
    UUID project = previews.projectOfMilestone(actor, milestoneId);
    try {
      if (zip == null || zip.isEmpty()) {
        throw new io.tranche.core.error.DomainException(
            io.tranche.app.preview.PreviewErrors.BAD_ARCHIVE,
            java.util.Map.of(
                "problem", "no file was chosen: pick a site's .zip, an image, a PDF or a video"));
      }
      io.tranche.app.preview.PreviewView uploaded;
      try (java.io.InputStream in = zip.getInputStream()) {
        uploaded = uploads.upload(actor, milestoneId, name.isBlank() ? "Preview" : name, in);
      }
      redirect.addFlashAttribute(
          "saved",
          uploaded.ready()
              ? "Preview uploaded: the client can open it now."
              : "Video uploaded. The watermark is now being burned into every frame; the client"
                  + " can open it once that is done, and you get a mail then.");
    } catch (io.tranche.core.error.DomainException e) {
      if (e.code().kind() != io.tranche.core.error.ErrorKind.INVALID) {
        throw e;
      }
      refused(redirect, milestoneId, "zip", name, e);
    }
    return "redirect:/console/projects/" + project + "/deliverables#milestone-" + milestoneId;
  }

  /**
   * A refused preview form: the refusal goes next to the field of that part's form ({@code zip} or
   * {@code url}), with the name typed kept.
   */
  private static void refused(
      org.springframework.web.servlet.mvc.support.RedirectAttributes redirect,
      UUID milestoneId,
      String field,
      String name,
      io.tranche.core.error.DomainException e) {
    redirect.addFlashAttribute(
        "previewError",
        java.util.Map.of(
            "milestone",
            milestoneId.toString(),
            "field",
            field,
            "name",
            name,
            "message",
            io.tranche.app.platform.FormMessages.message(e)));
  }

  /** A member names a staging site as a preview (from the deliverables page). */
  @org.springframework.web.bind.annotation.PostMapping(
      "/console/milestones/{milestoneId}/previews/upstream")
  String upstream(
      Actor actor,
      @PathVariable UUID milestoneId,
      @org.springframework.web.bind.annotation.RequestParam(defaultValue = "") String url,
      @org.springframework.web.bind.annotation.RequestParam(defaultValue = "") String name,
      org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
    UUID project = previews.projectOfMilestone(actor, milestoneId);
    try {
      uploads.upstream(actor, milestoneId, name.isBlank() ? "Staging site" : name, url);
      redirect.addFlashAttribute(
          "saved", "Staging site added: the client opens it through Tranche, never its address.");
    } catch (io.tranche.core.error.DomainException e) {
      if (e.code().kind() != io.tranche.core.error.ErrorKind.INVALID) {
        throw e;
      }
      refused(redirect, milestoneId, "url", name, e);
      redirect.addFlashAttribute("typedUrl", url);
    }
    return "redirect:/console/projects/" + project + "/deliverables#milestone-" + milestoneId;
  }

  /** The preview's start page: in its folder, so relative links resolve inside it. */
  @GetMapping({"/console/previews/{previewId}", "/portal/previews/{previewId}"})
  ResponseEntity<org.springframework.core.io.Resource> start(
      Actor actor, @PathVariable UUID previewId, HttpServletRequest request) {
    String pass = links.enter(actor, previewId, null);
    return toPass(request, pass, new io.tranche.app.preview.PreviewRequest("", "", null, ""));
  }
}
