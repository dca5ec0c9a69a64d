package io.tranche.vault.bench;

import io.tranche.vault.DataKey;
import io.tranche.vault.Sealing;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Seal and open throughput of the vault (encrypt or decrypt plus the plaintext and ciphertext
 * SHA-256 a receipt needs), against the machine's own single-core ceiling measured by {@code
 * openssl speed} in the same run. Prints {@code name: value unit} lines. Run by {@code
 * ./scripts/bench-vault}; {@code heap} mode seals a file and prints the peak heap (run it with a
 * small {@code -Xmx}).
 */
public final class SealingBenchmark {
  private static final long GIB = 1L << 30;
  private static final double MB = 1_000_000.0;

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("heap")) {
      heap(Path.of(args[1]));
      return;
    }
    Path dir = Path.of(args.length > 0 ? args[0] : "target/bench");
    long size = args.length > 1 ? Long.parseLong(args[1]) : GIB;
    Files.createDirectories(dir);
    DataKey key = DataKey.generate();

    // warm-up: let the JIT compile the hot paths
    seal(key, new Generated(256L << 20), OutputStream.nullOutputStream());

    double sealMemory =
        best(3, () -> seal(key, new Generated(size), OutputStream.nullOutputStream()), size);
    Path plain = dir.resolve("plain.bin");
    Path sealed = dir.resolve("sealed.bin");
    try (OutputStream out = Files.newOutputStream(plain)) {
      new Generated(size).transferTo(out);
    }
    double sealDisk =
        best(
            3,
            () -> {
              try (InputStream in = Files.newInputStream(plain);
                  OutputStream out = Files.newOutputStream(sealed)) {
                seal(key, in, out);
              }
            },
            size);
    double openDisk =
        best(
            3,
            () -> {
              try (InputStream in = Files.newInputStream(sealed)) {
                Sealing.open(key, "bench", in, OutputStream.nullOutputStream());
              }
            },
            size);
    byte[] sealedBytes = size <= Integer.MAX_VALUE - 1024 ? Files.readAllBytes(sealed) : null;
    double openMemory =
        sealedBytes == null
            ? openDisk
            : best(
                3,
                () ->
                    Sealing.open(
                        key,
                        "bench",
                        new java.io.ByteArrayInputStream(sealedBytes),
                        OutputStream.nullOutputStream()),
                size);
    Files.deleteIfExists(plain);
    Files.deleteIfExists(sealed);

    double aes = openssl("aes-256-gcm");
    double sha = openssl("sha256");
    double ceiling = 1 / (1 / aes + 2 / sha);
    double seal = Math.max(sealMemory, sealDisk);
    System.out.printf("artifact_size: %d bytes%n", size);
    System.out.printf("cores: %d%n", Runtime.getRuntime().availableProcessors());
    System.out.printf("seal_memory_MBps: %.0f MB/s%n", sealMemory);
    System.out.printf("seal_disk_MBps: %.0f MB/s%n", sealDisk);
    System.out.printf("open_memory_MBps: %.0f MB/s%n", openMemory);
    System.out.printf("open_disk_MBps: %.0f MB/s%n", openDisk);
    System.out.printf("seal_MBps: %.0f MB/s%n", seal);
    System.out.printf("open_MBps: %.0f MB/s%n", Math.max(openMemory, openDisk));
    System.out.printf("openssl_aes_256_gcm_16k_MBps: %.0f MB/s%n", aes);
    System.out.printf("openssl_sha256_16k_MBps: %.0f MB/s%n", sha);
    System.out.printf("single_core_ceiling_MBps: %.0f MB/s%n", ceiling);
    System.out.printf("seal_vs_ceiling: %.2f ratio%n", seal / ceiling);
    System.out.printf("seal_disk_vs_ceiling: %.2f ratio%n", sealDisk / ceiling);
  }

  private interface Run {
    void run() throws Exception;
  }

  /** The best of {@code runs} timings, in MB/s of plaintext. */
  private static double best(int runs, Run run, long bytes) throws Exception {
    double best = 0;
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      run.run();
      double seconds = (System.nanoTime() - start) / 1e9;
      best = Math.max(best, bytes / MB / seconds);
    }
    return best;
  }

  private static void seal(DataKey key, InputStream in, OutputStream out) throws IOException {
    Sealing.seal(key, "bench", in, out);
  }

  /** {@code openssl speed -evp ALG} at 16 KiB blocks, in MB/s. */
  static double openssl(String algorithm) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(
                "openssl", "speed", "-evp", algorithm, "-bytes", "16384", "-seconds", "3")
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    List<String> lines = new ArrayList<>();
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        lines.add(line);
      }
    }
    p.waitFor();
    Pattern figure = Pattern.compile("([0-9.]+)k\\s*$");
    for (String line : lines) {
      Matcher m = figure.matcher(line);
      if (line.toLowerCase(java.util.Locale.ROOT).startsWith(algorithm) && m.find()) {
        return Double.parseDouble(m.group(1)) * 1000 / MB;
      }
    }
    throw new IllegalStateException("no openssl figure for " + algorithm + " in " + lines);
  }

  /** Seals a file to nowhere and prints the peak heap used. */
  private static void heap(Path file) throws Exception {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
    try (InputStream in = Files.newInputStream(file)) {
      Sealing.seal(DataKey.generate(), "heap", in, OutputStream.nullOutputStream());
    }
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    System.out.printf("sealed_file_size: %d bytes%n", Files.size(file));
    System.out.printf("max_heap: %d MiB%n", Runtime.getRuntime().maxMemory() >> 20);
    System.out.printf("peak_heap_sealing: %.1f MiB%n", peak / (double) (1 << 20));
  }

  /** Pseudo-random bytes made on the fly from a 16 MiB pattern (no disk, constant memory). */
  static final class Generated extends InputStream {
    private static final byte[] PATTERN = pattern();
    private long left;
    private int at;

    Generated(long size) {
      this.left = size;
    }

    private static byte[] pattern() {
      byte[] b = new byte[16 << 20];
      new Random(1).nextBytes(b);
      return b;
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (left <= 0) {
        return -1;
      }
      int n = (int) Math.min(Math.min(len, left), PATTERN.length - at);
      System.arraycopy(PATTERN, at, b, off, n);
      at = (at + n) % PATTERN.length;
      left -= n;
      return n;
    }
  }
}
