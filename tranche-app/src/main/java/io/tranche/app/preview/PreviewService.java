package io.tranche.app.preview;

import io.tranche.app.platform.Access;
import io.tranche.app.platform.Actor;
import io.tranche.app.platform.Errors;
import io.tranche.app.preview.internal.PreviewCache;
import io.tranche.app.preview.internal.PreviewRepository;
import io.tranche.app.preview.internal.SiteArchive;
import io.tranche.app.preview.internal.Upstream;
import io.tranche.app.preview.internal.VideoWatermark;
import io.tranche.app.preview.internal.Watermarks;
import io.tranche.app.project.MilestoneService;
import io.tranche.app.project.ProjectService;
import io.tranche.core.error.DomainException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hosted previews of a static site: a member uploads the site's zip for a part; it is unpacked once
 * into the preview cache (never served from the upload); the project's members and client contacts
 * view it, every HTML page with a watermark naming the viewer and the time and a fingerprint that
 * traces a leaked screenshot to them, each page view kept as evidence.
 */
@Service
public class PreviewService {
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final PreviewRepository previews;
  private final MilestoneService milestones;
  private final ProjectService projects;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final PreviewCache cache;
  private final Upstream upstream;

  PreviewService(
      PreviewRepository previews,
      MilestoneService milestones,
      ProjectService projects,
      ApplicationEventPublisher events,
      Clock clock,
      PreviewCache cache,
      Upstream upstream) {
    this.previews = previews;
    this.milestones = milestones;
    this.projects = projects;
    this.events = events;
    this.clock = clock;
    this.cache = cache;
    this.upstream = upstream;
  }

  /** A project's previews, for its members and its client's contacts. */
  @Transactional(readOnly = true)
  public List<PreviewView> previews(Actor actor, UUID projectId) {
    projects.requireVisible(actor, projectId);
    return previews.ofProject(actor.workspaceId(), projectId);
  }

  /** The project of a part the member may see, for redirects back to its page. */
  @Transactional(readOnly = true)
  public UUID projectOfMilestone(Actor actor, UUID milestoneId) {
    Access.member(actor);
    UUID projectId =
        milestones
            .find(actor.workspaceId(), milestoneId)
            .orElseThrow(Errors.notFoundSupplier("milestone", milestoneId))
            .projectId()
            .value();
    projects.requireVisible(actor, projectId);
    return projectId;
  }

  /** A part's previews viewers can open (a system read: for the acceptance document). */
  @Transactional(readOnly = true)
  public List<PreviewView> offered(UUID workspaceId, UUID milestoneId) {
    return previews.ofMilestone(workspaceId, milestoneId);
  }

  /** The names of a part's previews {@code viewer} opened (a system read). */
  @Transactional(readOnly = true)
  public List<String> viewedBy(UUID workspaceId, UUID milestoneId, String viewer) {
    return previews.viewedBy(workspaceId, milestoneId, viewer);
  }

  /**
   * A project's previews by the part they show, for a deliverables or review page; a client is not
   * offered a video that could not be prepared (the vendor's to mend).
   */
  @Transactional(readOnly = true)
  public Map<UUID, List<PreviewView>> byMilestone(Actor actor, UUID projectId) {
    Map<UUID, List<PreviewView>> by = new java.util.LinkedHashMap<>();
    for (PreviewView p : previews(actor, projectId)) {
      if (p.revokedAt() == null && (actor.isMember() || !PreviewView.FAILED.equals(p.state()))) {
        by.computeIfAbsent(p.milestoneId(), k -> new java.util.ArrayList<>()).add(p);
      }
    }
    return by;
  }

  /** A preview the caller may see (members and the project's contacts), if it is not revoked. */
  @Transactional(readOnly = true)
  public PreviewView preview(Actor actor, UUID id) {
    PreviewView p =
        previews.find(actor.workspaceId(), id).orElseThrow(Errors.notFoundSupplier("preview", id));
    try {
      projects.requireVisible(actor, p.projectId());
    } catch (DomainException e) {
      throw Errors.notFound("preview", id);
    }
    if (p.revokedAt() != null) {
      throw Errors.notFound("preview", id);
    }
    return p;
  }

  /**
   * A file of a preview for the holder of a pass (checked when it was issued; a withdrawn preview
   * is not found any more): HTML pages get the watermark (and their view is kept as evidence),
   * images and PDFs get it drawn in; other files are served as they are. Unknown files and other
   * people's previews are not found.
   */
  @Transactional
  public ServedPreview serve(PreviewGrant viewer, PreviewRequest request) {
    UUID id = viewer.previewId();
    PreviewView p =
        previews
            .find(viewer.workspaceId(), id)
            .filter(found -> found.revokedAt() == null)
            .orElseThrow(Errors.notFoundSupplier("preview", id));
    Path base = cache.dir(viewer.workspaceId(), id);
    String fingerprint = fingerprint(id, viewer.viewer());
    String who = viewer.email() == null ? viewer.viewer() : viewer.email();
    String mark = "Preview for " + who + " · " + WHEN.format(clock.instant());
    try {
      switch (p.kind()) {
        case "SITE":
          return site(viewer, p, base, request.page(), mark, fingerprint);
        case "UPSTREAM":
          return upstream(viewer, p, request, mark, fingerprint);
        case "VIDEO":
          return video(viewer, p, base, request.page(), mark, fingerprint);
        default:
          byte[] original = Files.readAllBytes(base.resolve("original"));
          viewed(viewer, p, p.kind(), fingerprint);
          String text = mark + " · " + fingerprint;
          return p.kind().equals("PDF")
              ? new ServedPreview(Watermarks.pdf(original, text), "application/pdf", fingerprint)
              : new ServedPreview(Watermarks.image(original, text), "image/png", fingerprint);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private ServedPreview site(
      PreviewGrant viewer, PreviewView p, Path base, String page, String mark, String fingerprint)
      throws IOException {
    String path = page.isEmpty() || page.endsWith("/") ? page + "index.html" : page;
    Path file;
    try {
      file = SiteArchive.inside(base, path);
    } catch (DomainException e) {
      throw Errors.notFound("preview page", p.id());
    }
    if (!Files.isRegularFile(file)) {
      throw Errors.notFound("preview page", p.id());
    }
    String type = Watermarks.mediaType(path);
    if (!type.startsWith("text/html")) {
      // assets stream from the cache as they are; only pages are read, to be watermarked
      return new ServedPreview(
          new org.springframework.core.io.FileSystemResource(file), type, fingerprint);
    }
    viewed(viewer, p, path, fingerprint);
    String html = Files.readString(file, StandardCharsets.UTF_8);
    return new ServedPreview(
        Watermarks.html(html, mark, fingerprint).getBytes(StandardCharsets.UTF_8),
        type,
        fingerprint);
  }

  /**
   * A video's page (the player under the watermark overlay) or the video itself; while its copy is
   * being made, or when it could not be, a page that says so.
   */
  private ServedPreview video(
      PreviewGrant viewer, PreviewView p, Path base, String page, String mark, String fingerprint)
      throws IOException {
    Path file = base.resolve("video.mp4");
    if (!Files.isRegularFile(file)) {
      file = base.resolve("video.webm");
    }
    if (page.equals("video") && p.ready()) {
      String type = file.getFileName().toString().endsWith(".webm") ? "video/webm" : "video/mp4";
      return new ServedPreview(
          new org.springframework.core.io.FileSystemResource(file), type, fingerprint);
    }
    if (!page.isEmpty()) {
      throw Errors.notFound("preview page", p.id());
    }
    if (p.ready()) { // until its copy is made, a page saying so: no video, no view recorded
      viewed(viewer, p, "VIDEO", fingerprint);
    }
    String html = VideoWatermark.page(p.name(), p.state(), p.asUploaded());
    return new ServedPreview(
        Watermarks.html(html, mark, fingerprint).getBytes(StandardCharsets.UTF_8),
        "text/html; charset=utf-8",
        fingerprint);
  }

  /** A staging site's file, fetched now; its address never reaches the viewer. */
  private ServedPreview upstream(
      PreviewGrant viewer, PreviewView p, PreviewRequest request, String mark, String fingerprint) {
    java.net.URI address =
        java.net.URI.create(
            previews
                .upstream(viewer.workspaceId(), p.id())
                .orElseThrow(Errors.notFoundSupplier("preview", p.id())));
    String start = address.getRawPath().substring(1);
    if (request.rawPage().isEmpty() && !start.isEmpty()) {
      return ServedPreview.redirect(302, request.prefix() + "/" + start, fingerprint);
    }
    Upstream.Answer answer;
    try {
      answer = upstream.fetch(address, request.rawPage(), request.query(), request.prefix());
    } catch (IOException e) {
      return ServedPreview.text(
          502, "The preview's site does not answer right now. Try again in a while.", fingerprint);
    }
    if (answer.status() >= 300 && answer.status() < 400) {
      if (answer.location() == null) {
        return ServedPreview.text(
            502,
            "The preview's site sent the browser to another address, which a preview does not"
                + " follow.",
            fingerprint);
      }
      return ServedPreview.redirect(answer.status(), answer.location(), fingerprint);
    }
    if (answer.text() != null) {
      String text = answer.text();
      if (answer.mediaType().toLowerCase(Locale.ROOT).startsWith("text/html")) {
        viewed(viewer, p, "/" + request.page(), fingerprint);
        text = Watermarks.html(text, mark, fingerprint);
      }
      return new ServedPreview(
          answer.status(),
          new org.springframework.core.io.ByteArrayResource(text.getBytes(StandardCharsets.UTF_8)),
          withUtf8(answer.mediaType()),
          fingerprint,
          null);
    }
    return new ServedPreview(
        answer.status(),
        new org.springframework.core.io.InputStreamResource(
            java.util.Objects.requireNonNull(answer.body())),
        answer.mediaType(),
        fingerprint,
        null);
  }

  /**
   * A page (or an image or PDF) was seen: the viewer's first and last view, and the evidence entry.
   * The files a page loads (stylesheets, scripts, the video's bytes) write nothing.
   */
  private void viewed(PreviewGrant viewer, PreviewView p, String what, String fingerprint) {
    previews.recordView(
        viewer.workspaceId(), p.id(), viewer.viewer(), viewer.email(), clock.instant());
    events.publishEvent(
        new PreviewEvent.Viewed(
            viewer.workspaceId(), p.projectId(), viewer.viewer(), p.id(), what, fingerprint));
  }

  /** Rewritten text is sent as UTF-8, whatever charset the upstream named. */
  private static String withUtf8(String mediaType) {
    int at = mediaType.indexOf(';');
    return (at < 0 ? mediaType : mediaType.substring(0, at)).strip() + "; charset=utf-8";
  }

  /** The viewer's fingerprint for a preview: traceable, never the viewer's address itself. */
  static String fingerprint(UUID preview, String viewer) {
    return io.tranche.app.platform.Secrets.hash(preview + "|" + viewer).substring(0, 12);
  }
}
