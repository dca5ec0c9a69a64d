package io.tranche.app.support;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;

/**
 * Runs S3Proxy (org.gaul:s3proxy:2.6.0:jar-with-dependencies) as a separate JVM on a free loopback
 * port.
 */
public final class S3ProxyProcess implements AutoCloseable {
  public static final String IDENTITY = "local-identity";
  public static final String CREDENTIAL = "local-credential";

  private final Process process;
  private final int port;
  private final Path workDir;

  private S3ProxyProcess(Process process, int port, Path workDir) {
    this.process = process;
    this.port = port;
    this.workDir = workDir;
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + port);
  }

  public Path workDir() {
    return workDir;
  }

  /** provider: "transient-nio2" (in memory) or "filesystem-nio2" (under workDir/data). */
  public static S3ProxyProcess start(String provider) throws IOException, InterruptedException {
    Path jar = Paths.get(System.getProperty("s3proxy.jar", "target/s3proxy/s3proxy.jar"));
    if (!Files.isRegularFile(jar))
      throw new IllegalStateException("S3Proxy jar not found: " + jar.toAbsolutePath());
    Path dir = Files.createTempDirectory("s3proxy-");
    Path data =
        Files.createDirectories(dir.resolve("data")); // filesystem-nio2 needs an existing basedir
    int port = freePort();
    String props =
        String.join(
            "\n",
            "s3proxy.endpoint=http://127.0.0.1:" + port,
            "s3proxy.authorization=aws-v2-or-v4",
            "s3proxy.identity=" + IDENTITY,
            "s3proxy.credential=" + CREDENTIAL,
            // SDK 2.57 sends x-amz-checksum-crc32 on operations that REQUIRE a checksum
            // (DeleteObjects, ...)
            // even with WHEN_REQUIRED; without this S3Proxy answers 501 NotImplemented.
            "s3proxy.ignore-unknown-headers=true",
            "jclouds.provider=" + provider,
            "jclouds.identity=" + IDENTITY, // the *-nio2 providers refuse to start without these
            "jclouds.credential=" + CREDENTIAL,
            "jclouds.filesystem.basedir=" + data.toAbsolutePath(),
            "");
    Path propsFile = Files.writeString(dir.resolve("s3proxy.properties"), props);
    Path log = dir.resolve("s3proxy.log");
    String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    Process p =
        new ProcessBuilder(
                List.of(
                    java,
                    "-Xmx256m",
                    "-XX:+UseSerialGC",
                    "-Dlogback.statusListenerClass=ch.qos.logback.core.status.NopStatusListener",
                    "-jar",
                    jar.toAbsolutePath().toString(),
                    "--properties",
                    propsFile.toString()))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    S3ProxyProcess s = new S3ProxyProcess(p, port, dir);
    try {
      s.awaitReady(Duration.ofSeconds(60), log);
    } catch (RuntimeException | IOException | InterruptedException e) {
      s.close();
      throw e;
    }
    return s;
  }

  private void awaitReady(Duration timeout, Path log) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "S3Proxy exited with " + process.exitValue() + ":\n" + Files.readString(log));
      }
      try {
        HttpURLConnection c = (HttpURLConnection) endpoint().toURL().openConnection();
        c.setConnectTimeout(500);
        c.setReadTimeout(2000);
        int code = c.getResponseCode(); // anonymous GET / -> 403 AccessDenied once Jetty is up
        c.disconnect();
        if (code > 0) return;
      } catch (IOException notYet) {
        Thread.sleep(100);
      }
    }
    throw new IllegalStateException(
        "S3Proxy not ready after " + timeout + ":\n" + Files.readString(log));
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      s.setReuseAddress(true);
      return s.getLocalPort();
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy(); // SIGTERM; Jetty stops in ~1 s
    if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
    try (var paths = Files.walk(workDir)) { // delete temp dir (properties, log, filesystem data)
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
    }
  }
}
