package io.tranche.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpeningTest {
  @TempDir Path dir;
  private final byte[] plaintext = SealingTest.random(2 * 1024 * 1024 + 333);

  private record Sealed(Path file, DataKey key, DeliveryReceipt receipt) {}

  private Sealed seal(String artifactId) throws Exception {
    DataKey key = DataKey.generate();
    Path file = dir.resolve(artifactId + ".sealed");
    Sealing.Digests d;
    try (OutputStream out = Files.newOutputStream(file)) {
      d = Sealing.seal(key, artifactId, new java.io.ByteArrayInputStream(plaintext), out);
    }
    DeliveryReceipt receipt =
        new DeliveryReceipt(
            "w",
            "p",
            "m",
            artifactId,
            "app.bin",
            "application/octet-stream",
            d.plaintextSize(),
            d.plaintextSha256(),
            d.ciphertextSize(),
            d.ciphertextSha256(),
            key.commitment(),
            null,
            "2026-11-26T00:00:00Z");
    return new Sealed(file, key, receipt);
  }

  private static String code(Throwable e) {
    return ((VaultException) e).code();
  }

  @Test
  void opensTheArtifactTheReceiptDescribes() throws Exception {
    Sealed s = seal("a1");
    Path out = dir.resolve("out.bin");
    Opening.open(s.file(), s.receipt(), s.key(), out);
    assertThat(Files.readAllBytes(out)).isEqualTo(plaintext);
    assertThat(partials()).isEmpty();
  }

  private java.util.List<Path> partials() throws Exception {
    try (var files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".part")).toList();
    }
  }

  @Test
  void anOutputThatIsTheCiphertextIsRefused() throws Exception {
    Sealed s = seal("a1");
    long before = Files.size(s.file());
    assertThatThrownBy(() -> Opening.open(s.file(), s.receipt(), s.key(), s.file()))
        .extracting(OpeningTest::code)
        .isEqualTo("vault.output-is-input");
    assertThat(Files.size(s.file())).isEqualTo(before);
  }

  @Test
  void aWrongKeyIsRefusedByItsCommitmentAndNothingIsWritten() throws Exception {
    Sealed s = seal("a1");
    Path out = dir.resolve("out.bin");
    Files.writeString(out, "stale");
    assertThatThrownBy(() -> Opening.open(s.file(), s.receipt(), DataKey.generate(), out))
        .extracting(OpeningTest::code)
        .isEqualTo("vault.key-mismatch");
    assertThat(Files.readString(out)).as("a file that was there is left alone").isEqualTo("stale");
  }

  @Test
  void aTamperedCiphertextIsRefusedAndTheOutputDeleted() throws Exception {
    Sealed s = seal("a1");
    try (RandomAccessFile f = new RandomAccessFile(s.file().toFile(), "rw")) {
      f.seek(1_500_000);
      int b = f.read();
      f.seek(1_500_000);
      f.write(b ^ 1);
    }
    Path out = dir.resolve("out.bin");
    assertThatThrownBy(() -> Opening.open(s.file(), s.receipt(), s.key(), out))
        .extracting(OpeningTest::code)
        .isEqualTo("vault.ciphertext-mismatch");
    assertThat(out).doesNotExist();
    assertThat(partials()).isEmpty();
  }

  @Test
  void anotherArtifactsCiphertextOrReceiptIsRefused() throws Exception {
    Sealed a = seal("a1");
    Sealed b = seal("b2");
    Path out = dir.resolve("out.bin");
    // b's receipt and key, a's ciphertext (same size): the ciphertext is not the one described
    assertThatThrownBy(() -> Opening.open(a.file(), b.receipt(), b.key(), out))
        .extracting(OpeningTest::code)
        .isEqualTo("vault.ciphertext-mismatch");
    // a's ciphertext and key with b's receipt: the key is not the one b's receipt commits to
    assertThatThrownBy(() -> Opening.open(a.file(), b.receipt(), a.key(), out))
        .extracting(OpeningTest::code)
        .isEqualTo("vault.key-mismatch");
    assertThat(out).doesNotExist();
  }

  @Test
  void aRangeOfThePlaintextOpensWithoutReadingTheWholeCiphertext() throws Exception {
    Sealed s = seal("a1");
    try (SeekableByteChannel cipher = FileChannel.open(s.file(), StandardOpenOption.READ);
        SeekableByteChannel plain = Sealing.openSeekable(s.key(), "a1", cipher)) {
      long from = 1_048_000;
      ByteBuffer buffer = ByteBuffer.allocate(10_000);
      plain.position(from);
      while (buffer.hasRemaining() && plain.read(buffer) > 0) {}
      assertThat(buffer.array())
          .isEqualTo(Arrays.copyOfRange(plaintext, (int) from, (int) from + 10_000));
      assertThat(plain.size()).isEqualTo(plaintext.length);
    }
  }
}
