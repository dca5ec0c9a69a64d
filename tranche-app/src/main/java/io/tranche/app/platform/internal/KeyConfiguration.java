package io.tranche.app.platform.internal;

import io.tranche.app.platform.KeyRing;
import io.tranche.vault.KeyEncryptionKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where the key-encryption key comes from: {@code TRANCHE_KEK} (base64 of 32 bytes) when set;
 * otherwise, on the embedded default, a file {@code <data dir>/keys/kek} that the first start
 * generates with owner-only permissions. {@code TRANCHE_KEK_PREVIOUS} (comma-separated) keeps
 * rotated-out keys able to open what they wrapped.
 */
@Configuration(proxyBeanMethods = false)
class KeyConfiguration {
  private static final Logger log = LoggerFactory.getLogger(KeyConfiguration.class);

  @Bean
  KeyRing keyRing(
      @Value("${tranche.kek:}") String configured,
      @Value("${tranche.kek-previous:}") String previous,
      @Value("${tranche.data-dir}") String dataDir)
      throws IOException {
    KeyEncryptionKey current =
        configured.isBlank()
            ? fromFile(Path.of(dataDir, "keys", "kek"))
            : KeyEncryptionKey.fromBase64(configured);
    List<KeyEncryptionKey> old =
        Arrays.stream(previous.split(","))
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .map(KeyEncryptionKey::fromBase64)
            .toList();
    return new KeyRing(current, old);
  }

  private static KeyEncryptionKey fromFile(Path file) throws IOException {
    if (Files.exists(file)) {
      return KeyEncryptionKey.fromBase64(Files.readString(file, StandardCharsets.US_ASCII));
    }
    Files.createDirectories(file.getParent());
    KeyEncryptionKey generated = KeyEncryptionKey.generate();
    try {
      Files.createFile(file, posixOwnerOnly(file));
    } catch (FileAlreadyExistsException raced) {
      return KeyEncryptionKey.fromBase64(Files.readString(file, StandardCharsets.US_ASCII));
    }
    Files.writeString(
        file, generated.toBase64(), StandardCharsets.US_ASCII, StandardOpenOption.WRITE);
    log.warn(
        "Generated a key-encryption key (id {}) at {} with owner-only permissions. Back it up:"
            + " without it the workspaces' signing keys cannot be opened.",
        generated.id(),
        file.toAbsolutePath());
    return generated;
  }

  private static java.nio.file.attribute.FileAttribute<?>[] posixOwnerOnly(Path file) {
    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return new java.nio.file.attribute.FileAttribute<?>[] {
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
      };
    }
    return new java.nio.file.attribute.FileAttribute<?>[0];
  }
}
