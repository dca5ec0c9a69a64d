package io.tranche.app.storage.internal;

import io.tranche.app.storage.BlobStore;
import io.tranche.app.storage.BlobWriter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Blobs as files under {@code <data dir>/blobs}: written to {@code tmp/} first, then moved into
 * place atomically, so a crash never leaves a half-written blob visible. Stale temporary files are
 * removed at start.
 */
@Component
@ConditionalOnProperty(
    name = "tranche.storage.backend",
    havingValue = "local",
    matchIfMissing = true)
class LocalFileBlobStore implements BlobStore {
  private static final Pattern KEY = Pattern.compile("[0-9a-f]{2}/[0-9a-f-]{36}");

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
  public BlobWriter create() throws IOException {
    String id = UUID.randomUUID().toString();
    String key = id.substring(0, 2) + "/" + id;
    Path temp = tmp.resolve(id);
    FileChannel channel =
        FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    // closing the stream (by the writer, or by commit) puts the bytes on disk first: a power cut
    // must not leave a sealed row pointing at a truncated file
    OutputStream out =
        new BufferedOutputStream(Channels.newOutputStream(channel), 64 * 1024) {
          private boolean closed;

          @Override
          public void close() throws IOException {
            if (closed) {
              return;
            }
            closed = true;
            try {
              flush();
              channel.force(true);
            } finally {
              super.close();
            }
          }
        };
    return new BlobWriter() {
      private boolean committed;

      @Override
      public String key() {
        return key;
      }

      @Override
      public OutputStream stream() {
        return out;
      }

      @Override
      public void commit() throws IOException {
        out.close();
        Path target = resolve(key);
        Files.createDirectories(target.getParent());
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        syncDirectory(target.getParent());
        committed = true;
      }

      @Override
      public void close() throws IOException {
        if (!committed) {
          // thrown away: no flush, no sync, just the file handle and the file
          try {
            channel.close();
          } finally {
            Files.deleteIfExists(temp);
          }
        }
      }
    };
  }

  /** Makes a directory's entries (the moved file) durable; not every file system allows it. */
  private static void syncDirectory(Path dir) {
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true);
    } catch (IOException e) {
      // e.g. a file system without directory sync: the file itself is on disk
    }
  }

  @Override
  public InputStream open(String key, long offset) throws IOException {
    SeekableByteChannel channel = Files.newByteChannel(resolve(key), StandardOpenOption.READ);
    try {
      channel.position(offset);
    } catch (IOException e) {
      channel.close();
      throw e;
    }
    return Channels.newInputStream(channel);
  }

  @Override
  public long size(String key) throws IOException {
    return Files.size(resolve(key));
  }

  @Override
  public void delete(String key) throws IOException {
    Files.deleteIfExists(resolve(key));
    Files.deleteIfExists(tmp.resolve(key.substring(3)));
  }

  private Path resolve(String key) {
    if (!KEY.matcher(key).matches()) {
      throw new IllegalArgumentException("not a blob key");
    }
    return root.resolve(key);
  }
}
