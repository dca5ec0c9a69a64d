package io.tranche.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tranche.vault.DataKey;
import io.tranche.vault.DeliveryReceipt;
import io.tranche.vault.Receipts;
import io.tranche.vault.Sealing;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ReceiptCommandsTest {
  @TempDir Path dir;
  private final byte[] plaintext = new byte[1_500_000];
  private KeyPair vendor;
  private DataKey key;
  private Path sealed;
  private Path receipt;
  private Path publicKey;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void seal() throws Exception {
    new Random(7).nextBytes(plaintext);
    vendor = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    key = DataKey.generate();
    sealed = dir.resolve("build.zip.sealed");
    Sealing.Digests d;
    try (OutputStream o = Files.newOutputStream(sealed)) {
      d = Sealing.seal(key, "art-1", new ByteArrayInputStream(plaintext), o);
    }
    DeliveryReceipt r =
        new DeliveryReceipt(
            "w",
            "p",
            "m",
            "art-1",
            "build.zip",
            "application/zip",
            d.plaintextSize(),
            d.plaintextSha256(),
            d.ciphertextSize(),
            d.ciphertextSha256(),
            key.commitment(),
            null,
            "2026-11-26T00:00:00Z");
    receipt =
        Files.writeString(
            dir.resolve("build.zip.receipt.jws"), Receipts.sign(r, vendor.getPrivate(), "k"));
    publicKey = Files.writeString(dir.resolve("vendor.jwk"), Receipts.toJwk(vendor.getPublic()));
  }

  private int run(String... args) {
    CommandLine cli = new CommandLine(new TrancheCli());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Test
  void verifyReceiptAcceptsTheVendorsSignatureAndPrintsWhatItStates() {
    assertThat(run("verify-receipt", receipt.toString(), "--key", publicKey.toString())).isZero();
    assertThat(out.toString())
        .contains("valid")
        .contains("build.zip")
        .contains("key commitment: " + key.commitment());
  }

  @Test
  void verifyReceiptRefusesAnotherKeyAndAnotherArtifact() throws Exception {
    KeyPair other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    String otherKey = Base64.getEncoder().encodeToString(other.getPublic().getEncoded());
    assertThat(run("verify-receipt", receipt.toString(), "--key", otherKey)).isEqualTo(1);
    assertThat(err.toString()).contains("receipt.bad-signature");
    assertThat(
            run(
                "verify-receipt",
                receipt.toString(),
                "--key",
                publicKey.toString(),
                "--artifact",
                "art-2"))
        .isEqualTo(1);
    assertThat(err.toString()).contains("receipt.other-artifact");
    assertThat(
            run(
                "verify-receipt",
                dir.resolve("missing.jws").toString(),
                "--key",
                publicKey.toString()))
        .isEqualTo(3);
  }

  @Test
  void openReproducesThePlaintextWithTheReleasedKey() throws Exception {
    Path output = dir.resolve("build.zip");
    String dataKey = Base64.getEncoder().encodeToString(key.keyset());
    assertThat(
            run(
                "open",
                sealed.toString(),
                "--receipt",
                receipt.toString(),
                "--key",
                dataKey,
                "--signing-key",
                publicKey.toString(),
                "-o",
                output.toString()))
        .isZero();
    assertThat(Files.readAllBytes(output)).isEqualTo(plaintext);
  }

  @Test
  void openRefusesAWrongKeyOrAChangedFileAndLeavesNoOutput() throws Exception {
    Path output = dir.resolve("build.zip");
    String wrong = Base64.getEncoder().encodeToString(DataKey.generate().keyset());
    assertThat(
            run(
                "open",
                sealed.toString(),
                "--receipt",
                receipt.toString(),
                "--key",
                wrong,
                "-o",
                output.toString()))
        .isEqualTo(1);
    assertThat(err.toString()).contains("vault.key-mismatch");
    assertThat(output).doesNotExist();

    byte[] bytes = Files.readAllBytes(sealed);
    bytes[1_000_000] ^= 0x40;
    Files.write(sealed, bytes);
    Path keyFile =
        Files.writeString(dir.resolve("key.txt"), Base64.getEncoder().encodeToString(key.keyset()));
    assertThat(
            run(
                "open",
                sealed.toString(),
                "--receipt",
                receipt.toString(),
                "--key",
                keyFile.toString(),
                "-o",
                output.toString()))
        .isEqualTo(1);
    assertThat(err.toString()).contains("vault.ciphertext-mismatch");
    assertThat(output).doesNotExist();
    try (var files = Files.list(dir)) {
      assertThat(files.filter(f -> f.toString().endsWith(".part"))).isEmpty();
    }
  }

  @Test
  void uploadWithoutATokenStopsBeforeSendingAnything() {
    assertThat(
            run(
                "upload",
                sealed.toString(),
                "--server",
                "http://127.0.0.1:9",
                "--milestone",
                "m",
                "--token-env",
                "TRANCHE_NO_SUCH_VARIABLE"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("no API token");
  }
}
