package io.tranche.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SealingTest {
  private final byte[] plaintext = random(3 * 1024 * 1024 + 17);
  private final DataKey key = DataKey.generate();

  static byte[] random(int size) {
    byte[] data = new byte[size];
    new Random(42).nextBytes(data);
    return data;
  }

  private byte[] seal(DataKey k, String id, Sealing.Digests[] out) throws Exception {
    ByteArrayOutputStream cipher = new ByteArrayOutputStream();
    out[0] = Sealing.seal(k, id, new ByteArrayInputStream(plaintext), cipher);
    return cipher.toByteArray();
  }

  @Test
  void opensWhatItSealedAndReportsTheDigestsOfBothSides() throws Exception {
    Sealing.Digests[] sealed = new Sealing.Digests[1];
    byte[] cipher = seal(key, "artifact-1", sealed);
    assertThat(sealed[0].plaintextSize()).isEqualTo(plaintext.length);
    assertThat(sealed[0].plaintextSha256())
        .isEqualTo(
            HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(plaintext)));
    assertThat(sealed[0].ciphertextSize()).isEqualTo(cipher.length);
    assertThat(sealed[0].ciphertextSha256())
        .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(cipher)));

    ByteArrayOutputStream opened = new ByteArrayOutputStream();
    Sealing.Digests digests =
        Sealing.open(key, "artifact-1", new ByteArrayInputStream(cipher), opened);
    assertThat(opened.toByteArray()).isEqualTo(plaintext);
    assertThat(digests.plaintextSha256()).isEqualTo(sealed[0].plaintextSha256());
    assertThat(digests.ciphertextSha256()).isEqualTo(sealed[0].ciphertextSha256());
  }

  @Test
  void refusesAChangedCiphertextAnotherKeyOrAnotherArtifact() throws Exception {
    byte[] cipher = seal(key, "artifact-1", new Sealing.Digests[1]);
    byte[] changed = cipher.clone();
    changed[changed.length / 2] ^= 1;
    assertTampered(key, "artifact-1", changed);
    assertTampered(DataKey.generate(), "artifact-1", cipher);
    assertTampered(key, "artifact-2", cipher);
    byte[] truncated = java.util.Arrays.copyOf(cipher, cipher.length - 100);
    assertTampered(key, "artifact-1", truncated);
  }

  private static void assertTampered(DataKey k, String id, byte[] cipher) {
    assertThatThrownBy(
            () ->
                Sealing.open(k, id, new ByteArrayInputStream(cipher), new ByteArrayOutputStream()))
        .isInstanceOfSatisfying(
            VaultException.class, e -> assertThat(e.code()).isEqualTo("vault.tampered"));
  }

  @Test
  void commitsToTheKeyAndWrapsItForItsArtifactOnly() {
    assertThat(key.commitment()).hasSize(64).isEqualTo(DataKey.of(key.keyset()).commitment());
    assertThat(DataKey.generate().commitment()).isNotEqualTo(key.commitment());
    KeyEncryptionKey kek = KeyEncryptionKey.generate();
    String wrapped = key.wrap(kek, "artifact-1");
    assertThat(DataKey.unwrap(kek, wrapped, "artifact-1").commitment()).isEqualTo(key.commitment());
    assertThatThrownBy(() -> DataKey.unwrap(kek, wrapped, "artifact-2"))
        .isInstanceOf(VaultException.class);
    assertThat(key.toString()).doesNotContain(HexFormat.of().formatHex(key.keyset()));
  }
}
