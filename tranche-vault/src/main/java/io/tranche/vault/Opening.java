package io.tranche.vault;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Opens a sealed artifact on the client's side, trusting nothing but the delivery receipt: the key
 * must be the one the receipt commits to, the ciphertext the one it describes, and the plaintext
 * must come out with the size and SHA-256 it promises. The plaintext goes to a temporary file next
 * to {@code out} and is moved into place only when every check passed; on any refusal the temporary
 * file is deleted and {@code out} is left as it was (not created, or untouched).
 */
public final class Opening {
  private Opening() {}

  public static Sealing.Digests open(
      Path ciphertext, DeliveryReceipt receipt, DataKey key, Path out) throws IOException {
    if (!key.commitment().equals(receipt.keyCommitment())) {
      throw new VaultException(
          "vault.key-mismatch",
          "the key is not the one the receipt commits to (commitment "
              + key.commitment()
              + ", receipt says "
              + receipt.keyCommitment()
              + ")");
    }
    Path target = out.toAbsolutePath();
    if (Files.exists(target) && Files.isSameFile(target, ciphertext)) {
      throw new VaultException(
          "vault.output-is-input", "the output would overwrite the ciphertext; choose another");
    }
    long size = Files.size(ciphertext);
    if (size != receipt.ciphertextSize()) {
      throw ciphertextMismatch(
          "it has " + size + " bytes, the receipt says " + receipt.ciphertextSize());
    }
    Path partial =
        Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".part");
    boolean done = false;
    try {
      Sealing.Digests digests;
      try (InputStream in = Files.newInputStream(ciphertext);
          OutputStream plain = Files.newOutputStream(partial)) {
        digests = Sealing.open(key, receipt.artifactId(), in, plain);
      } catch (VaultException e) {
        if (e.code().equals("vault.tampered")
            && !sha256(ciphertext).equals(receipt.ciphertextSha256())) {
          throw ciphertextMismatch(
              "its SHA-256 differs from the receipt's: changed, or another artifact");
        }
        throw e;
      }
      if (!digests.ciphertextSha256().equals(receipt.ciphertextSha256())) {
        throw ciphertextMismatch(
            "its SHA-256 differs from the receipt's: changed, or another artifact");
      }
      if (digests.plaintextSize() != receipt.plaintextSize()
          || !digests.plaintextSha256().equals(receipt.plaintextSha256())) {
        throw new VaultException(
            "vault.plaintext-mismatch",
            "the opened artifact is not what the receipt describes (size "
                + digests.plaintextSize()
                + ", SHA-256 "
                + digests.plaintextSha256()
                + ")");
      }
      Files.move(
          partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      done = true;
      return digests;
    } finally {
      if (!done) {
        Files.deleteIfExists(partial);
      }
    }
  }

  /** The lower-case hex SHA-256 of a file. */
  public static String sha256(Path file) throws IOException {
    MessageDigest sha = HashingPipe.newSha256();
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[256 * 1024];
      for (int n; (n = in.read(buffer)) != -1; ) {
        sha.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  private static VaultException ciphertextMismatch(String why) {
    return new VaultException(
        "vault.ciphertext-mismatch", "the ciphertext is not the one the receipt describes: " + why);
  }
}
