package io.tranche.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code tranche-cli license verify} on the licence vectors of docs/formats.md. */
class LicenseCommandTest {
  private static final Path VECTORS = Path.of("..", "docs", "test-vectors", "licenses.json");
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = new CommandLine(new TrancheCli());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  /** The value of the first {@code "name": "…"} after {@code after} in the vectors file. */
  private static String member(String json, String after, String name) {
    int from = json.indexOf(after);
    Matcher m =
        Pattern.compile("\"" + name + "\": (\"(?:[^\"\\\\]|\\\\.)*\")")
            .matcher(json.substring(from));
    assertThat(m.find()).isTrue();
    String quoted = m.group(1);
    return quoted.substring(1, quoted.length() - 1).replace("\\\"", "\"");
  }

  @Test
  void aValidLicenceIsPrintedAndARefusedOneSaysWhy() throws Exception {
    String vectors = Files.readString(VECTORS);
    Path key = Files.writeString(dir.resolve("vendor.jwk"), member(vectors, "{", "publicKeyJwk"));
    Path full = Files.writeString(dir.resolve("full.jws"), member(vectors, "full, valid", "token"));
    Path tampered =
        Files.writeString(dir.resolve("tampered.jws"), member(vectors, "full, tampered", "token"));

    assertThat(
            run(
                "license",
                "verify",
                full.toString(),
                "--key",
                key.toString(),
                "--at",
                "2027-06-01T00:00:00Z"))
        .isZero();
    assertThat(out.toString())
        .contains("valid: signed by the given key")
        .contains("licensee: Nordlicht GmbH")
        .contains("product: nordlicht-shop (full)")
        .contains("features: catalogue, checkout, export")
        .contains("machines: 5");

    assertThat(
            run(
                "license",
                "verify",
                tampered.toString(),
                "--key",
                key.toString(),
                "--at",
                "2027-06-01T00:00:00Z"))
        .isEqualTo(1);
    assertThat(err.toString()).contains("refused: BAD_SIGNATURE");

    assertThat(
            run(
                "license",
                "verify",
                full.toString(),
                "--key",
                key.toString(),
                "--at",
                "2026-11-01T00:00:00Z"))
        .isEqualTo(1);
    assertThat(err.toString()).contains("refused: NOT_YET_VALID");

    Path revoked =
        Files.writeString(dir.resolve("revoked.txt"), "c1a9e0d4-5f27-4b3a-8e16-9d2f7a4c0b58\n");
    assertThat(
            run(
                "license",
                "verify",
                full.toString(),
                "--key",
                key.toString(),
                "--revoked",
                revoked.toString(),
                "--at",
                "2027-06-01T00:00:00Z"))
        .isEqualTo(1);
    assertThat(err.toString()).contains("refused: REVOKED");
  }
}
