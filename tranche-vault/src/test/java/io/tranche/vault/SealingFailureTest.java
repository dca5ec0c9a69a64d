package io.tranche.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Sealing hashes on threads of its own: a failing sink or source must end the call with the failure
 * (never hang) and leave no hashing thread behind. The time limit guards against a hang; it
 * measures nothing.
 */
class SealingFailureTest {
  private final byte[] plaintext = SealingTest.random(6 * 1024 * 1024);

  @Test
  void aSinkThatFailsMidwayEndsSealingWithItsError() {
    OutputStream failing =
        new OutputStream() {
          long written;

          @Override
          public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
          }

          @Override
          public void write(byte[] b, int off, int len) throws IOException {
            written += len;
            if (written > 2 * 1024 * 1024) {
              throw new IOException("disk full");
            }
          }
        };
    assertTimeoutPreemptively(
        Duration.ofSeconds(30),
        () ->
            assertThatThrownBy(
                    () ->
                        Sealing.seal(
                            DataKey.generate(), "a", new ByteArrayInputStream(plaintext), failing))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("disk full"));
    assertNoHashingThreadsLeft();
  }

  @Test
  void aSourceThatFailsMidwayEndsSealingWithItsError() {
    InputStream cut =
        new InputStream() {
          int left = 3 * 1024 * 1024;

          @Override
          public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0];
          }

          @Override
          public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
              throw new IOException("connection reset");
            }
            int n = Math.min(len, left);
            left -= n;
            return n;
          }
        };
    assertTimeoutPreemptively(
        Duration.ofSeconds(30),
        () ->
            assertThatThrownBy(
                    () ->
                        Sealing.seal(DataKey.generate(), "a", cut, OutputStream.nullOutputStream()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("connection reset"));
    assertNoHashingThreadsLeft();
  }

  private static void assertNoHashingThreadsLeft() {
    long deadline = System.currentTimeMillis() + 5_000;
    while (System.currentTimeMillis() < deadline && hashingThreads() > 0) {
      Thread.onSpinWait();
    }
    assertThat(hashingThreads()).isZero();
  }

  private static long hashingThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().endsWith("-sha256") && t.isAlive())
        .count();
  }
}
