package io.tranche.app.preview;

import io.tranche.app.platform.Actor;
import io.tranche.app.preview.internal.PreviewCache;
import io.tranche.app.preview.internal.PreviewRepository;
import io.tranche.app.preview.internal.SiteArchive;
import io.tranche.app.preview.internal.Upstream;
import io.tranche.app.preview.internal.VideoWatermark;
import io.tranche.core.error.DomainException;
import io.tranche.core.error.Validation;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A member adds a preview to a part: uploads a static site's zip (unpacked once, safely), an image,
 * a PDF or a video (a copy with a watermark burned in by ffmpeg, when the server has it, made
 * afterwards by {@link VideoPreparation}), or names the address of a staging site Tranche will
 * fetch on the viewers' behalf. The files are checked and unpacked before the row is written,
 * outside any transaction; a refused upload leaves nothing behind.
 */
@Service
public class PreviewUploads {
  /** The largest upload accepted, counted while it streams. */
  static final long MAX_UPLOAD_BYTES = 100L * 1024 * 1024;

  private final PreviewRepository previews;
  private final PreviewCache cache;
  private final PreviewService reads;
  private final Upstream upstream;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate transaction;
  private final Clock clock;
  private volatile String ffmpeg;

  PreviewUploads(
      PreviewRepository previews,
      PreviewCache cache,
      PreviewService reads,
      Upstream upstream,
      ApplicationEventPublisher events,
      TransactionTemplate transaction,
      Clock clock,
      @Value("${tranche.preview.ffmpeg:ffmpeg}") String ffmpeg) {
    this.previews = previews;
    this.cache = cache;
    this.reads = reads;
    this.upstream = upstream;
    this.events = events;
    this.transaction = transaction;
    this.clock = clock;
    this.ffmpeg = ffmpeg;
  }

  /**
   * A member uploads a preview of a part: a static site's zip, an image (PNG, JPEG, GIF), a PDF or
   * a video (MP4, QuickTime, WebM), told apart by their content.
   */
  public PreviewView upload(Actor actor, UUID milestoneId, String name, InputStream content) {
    UUID projectId = reads.projectOfMilestone(actor, milestoneId);
    String title = Validation.text("name", name, 200);
    UUID id = UUID.randomUUID();
    Path dir = cache.dir(actor.workspaceId(), id);
    Path upload = null;
    boolean stored = false;
    try {
      Files.createDirectories(cache.root());
      upload = Files.createTempFile(cache.root(), ".upload-", ".bin");
      copyCapped(content, upload);
      byte[] head = head(upload);
      String kind = kind(head, upload);
      int files = 1;
      long bytes = Files.size(upload);
      boolean asUploaded = false;
      String state = PreviewView.READY;
      if (kind.equals("SITE")) {
        SiteArchive.Unpacked site = SiteArchive.unpack(upload, dir, SiteArchive.Limits.DEFAULT);
        files = site.files();
        bytes = site.bytes();
      } else if (kind.equals("VIDEO")) {
        asUploaded = !video(upload, head, dir);
        state = asUploaded ? PreviewView.READY : PreviewView.PREPARING;
      } else {
        Files.createDirectories(dir);
        Files.move(upload, dir.resolve("original"));
      }
      PreviewView view =
          new PreviewView(
              id,
              projectId,
              milestoneId,
              title,
              kind,
              files,
              bytes,
              clock.instant(),
              null,
              asUploaded,
              state,
              null);
      record(actor, view, null);
      stored = true;
      return view;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      cleanUp(upload, stored ? null : dir);
    }
  }

  /**
   * A member names a staging site as a part's preview: viewers see it through Tranche, never its
   * address.
   */
  public PreviewView upstream(Actor actor, UUID milestoneId, String name, String url) {
    UUID projectId = reads.projectOfMilestone(actor, milestoneId);
    String title = Validation.text("name", name, 200);
    java.net.URI address = upstream.address("upstreamUrl", url);
    PreviewView view =
        new PreviewView(
            UUID.randomUUID(),
            projectId,
            milestoneId,
            title,
            "UPSTREAM",
            0,
            0,
            clock.instant(),
            null,
            false,
            PreviewView.READY,
            null);
    record(actor, view, address.toString());
    return view;
  }

  /** The ffmpeg command this server uses for videos (a name on the PATH or a path). */
  void useFfmpeg(String command) {
    this.ffmpeg = command;
  }

  private void record(Actor actor, PreviewView view, @Nullable String upstreamUrl) {
    transaction.executeWithoutResult(
        status -> {
          previews.insert(actor.workspaceId(), view, actor.label(), upstreamUrl);
          events.publishEvent(
              new PreviewEvent.Uploaded(
                  actor.workspaceId(),
                  view.projectId(),
                  actor.label(),
                  view.id(),
                  view.milestoneId(),
                  view.name()));
        });
  }

  /**
   * Keeps a video that ffmpeg reads for its watermarked copy to be made (true), or, when the server
   * has no ffmpeg, as it was uploaded (false). A file ffmpeg cannot read is refused here.
   */
  private boolean video(Path upload, byte[] head, Path dir) throws IOException {
    String command = ffmpeg;
    String container = VideoWatermark.container(head);
    if (!VideoWatermark.available(command)) {
      Files.createDirectories(dir);
      Files.move(upload, dir.resolve("video." + container));
      return false;
    }
    VideoWatermark.probe(command, upload);
    VideoPreparation.keep(upload, dir, container);
    return true;
  }

  private static byte[] head(Path upload) throws IOException {
    try (InputStream in = Files.newInputStream(upload)) {
      return in.readNBytes(12);
    }
  }

  /** What an upload is, by its first bytes: a zip (a site), a PDF, a video, or an image. */
  private static String kind(byte[] head, Path upload) throws IOException {
    String start = new String(head, StandardCharsets.ISO_8859_1);
    if (start.startsWith("PK\u0003\u0004") || start.startsWith("PK\u0005\u0006")) {
      return "SITE";
    }
    if (start.startsWith("%PDF-")) {
      return "PDF";
    }
    if (VideoWatermark.container(head) != null) {
      return "VIDEO";
    }
    try (var in = javax.imageio.ImageIO.createImageInputStream(upload.toFile())) {
      if (in != null && javax.imageio.ImageIO.getImageReaders(in).hasNext()) {
        return "IMAGE";
      }
    }
    throw new DomainException(
        PreviewErrors.BAD_ARCHIVE,
        Map.of("problem", "it is not a site's .zip, an image, a PDF or a video (MP4, WebM)"));
  }

  private static void cleanUp(@Nullable Path upload, @Nullable Path dir) {
    try {
      if (upload != null) {
        Files.deleteIfExists(upload);
      }
      if (dir != null && Files.isDirectory(dir)) {
        try (var walk = Files.walk(dir)) {
          for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
            Files.deleteIfExists(p);
          }
        }
      }
    } catch (IOException e) {
      // what is left has no row pointing at it; it is never served
    }
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
