package io.tranche.app.preview.internal;

import io.tranche.app.preview.PreviewErrors;
import io.tranche.core.error.DomainException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Unpacks a static site's zip for previewing, refusing what could escape or overwhelm the server:
 * paths that climb out ({@code ../}), absolute paths and drive letters, links (Unix symlinks), and
 * bombs (too many entries, too many bytes in all, an entry that expands more than {@link
 * Limits#maxRatio} times). Sizes are counted as bytes are written, never taken from the zip's own
 * headers. Everything is written into a fresh directory beside the target and moved into place only
 * when the whole archive passed: a refusal leaves nothing on disk.
 */
public final class SiteArchive {
  private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*");

  private SiteArchive() {}

  /** What an archive may hold. */
  public record Limits(int maxEntries, long maxTotalBytes, long maxRatio) {
    public static final Limits DEFAULT = new Limits(5_000, 200L * 1024 * 1024, 100);
  }

  /** What was unpacked: where, how many files and bytes. */
  public record Unpacked(Path directory, int files, long bytes) {}

  /**
   * Unpacks {@code zip} into {@code target} (which must not exist yet), or refuses with {@code
   * preview.bad-archive} naming the problem and leaves nothing behind.
   */
  public static Unpacked unpack(Path zip, Path target, Limits limits) {
    Path work;
    try {
      Files.createDirectories(target.toAbsolutePath().getParent());
      work = Files.createTempDirectory(target.toAbsolutePath().getParent(), ".unpacking-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      Unpacked unpacked = unpackInto(zip, work, limits);
      Path root = siteRoot(work);
      Files.move(root, target, StandardCopyOption.ATOMIC_MOVE);
      if (root.equals(work)) {
        return new Unpacked(target, unpacked.files(), unpacked.bytes());
      }
      delete(work); // what archivers put beside the site's folder
      long files = 0;
      long bytes = 0;
      try (Stream<Path> all = Files.walk(target)) {
        for (Path p : (Iterable<Path>) all.filter(Files::isRegularFile)::iterator) {
          files++;
          bytes += Files.size(p);
        }
      }
      return new Unpacked(target, (int) files, bytes);
    } catch (IOException e) {
      delete(work);
      throw refused("it cannot be read as a zip (" + e.getMessage() + ")");
    } catch (RuntimeException e) {
      delete(work);
      throw e;
    }
  }

  /**
   * Where the site starts: the unpacked directory when it holds {@code index.html}, or its one
   * folder that does (a zip made of a folder, {@code shop/index.html}); refused otherwise, since a
   * preview opens its {@code index.html} first.
   */
  private static Path siteRoot(Path dir) throws IOException {
    if (Files.isRegularFile(dir.resolve("index.html"))) {
      return dir;
    }
    List<Path> folders;
    try (var children = Files.list(dir)) {
      folders =
          children
              // what archivers add beside the folder is not part of the site
              .filter(p -> !p.getFileName().toString().equals("__MACOSX"))
              .filter(p -> !p.getFileName().toString().equals(".DS_Store"))
              .toList();
    }
    if (folders.size() == 1
        && Files.isDirectory(folders.get(0))
        && Files.isRegularFile(folders.get(0).resolve("index.html"))) {
      return folders.get(0);
    }
    throw refused(
        "it has no index.html at its top (the page a preview opens first); zip the site's folder"
            + " with its index.html");
  }

  private static Unpacked unpackInto(Path zip, Path dir, Limits limits) throws IOException {
    int files = 0;
    long total = 0;
    try (ZipFile archive = ZipFile.builder().setPath(zip).get()) {
      Enumeration<ZipArchiveEntry> entries = archive.getEntries();
      int count = 0;
      while (entries.hasMoreElements()) {
        ZipArchiveEntry entry = entries.nextElement();
        if (++count > limits.maxEntries()) {
          throw refused("it has more than " + limits.maxEntries() + " entries");
        }
        String name = entry.getName();
        if (entry.isUnixSymlink()) {
          throw refused(name + " is a link; a preview holds files only");
        }
        Path to = inside(dir, name);
        if (entry.isDirectory()) {
          Files.createDirectories(to);
          continue;
        }
        Files.createDirectories(to.getParent());
        long compressed = Math.max(entry.getCompressedSize(), 1);
        long written = 0;
        try (InputStream in = archive.getInputStream(entry);
            OutputStream out = Files.newOutputStream(to)) {
          byte[] buffer = new byte[64 * 1024];
          int n;
          while ((n = in.read(buffer)) > 0) {
            written += n;
            total += n;
            if (total > limits.maxTotalBytes()) {
              throw refused(
                  "it unpacks to more than " + limits.maxTotalBytes() / (1024 * 1024) + " MiB");
            }
            if (written > 1024 * 1024 && written / compressed > limits.maxRatio()) {
              throw refused(
                  name + " expands more than " + limits.maxRatio() + " times (a zip bomb?)");
            }
            out.write(buffer, 0, n);
          }
        }
        files++;
      }
    }
    return new Unpacked(dir, files, total);
  }

  /** Where an entry goes: refused unless it stays inside {@code dir}. */
  public static Path inside(Path dir, String name) {
    String n = name.replace('\\', '/');
    if (n.isEmpty()
        || n.startsWith("/")
        || DRIVE.matcher(n).matches()
        || n.indexOf('\0') >= 0
        || Stream.of(n.split("/")).anyMatch(".."::equals)) {
      throw refused(name + " is not a path inside the site (absolute, or climbing out with ..)");
    }
    Path to = dir.resolve(n).normalize();
    if (!to.startsWith(dir)) {
      throw refused(name + " is not a path inside the site");
    }
    return to;
  }

  private static DomainException refused(String problem) {
    return new DomainException(PreviewErrors.BAD_ARCHIVE, Map.of("problem", problem));
  }

  private static void delete(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.deleteIfExists(p);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
