package io.tranche.app.preview;

import io.tranche.app.platform.Access;
import io.tranche.app.platform.Actor;
import io.tranche.app.platform.Errors;
import io.tranche.app.preview.internal.PreviewRepository;
import io.tranche.app.preview.internal.SiteArchive;
import io.tranche.app.preview.internal.Watermarks;
import io.tranche.app.project.MilestoneService;
import io.tranche.app.project.ProjectService;
import io.tranche.core.error.DomainException;
import io.tranche.core.error.Validation;
import io.tranche.core.milestone.Milestone;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
import org.springframework.beans.factory.annotation.Value;
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
  /** The largest zip accepted, counted while it streams. */
  static final long MAX_UPLOAD_BYTES = 100L * 1024 * 1024;

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final PreviewRepository previews;
  private final MilestoneService milestones;
  private final ProjectService projects;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final Path root;

  PreviewService(
      PreviewRepository previews,
      MilestoneService milestones,
      ProjectService projects,
      ApplicationEventPublisher events,
      Clock clock,
      @Value("${tranche.data-dir}") String dataDir) {
    this.previews = previews;
    this.milestones = milestones;
    this.projects = projects;
    this.events = events;
    this.clock = clock;
    this.root = Path.of(dataDir, "previews");
  }

  /**
   * A member uploads a preview of a part: a static site's zip, an image (PNG, JPEG, GIF) or a PDF,
   * told apart by their content.
   */
  @Transactional
  public PreviewView upload(Actor actor, UUID milestoneId, String name, InputStream zip) {
    Access.member(actor);
    String title = Validation.text("name", name, 200);
    Milestone m =
        milestones
            .find(actor.workspaceId(), milestoneId)
            .orElseThrow(Errors.notFoundSupplier("milestone", milestoneId));
    UUID projectId = m.projectId().value();
    projects.requireVisible(actor, projectId);
    UUID id = UUID.randomUUID();
    Path upload = null;
    try {
      Files.createDirectories(root);
      upload = Files.createTempFile(root, ".upload-", ".bin");
      copyCapped(zip, upload);
      String kind = kind(upload);
      Path dir = dir(actor.workspaceId(), id);
      int files = 1;
      long bytes = Files.size(upload);
      if (kind.equals("SITE")) {
        SiteArchive.Unpacked site = SiteArchive.unpack(upload, dir, SiteArchive.Limits.DEFAULT);
        files = site.files();
        bytes = site.bytes();
      } else {
        Files.createDirectories(dir);
        Files.move(upload, dir.resolve("original"));
      }
      PreviewView view =
          new PreviewView(
              id, projectId, milestoneId, title, kind, files, bytes, clock.instant(), null);
      previews.insert(actor.workspaceId(), view, actor.label());
      events.publishEvent(
          new PreviewEvent.Uploaded(
              actor.workspaceId(), projectId, actor.label(), id, milestoneId, title));
      return view;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (upload != null) {
        try {
          Files.deleteIfExists(upload);
        } catch (IOException e) {
          // the temp file is swept with the directory; nothing refers to it
        }
      }
    }
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

  /** A part's previews (a system read: for the acceptance document). */
  @Transactional(readOnly = true)
  public List<PreviewView> offered(UUID workspaceId, UUID milestoneId) {
    return previews.ofMilestone(workspaceId, milestoneId);
  }

  /** The names of a part's previews {@code viewer} opened (a system read). */
  @Transactional(readOnly = true)
  public List<String> viewedBy(UUID workspaceId, UUID milestoneId, String viewer) {
    return previews.viewedBy(workspaceId, milestoneId, viewer);
  }

  /** A project's previews by the part they show, for a deliverables or review page. */
  @Transactional(readOnly = true)
  public Map<UUID, List<PreviewView>> byMilestone(Actor actor, UUID projectId) {
    Map<UUID, List<PreviewView>> by = new java.util.LinkedHashMap<>();
    for (PreviewView p : previews(actor, projectId)) {
      if (p.revokedAt() == null) {
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

  /** A file of a preview as served: its bytes (HTML with the watermark) and its media type. */
  public record Served(
      org.springframework.core.io.Resource content, String mediaType, String fingerprint) {
    Served(byte[] bytes, String mediaType, String fingerprint) {
      this(new org.springframework.core.io.ByteArrayResource(bytes), mediaType, fingerprint);
    }
  }

  /**
   * A file of a preview for the viewer: HTML pages get the watermark (and their view is kept as
   * evidence); other files are served as they are. Unknown files and other people's previews are
   * not found.
   */
  @Transactional
  public Served serve(Actor actor, UUID id, String page) {
    PreviewView p = preview(actor, id);
    Path base = dir(actor.workspaceId(), id);
    String fingerprint = fingerprint(id, actor.label());
    previews.recordView(actor.workspaceId(), id, actor.label(), actor.email(), clock.instant());
    String mark = "Preview for " + actor.email() + " · " + WHEN.format(clock.instant());
    try {
      if (!p.kind().equals("SITE")) {
        byte[] original = Files.readAllBytes(base.resolve("original"));
        events.publishEvent(
            new PreviewEvent.Viewed(
                actor.workspaceId(), p.projectId(), actor.label(), id, p.kind(), fingerprint));
        String text = mark + " · " + fingerprint;
        return p.kind().equals("PDF")
            ? new Served(Watermarks.pdf(original, text), "application/pdf", fingerprint)
            : new Served(Watermarks.image(original, text), "image/png", fingerprint);
      }
      String path = page.isEmpty() || page.endsWith("/") ? page + "index.html" : page;
      Path file;
      try {
        file = SiteArchive.inside(base, path);
      } catch (DomainException e) {
        throw Errors.notFound("preview page", id);
      }
      if (!Files.isRegularFile(file)) {
        throw Errors.notFound("preview page", id);
      }
      String type = Watermarks.mediaType(path);
      if (!type.startsWith("text/html")) {
        // assets stream from the cache as they are; only pages are read, to be watermarked
        return new Served(
            new org.springframework.core.io.FileSystemResource(file), type, fingerprint);
      }
      byte[] bytes = Files.readAllBytes(file);
      events.publishEvent(
          new PreviewEvent.Viewed(
              actor.workspaceId(), p.projectId(), actor.label(), id, path, fingerprint));
      String html = new String(bytes, StandardCharsets.UTF_8);
      return new Served(
          Watermarks.html(html, mark, fingerprint).getBytes(StandardCharsets.UTF_8),
          type,
          fingerprint);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What an upload is, by its first bytes: a zip (a site), a PDF, or an image ImageIO reads. */
  private static String kind(Path upload) throws IOException {
    byte[] head;
    try (InputStream in = Files.newInputStream(upload)) {
      head = in.readNBytes(8);
    }
    String start = new String(head, StandardCharsets.ISO_8859_1);
    if (start.startsWith("PK\u0003\u0004") || start.startsWith("PK\u0005\u0006")) {
      return "SITE";
    }
    if (start.startsWith("%PDF-")) {
      return "PDF";
    }
    try (var in = javax.imageio.ImageIO.createImageInputStream(upload.toFile())) {
      if (in != null && javax.imageio.ImageIO.getImageReaders(in).hasNext()) {
        return "IMAGE";
      }
    }
    throw new DomainException(
        PreviewErrors.BAD_ARCHIVE, Map.of("problem", "it is not a site's .zip, an image or a PDF"));
  }

  /** The viewer's fingerprint for a preview: traceable, never the viewer's address itself. */
  static String fingerprint(UUID preview, String viewer) {
    return io.tranche.app.platform.Secrets.hash(preview + "|" + viewer).substring(0, 12);
  }

  private Path dir(UUID workspaceId, UUID id) {
    return root.resolve(workspaceId.toString()).resolve(id.toString());
  }

  private static void copyCapped(InputStream in, Path to) throws IOException {
    try (OutputStream out = Files.newOutputStream(to)) {
      byte[] buffer = new byte[64 * 1024];
      long total = 0;
      int n;
      while ((n = in.read(buffer)) > 0) {
        total += n;
        if (total > MAX_UPLOAD_BYTES) {
          throw new DomainException(
              PreviewErrors.BAD_ARCHIVE, Map.of("problem", "it is larger than 100 MiB"));
        }
        out.write(buffer, 0, n);
      }
    }
  }
}
