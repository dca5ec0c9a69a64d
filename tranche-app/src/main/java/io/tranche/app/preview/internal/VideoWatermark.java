package io.tranche.app.preview.internal;

import io.tranche.app.preview.PreviewErrors;
import io.tranche.core.error.DomainException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A preview copy of a video with a line of text burned into its picture, made with {@code ffmpeg}
 * when the machine has it (the JDK has no video codecs, and no Java library that encodes H.264 is
 * kept as well as ffmpeg). Without ffmpeg the uploaded preview is shown as it is, and the page says
 * so; the sealed deliverable is never involved either way.
 */
public final class VideoWatermark {
  private VideoWatermark() {}

  /** The video container an upload starts with, or null: MP4/QuickTime or WebM/Matroska. */
  public static @Nullable String container(byte[] head) {
    if (head.length >= 8 && new String(head, 4, 4, StandardCharsets.ISO_8859_1).equals("ftyp")) {
      return "mp4";
    }
    if (head.length >= 4
        && (head[0] & 0xff) == 0x1a
        && (head[1] & 0xff) == 0x45
        && (head[2] & 0xff) == 0xdf
        && (head[3] & 0xff) == 0xa3) {
      return "webm";
    }
    return null;
  }

  /** Whether {@code ffmpeg} (a command on the PATH or a path) runs here. */
  public static boolean available(String ffmpeg) {
    try {
      Process p =
          new ProcessBuilder(ffmpeg, "-version")
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * Refuses, with {@code preview.bad-archive}, a file ffmpeg cannot decode the first moments of as
   * a video. Quick (headers and a few frames), so an upload is answered at once; the slow part,
   * {@link #burn}, runs afterwards.
   */
  public static void probe(String ffmpeg, Path source) throws IOException {
    run(
        List.of(
            ffmpeg,
            "-nostdin",
            "-v",
            "error",
            "-i",
            source.toAbsolutePath().toString(),
            "-map",
            "0:v:0",
            "-t",
            "0.5",
            "-f",
            "null",
            "-"),
        source.getParent(),
        Duration.ofMinutes(1),
        null);
  }

  /**
   * Writes {@code target}, an MP4 (H.264, at most 1280 px wide, audio kept) of {@code source} with
   * {@code text} across the middle and along the bottom of every frame. A file ffmpeg cannot read
   * as a video is refused with {@code preview.bad-archive}.
   */
  public static void burn(String ffmpeg, Path source, Path target, String text, Duration timeout)
      throws IOException {
    Path dir = target.getParent();
    // The text goes through a file: no quoting of the filter's own syntax, no % expansion.
    Path textFile = Files.createTempFile(dir, ".mark-", ".txt");
    try {
      Files.writeString(textFile, text, StandardCharsets.UTF_8);
      String font = "textfile=" + textFile.getFileName() + ":expansion=none:fontcolor=white@0.45";
      // the text fits the frame's width whatever its length (a glyph is about 0.6 em wide)
      double em = Math.max(10, text.length()) * 0.62;
      String filter =
          "scale='min(1280,iw)':-2,"
              + "drawtext="
              + font
              + ":borderw=2:bordercolor=black@0.35:fontsize='min(h/16,w/"
              + em
              + ")':x=(w-text_w)/2:y=(h-text_h)/2,"
              + "drawtext="
              + font
              + ":fontsize='min(h/28,w/"
              + em
              + ")':x=(w-text_w)/2:y=h-2*text_h";
      run(
          List.of(
              ffmpeg,
              "-nostdin",
              "-v",
              "error",
              "-y",
              "-i",
              source.toAbsolutePath().toString(),
              "-vf",
              filter,
              "-c:v",
              "libx264",
              "-preset",
              "veryfast",
              "-crf",
              "26",
              "-pix_fmt",
              "yuv420p",
              "-c:a",
              "aac",
              "-b:a",
              "96k",
              "-movflags",
              "+faststart",
              "-threads",
              "2",
              "-f",
              "mp4",
              target.toAbsolutePath().toString()),
          dir,
          timeout,
          target);
    } finally {
      Files.deleteIfExists(textFile);
    }
  }

  /**
   * Runs ffmpeg in {@code dir}; refuses with {@code preview.bad-archive} when it fails, takes
   * longer than {@code timeout} or leaves {@code output} (when named) missing or empty.
   */
  private static void run(List<String> command, Path dir, Duration timeout, @Nullable Path output)
      throws IOException {
    Path log = Files.createTempFile(dir, ".ffmpeg-", ".log");
    try {
      Process p =
          new ProcessBuilder(command)
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      boolean done;
      try {
        done = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        p.destroyForcibly();
        Thread.currentThread().interrupt();
        // not the video's fault (the server is stopping): the job is tried again
        throw new IllegalStateException("interrupted while ffmpeg worked on a video", e);
      }
      if (!done) {
        p.destroyForcibly();
        throw new DomainException(
            PreviewErrors.BAD_ARCHIVE,
            Map.of(
                "problem", "the video took longer than " + timeout.toMinutes() + " min to mark"));
      }
      if (p.exitValue() != 0
          || (output != null && (!Files.isRegularFile(output) || Files.size(output) == 0))) {
        throw new DomainException(
            PreviewErrors.BAD_ARCHIVE,
            Map.of("problem", "it could not be read as a video (" + lastLine(log) + ")"));
      }
    } finally {
      Files.deleteIfExists(log);
    }
  }

  private static String lastLine(Path log) throws IOException {
    String text;
    try (InputStream in = Files.newInputStream(log)) {
      text = new String(in.readNBytes(4096), StandardCharsets.UTF_8).strip();
    }
    int at = text.lastIndexOf('\n');
    String line = at < 0 ? text : text.substring(at + 1);
    // ffmpeg names the input file; the page shows only the problem
    line = line.replaceAll("/\\S+?(?=:\\s|\\s|:?$)", "the file");
    return line.isEmpty() ? "ffmpeg failed" : line.length() > 160 ? line.substring(0, 160) : line;
  }

  /**
   * The page shown in place of a video whose watermarked copy is not ready: being made (the page
   * reloads itself every 15 s), or could not be made ({@code failed}).
   */
  private static String notReadyPage(String title, boolean failed) {
    String note =
        failed
            ? "<p>This video could not be prepared for viewing. The freelancer can see why in"
                + " their console and upload it again.</p>"
            : "<p>This video is being prepared: a copy with the watermark in every frame is being"
                + " made. That usually takes a few minutes; this page reloads itself until the"
                + " video is ready.</p>";
    return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
        + (failed ? "" : "<meta http-equiv=\"refresh\" content=\"15\">")
        + "<title>"
        + escape(title)
        + "</title><style>body{margin:0;background:#111;color:#eee;font:16px/1.5 sans-serif}"
        + "h1{font-size:1.1rem;margin:.5rem 1rem}p{margin:.5rem 1rem}</style></head><body>"
        + "<h1>"
        + escape(title)
        + "</h1>"
        + note
        + "</body></html>";
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /**
   * The page a video preview is watched on (the watermark overlay is added as for any page), or, in
   * {@code state} PREPARING or FAILED, the page saying the video is not ready.
   */
  public static String page(String title, String state, boolean asUploaded) {
    if (!"READY".equals(state)) {
      return notReadyPage(title, "FAILED".equals(state));
    }
    String name = escape(title);
    String note =
        asUploaded
            ? "<p>This video is shown as it was uploaded: this server has no ffmpeg, so no"
                + " watermark is burned into the picture. The mark over it names you.</p>"
            : "<p>A preview copy: the watermark is part of the picture.</p>";
    return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
        + "<title>"
        + name
        + "</title><style>body{margin:0;background:#111;color:#eee;font:16px/1.5 sans-serif}"
        + "video{display:block;width:100%;max-height:85vh;background:#000}"
        + "h1{font-size:1.1rem;margin:.5rem 1rem}p{margin:.5rem 1rem}</style></head><body>"
        + "<h1>"
        + name
        + "</h1><video controls preload=\"metadata\" controlslist=\"nodownload\""
        + " disablepictureinpicture src=\"video\"></video>"
        + note
        + "</body></html>";
  }
}
