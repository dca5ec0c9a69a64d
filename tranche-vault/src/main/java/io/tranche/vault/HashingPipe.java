package io.tranche.vault;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.jspecify.annotations.Nullable;

/**
 * An output stream that hashes (SHA-256) and counts what is written to it on a thread of its own,
 * and optionally forwards the bytes to a sink on that thread, so that hashing runs in parallel with
 * the encryption or decryption that feeds it. Bytes are copied into a small pool of buffers, so
 * memory use is bounded ({@value #BUFFERS} × {@value #BUFFER_SIZE} bytes) whatever the stream's
 * length. {@link #close()} waits for the worker and reports its failure, if any.
 */
final class HashingPipe extends OutputStream {
  static final int BUFFER_SIZE = 256 * 1024;
  static final int BUFFERS = 8;
  private static final Chunk END = new Chunk(new byte[0], 0);

  private record Chunk(byte[] bytes, int length) {}

  private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(BUFFERS);
  private final BlockingQueue<Chunk> work = new ArrayBlockingQueue<>(BUFFERS + 2);
  private final MessageDigest sha = newSha256();
  private final @Nullable OutputStream sink;
  private final Thread worker;
  private volatile @Nullable Throwable failure;
  private volatile boolean abandoned;
  private byte @Nullable [] current;
  private int filled;
  private long count;
  private boolean closed;
  private @Nullable String hex;

  HashingPipe(String name, @Nullable OutputStream sink) {
    this.sink = sink;
    for (int i = 0; i < BUFFERS; i++) {
      free.add(new byte[BUFFER_SIZE]);
    }
    this.worker = new Thread(this::drain, name);
    this.worker.setDaemon(true);
    this.worker.start();
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    check();
    while (len > 0) {
      if (current == null) {
        current = take(free);
        filled = 0;
      }
      int n = Math.min(len, BUFFER_SIZE - filled);
      System.arraycopy(b, off, current, filled, n);
      filled += n;
      off += n;
      len -= n;
      count += n;
      if (filled == BUFFER_SIZE) {
        hand();
      }
    }
  }

  /** Waits until every byte is hashed and forwarded; does not close the sink. */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    if (current != null && filled > 0) {
      hand();
    }
    put(END);
    try {
      worker.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while hashing");
    }
    check();
    hex = HexFormat.of().formatHex(sha.digest());
  }

  /**
   * Stops the worker after a failure elsewhere and waits for it, so that nothing more reaches the
   * sink once the caller has moved on (a sink write already running is let finish).
   */
  void abandon() {
    closed = true;
    abandoned = true;
    worker.interrupt();
    try {
      worker.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  long count() {
    return count;
  }

  /** The lower-case hex SHA-256 of everything written; only after {@link #close()}. */
  String sha256() {
    if (hex == null) {
      throw new IllegalStateException("not closed");
    }
    return hex;
  }

  private void hand() throws IOException {
    put(new Chunk(current, filled));
    current = null;
    filled = 0;
  }

  private void drain() {
    try {
      for (Chunk chunk; (chunk = work.take()) != END; ) {
        if (failure == null && !abandoned) {
          sha.update(chunk.bytes(), 0, chunk.length());
          if (sink != null) {
            sink.write(chunk.bytes(), 0, chunk.length());
          }
        }
        free.put(chunk.bytes());
      }
      if (sink != null && failure == null && !abandoned) {
        sink.flush();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException | RuntimeException e) {
      failure = e;
      // keep the writer from blocking on an empty pool
      free.offer(new byte[BUFFER_SIZE]);
    }
  }

  /**
   * Reports the worker's failure, in a new exception each time: the same failure may surface in
   * several calls (a write, then the close of a try-with-resources), and one exception cannot
   * suppress itself.
   */
  private void check() throws IOException {
    Throwable f = failure;
    if (f != null) {
      throw new IOException(f.getMessage(), f);
    }
  }

  private <T> T take(BlockingQueue<T> queue) throws IOException {
    try {
      T item = queue.take();
      check();
      return item;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while hashing");
    }
  }

  private void put(Chunk chunk) throws IOException {
    try {
      work.put(chunk);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while hashing");
    }
  }

  static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
