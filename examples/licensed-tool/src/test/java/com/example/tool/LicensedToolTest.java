package com.example.tool;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example gates its export by the edition, with the licences of docs/formats.md. */
class LicensedToolTest {
  @TempDir Path dir;

  private static String member(String json, String after, String name) {
    Matcher m =
        Pattern.compile("\"" + name + "\": (\"(?:[^\"\\\\]|\\\\.)*\")")
            .matcher(json.substring(json.indexOf(after)));
    assertThat(m.find()).isTrue();
    String quoted = m.group(1);
    return quoted.substring(1, quoted.length() - 1).replace("\\\"", "\"");
  }

  private String run(String... args) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    LicensedTool.run(args, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aPreviewShowsTheProductButOnlyTheFullEditionExports() throws Exception {
    String vectors = Files.readString(Path.of("..", "..", "docs", "test-vectors", "licenses.json"));
    String key =
        Files.writeString(dir.resolve("vendor.jwk"), member(vectors, "{", "publicKeyJwk"))
            .toString();
    String preview =
        Files.writeString(dir.resolve("preview.jws"), member(vectors, "preview, valid", "token"))
            .toString();
    String full =
        Files.writeString(dir.resolve("full.jws"), member(vectors, "full, valid", "token"))
            .toString();

    assertThat(run(preview, key, "show", "2026-12-02T09:00:00Z")).contains("preview edition");
    assertThat(run(preview, key, "export", "2026-12-02T09:00:00Z"))
        .contains("Export needs the full edition");
    assertThat(run(full, key, "export", "2027-06-01T00:00:00Z"))
        .contains("Exported the catalogue for Nordlicht GmbH");
    assertThat(run(preview, key, "show", "2026-12-16T12:00:00Z")).contains("please renew it");
    assertThat(run(preview, key, "show", "2027-01-01T00:00:00Z")).contains("not licensed");
  }
}
