package io.tranche.app.storage.internal;

import io.tranche.app.storage.BlobStore;
import io.tranche.app.storage.BlobTooLargeException;
import io.tranche.app.storage.StoredBlob;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Blobs as files under {@code <data dir>/blobs}: written to {@code tmp/} first, then moved into
 * place atomically, so a crash never leaves a half-written blob visible. Stale temporary files are
 * removed at start.
 */
@Component
class LocalFileBlobStore implements BlobStore {
  private static final Pattern KEY = Pattern.compile("[0-9a-f]{2}/[0-9a-f-]{36}");
  private static final int HEAD = 512;

  private final Path root;
  private final Path tmp;

  LocalFileBlobStore(@Value("${tranche.data-dir}") String dataDir) throws IOException {
    this.root = Path.of(dataDir, "blobs").toAbsolutePath().normalize();
    this.tmp = root.resolve("tmp");
    Files.createDirectories(tmp);
    try (var stale = Files.list(tmp)) {
      for (Path file : (Iterable<Path>) stale::iterator) {
        Files.deleteIfExists(file);
      }
    }
  }

  @Override
  public StoredBlob put(InputStream content, long maxBytes) throws IOException {
    String id = UUID.randomUUID().toString();
    String key = id.substring(0, 2) + "/" + id;
    Path temp = tmp.resolve(id);
    MessageDigest sha = sha256();
    byte[] head = new byte[0];
    long size = 0;
    try {
      try (OutputStream out = Files.newOutputStream(temp)) {
        byte[] buffer = new byte[64 * 1024];
        for (int n; (n = content.read(buffer)) != -1; ) {
          size += n;
          if (size > maxBytes) {
            throw new BlobTooLargeException(maxBytes);
          }
          if (head.length < HEAD) {
            int take = (int) Math.min(HEAD - head.length, n);
            byte[] grown = Arrays.copyOf(head, head.length + take);
            System.arraycopy(buffer, 0, grown, head.length, take);
            head = grown;
          }
          sha.update(buffer, 0, n);
          out.write(buffer, 0, n);
        }
      }
      Path target = resolve(key);
      Files.createDirectories(target.getParent());
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
      return new StoredBlob(key, size, HexFormat.of().formatHex(sha.digest()), head);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  @Override
  public InputStream open(String key) throws IOException {
    return Files.newInputStream(resolve(key));
  }

  @Override
  public void delete(String key) throws IOException {
    Files.deleteIfExists(resolve(key));
  }

  private Path resolve(String key) {
    if (!KEY.matcher(key).matches()) {
      throw new IllegalArgumentException("not a blob key");
    }
    return root.resolve(key);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
