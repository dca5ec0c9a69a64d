package io.tranche.app.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged server ({@code target/tranche-app.jar}, built by {@code package} before the
 * integration tests run) as a separate JVM with {@code --demo}, on a data directory the test owns,
 * so that a test can kill it the way the operating system does (SIGKILL) and start it again on the
 * same data. Its output goes to a file beside the data directory, never to the test's console.
 */
public final class ServerProcess implements AutoCloseable {
  private static final Pattern TOKEN = Pattern.compile("API token:\\s+(trn_\\S+)");
  private static final Duration STARTUP = Duration.ofMinutes(3);

  private final Process process;
  private final int port;
  private final Path log;
  private String apiToken = "";

  private ServerProcess(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /**
   * Starts the server on {@code work/data} with {@code env} added to a clean environment (no {@code
   * TRANCHE_*} variable of the caller's leaks in) and waits until the demo workspace is seeded and
   * its fresh API token printed.
   */
  public static ServerProcess start(Path work, Map<String, String> env, List<String> args)
      throws IOException, InterruptedException {
    Path jar = Paths.get(System.getProperty("tranche.jar", "target/tranche-app.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          "packaged server not found at " + jar.toAbsolutePath() + "; `mvn package` builds it");
    }
    int port = freePort();
    Path log;
    try (var files = Files.list(work)) {
      log = work.resolve("server-" + files.count() + ".log");
    }
    List<String> command = new ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(
        List.of("-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", jar.toString()));
    command.add("--demo");
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.redirectOutput(log.toFile());
    Map<String, String> environment = builder.environment();
    environment
        .keySet()
        .removeIf(k -> k.startsWith("TRANCHE_") || k.startsWith("SPRING_") || k.equals("PORT"));
    environment.put("TRANCHE_DATA_DIR", work.resolve("data").toString());
    environment.put("PORT", Integer.toString(port));
    environment.putAll(env);
    ServerProcess server = new ServerProcess(builder.start(), port, log);
    try {
      server.awaitToken();
    } catch (IOException | InterruptedException | RuntimeException e) {
      server.close();
      throw e;
    }
    return server;
  }

  private void awaitToken() throws IOException, InterruptedException {
    long deadline = System.nanoTime() + STARTUP.toNanos();
    while (System.nanoTime() < deadline) {
      Matcher m = TOKEN.matcher(Files.readString(log));
      if (m.find()) {
        apiToken = m.group(1);
        return;
      }
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "the server exited with " + process.exitValue() + "; its output: " + tail());
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("the server did not start within " + STARTUP + ": " + tail());
  }

  /** The last lines the server wrote, for a failure message. */
  public String tail() throws IOException {
    List<String> lines = Files.readAllLines(log);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }

  /** The lines the server logged at WARN or ERROR, and what follows them (stack traces), capped. */
  public String problems() throws IOException {
    StringBuilder out = new StringBuilder();
    boolean inProblem = false;
    for (String line : Files.readAllLines(log)) {
      boolean entry = line.matches("^\\d{4}-\\d{2}-\\d{2}T.*");
      if (entry) {
        inProblem = line.contains(" WARN ") || line.contains(" ERROR ");
      }
      boolean trace =
          line.startsWith("\tat ") || line.startsWith("Caused by") || line.contains("Exception");
      if (inProblem && (entry || trace) && out.length() < 20_000) {
        out.append(line).append('\n');
      }
    }
    return out.length() == 0 ? "(nothing above INFO)" : out.toString();
  }

  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + port);
  }

  /** The API token the demo seeding printed at this start (a new one each start). */
  public String apiToken() {
    return apiToken;
  }

  /** Kills the server with SIGKILL (no shutdown hook runs) and waits until it is gone. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the server survived SIGKILL for 30 s");
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }
}
