package io.tranche.app.artifact.internal;

import io.tranche.app.storage.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import org.jspecify.annotations.Nullable;

/**
 * A read-only seekable channel over a stored blob, for ranged decryption: a seek reopens the blob
 * at the new position (a ranged GET on S3), sequential reads continue the open stream.
 */
public final class BlobChannel implements SeekableByteChannel {
  private final BlobStore blobs;
  private final String key;
  private final long size;
  private @Nullable InputStream in;
  private long position;
  private long streamPosition = -1;
  private boolean open = true;

  public BlobChannel(BlobStore blobs, String key, long size) {
    this.blobs = blobs;
    this.key = key;
    this.size = size;
  }

  @Override
  public int read(ByteBuffer dst) throws IOException {
    if (!open) {
      throw new ClosedChannelException();
    }
    if (position >= size) {
      return -1;
    }
    if (in == null || streamPosition != position) {
      closeStream();
      in = blobs.open(key, position);
      streamPosition = position;
    }
    int want = (int) Math.min(dst.remaining(), size - position);
    byte[] buffer = new byte[Math.min(want, 256 * 1024)];
    int n = in.read(buffer, 0, buffer.length);
    if (n < 0) {
      return -1;
    }
    dst.put(buffer, 0, n);
    position += n;
    streamPosition += n;
    return n;
  }

  @Override
  public int write(ByteBuffer src) {
    throw new NonWritableChannelException();
  }

  @Override
  public long position() {
    return position;
  }

  @Override
  public SeekableByteChannel position(long newPosition) {
    this.position = newPosition;
    return this;
  }

  @Override
  public long size() {
    return size;
  }

  @Override
  public SeekableByteChannel truncate(long size) {
    throw new NonWritableChannelException();
  }

  @Override
  public boolean isOpen() {
    return open;
  }

  @Override
  public void close() throws IOException {
    open = false;
    closeStream();
  }

  private void closeStream() throws IOException {
    if (in != null) {
      in.close();
      in = null;
    }
  }
}
