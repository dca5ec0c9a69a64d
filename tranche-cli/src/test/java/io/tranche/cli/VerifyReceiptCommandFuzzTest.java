package io.tranche.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine;

/**
 * Fuzzes {@code tranche-cli verify-receipt} as a client runs it: a receipt file and a key file
 * (JWK, PEM, DER or raw key) from the outside. An input is the receipt, a line break and the key;
 * without a line break the key is the vendor's. The command must end with exit code 0 (valid), 1
 * (refused) or 3 (unreadable), never with an exception, and 0 only for what the vendor signed (the
 * test vector of docs/formats.md). Corpus:
 * src/test/resources/io/tranche/cli/VerifyReceiptCommandFuzzTestInputs/.
 */
class VerifyReceiptCommandFuzzTest {
  private static final JsonObject VECTOR = vector();
  private static final String JWS = VECTOR.get("jws").getAsString();
  private static final byte[] VENDOR_JWK =
      VECTOR.get("publicKeyJwk").getAsString().getBytes(StandardCharsets.UTF_8);
  private static final Path DIR = tempDir();

  private static JsonObject vector() {
    try {
      return JsonParser.parseString(
              Files.readString(Path.of("..", "docs", "test-vectors", "vectors.json")))
          .getAsJsonObject()
          .getAsJsonObject("receipt");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path tempDir() {
    try {
      Path dir = Files.createTempDirectory("verify-receipt-fuzz");
      dir.toFile().deleteOnExit();
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @FuzzTest
  void verifyReceiptExitsWithACodeAndAcceptsOnlyTheVendorsSignature(byte[] input)
      throws IOException {
    int newline = indexOf(input, (byte) '\n');
    byte[] receipt = newline < 0 ? input : Arrays.copyOf(input, newline);
    byte[] key = newline < 0 ? VENDOR_JWK : Arrays.copyOfRange(input, newline + 1, input.length);
    Path receiptFile = Files.write(DIR.resolve("receipt.jws"), receipt);
    Path keyFile = Files.write(DIR.resolve("vendor.key"), key);
    receiptFile.toFile().deleteOnExit();
    keyFile.toFile().deleteOnExit();

    AtomicReference<Exception> thrown = new AtomicReference<>();
    CommandLine cli = new CommandLine(new TrancheCli());
    cli.setOut(new PrintWriter(new StringWriter()));
    StringWriter err = new StringWriter();
    cli.setErr(new PrintWriter(err));
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          thrown.set(e);
          return 99;
        });
    int exit = cli.execute("verify-receipt", receiptFile.toString(), "--key=" + keyFile);

    assertThat(thrown.get()).as("exception escaped the command").isNull();
    assertThat(exit).as("exit code; stderr: %s", err).isIn(0, 1, 3);
    if (exit == 0) {
      String[] parts = new String(receipt, StandardCharsets.US_ASCII).strip().split("\\.", -1);
      assertThat(parts[0] + "." + parts[1]).isEqualTo(JWS.substring(0, JWS.lastIndexOf('.')));
    }
  }

  private static int indexOf(byte[] bytes, byte b) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return -1;
  }
}
