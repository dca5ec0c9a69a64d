package io.tranche.app.preview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tranche.app.preview.internal.SiteArchive;
import io.tranche.core.error.DomainException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.zip.UnixStat;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A site's zip unpacks; a malicious one is refused with its reason and leaves nothing behind. */
class SiteArchiveTest {
  @TempDir Path dir;

  interface Entries {
    void write(ZipArchiveOutputStream zip) throws IOException;
  }

  private Path zip(String name, Entries entries) throws IOException {
    Path file = dir.resolve(name + ".zip");
    try (OutputStream out = Files.newOutputStream(file);
        ZipArchiveOutputStream zip = new ZipArchiveOutputStream(out)) {
      entries.write(zip);
    }
    return file;
  }

  private static void file(ZipArchiveOutputStream zip, String name, byte[] content)
      throws IOException {
    zip.putArchiveEntry(new ZipArchiveEntry(name));
    zip.write(content);
    zip.closeArchiveEntry();
  }

  private static byte[] text(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private void assertRefused(Path zip, String problem) throws IOException {
    Path site = dir.resolve("sites").resolve("site-1");
    assertThatThrownBy(() -> SiteArchive.unpack(zip, site, SiteArchive.Limits.DEFAULT))
        .isInstanceOf(DomainException.class)
        .hasMessageContaining(problem);
    assertThat(site).doesNotExist();
    try (Stream<Path> left = Files.list(dir.resolve("sites"))) {
      assertThat(left).as("nothing left on disk").isEmpty();
    }
    assertThat(dir.resolve("evil.txt")).doesNotExist();
  }

  @Test
  void aSiteUnpacksWithItsFoldersIntoItsOwnDirectory() throws IOException {
    Path zip =
        zip(
            "site",
            z -> {
              file(z, "index.html", text("<html><body>Nordlicht</body></html>"));
              file(z, "css/site.css", text("body{}"));
              file(z, "img/logo.svg", text("<svg/>"));
            });
    SiteArchive.Unpacked u =
        SiteArchive.unpack(zip, dir.resolve("sites/site-1"), SiteArchive.Limits.DEFAULT);
    assertThat(u.files()).isEqualTo(3);
    assertThat(dir.resolve("sites/site-1/css/site.css")).hasContent("body{}");
    try (Stream<Path> all = Files.list(dir.resolve("sites"))) {
      assertThat(all).as("no work directory left").hasSize(1);
    }
  }

  @Test
  void aZipOfTheSitesFolderStartsAtThatFolder() throws IOException {
    Path zip =
        zip(
            "folder",
            z -> {
              file(z, "shop/index.html", text("<html><body>Shop</body></html>"));
              file(z, "shop/css/site.css", text("body{}"));
              file(z, "__MACOSX/shop/._index.html", text("resource fork"));
            });
    SiteArchive.Unpacked u =
        SiteArchive.unpack(zip, dir.resolve("sites/site-1"), SiteArchive.Limits.DEFAULT);
    assertThat(u.files()).as("the site's files, not what the archiver added").isEqualTo(2);
    assertThat(dir.resolve("sites/site-1/index.html")).hasContent("<html><body>Shop</body></html>");
    assertThat(dir.resolve("sites/site-1/css/site.css")).exists();
    try (Stream<Path> all = Files.list(dir.resolve("sites"))) {
      assertThat(all).as("no work directory left").hasSize(1);
    }
  }

  @Test
  void aSiteWithoutAnIndexPageIsRefusedAtUploadNotWhenTheClientOpensIt() throws IOException {
    Files.createDirectories(dir.resolve("sites"));
    assertRefused(
        zip("no-index", z -> file(z, "about.html", text("<html></html>"))),
        "no index.html at its top");
    assertRefused(
        zip(
            "two-folders",
            z -> {
              file(z, "a/index.html", text("a"));
              file(z, "b/index.html", text("b"));
            }),
        "no index.html at its top");
  }

  @Test
  void pathsThatClimbOutOrStartElsewhereAreRefused() throws IOException {
    Files.createDirectories(dir.resolve("sites"));
    assertRefused(zip("slip", z -> file(z, "../evil.txt", text("x"))), "climbing out");
    assertRefused(
        zip(
            "deep-slip",
            z -> {
              file(z, "index.html", text("ok"));
              file(z, "a/../../evil.txt", text("x"));
            }),
        "climbing out");
    assertRefused(zip("absolute", z -> file(z, "/tmp/evil.txt", text("x"))), "absolute");
    assertRefused(zip("drive", z -> file(z, "C:\\evil.txt", text("x"))), "absolute");
    assertRefused(zip("backslash", z -> file(z, "..\\evil.txt", text("x"))), "climbing out");
  }

  @Test
  void linksAreRefused() throws IOException {
    Files.createDirectories(dir.resolve("sites"));
    Path zip =
        zip(
            "link",
            z -> {
              ZipArchiveEntry link = new ZipArchiveEntry("passwd");
              link.setUnixMode(UnixStat.LINK_FLAG | 0777);
              z.putArchiveEntry(link);
              z.write(text("/etc/passwd"));
              z.closeArchiveEntry();
            });
    assertRefused(zip, "is a link");
  }

  @Test
  void bombsAreRefusedByCountTotalAndRatio() throws IOException {
    Files.createDirectories(dir.resolve("sites"));
    assertRefused(
        zip(
            "many",
            z -> {
              for (int i = 0; i < 5_001; i++) {
                file(z, "f" + i + ".txt", text("x"));
              }
            }),
        "more than 5000 entries");
    byte[] zeros = new byte[8 * 1024 * 1024];
    assertRefused(zip("ratio", z -> file(z, "zeros.bin", zeros)), "expands more than 100 times");
    Path big =
        zip(
            "total",
            z -> {
              byte[] noise = new byte[1024 * 1024];
              new java.util.Random(1).nextBytes(noise);
              for (int i = 0; i < 3; i++) {
                file(z, "part" + i + ".bin", noise);
              }
            });
    Path site = dir.resolve("sites/site-2");
    assertThatThrownBy(
            () -> SiteArchive.unpack(big, site, new SiteArchive.Limits(100, 2 * 1024 * 1024, 100)))
        .hasMessageContaining("more than 2 MiB");
    assertThat(site).doesNotExist();
  }

  @Test
  void notAZipIsRefused() throws IOException {
    Files.createDirectories(dir.resolve("sites"));
    Path junk = Files.writeString(dir.resolve("junk.zip"), "not a zip at all");
    assertRefused(junk, "cannot be read as a zip");
  }
}
