package io.tranche.app.support;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One S3Proxy (a real S3 API server, its own process, storing on disk) for the whole test run,
 * started on first use and stopped when the JVM exits.
 */
public final class TestS3 {
  private static S3ProxyProcess server;

  private TestS3() {}

  public static synchronized S3ProxyProcess server() {
    if (server == null) {
      try {
        server = S3ProxyProcess.start("filesystem-nio2");
      } catch (Exception e) {
        throw new IllegalStateException("cannot start S3Proxy", e);
      }
      S3ProxyProcess started = server;
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      started.close();
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                  }));
    }
    return server;
  }

  /** Points the blob store of a test context at S3Proxy. */
  public static void register(DynamicPropertyRegistry registry) {
    registry.add("tranche.storage.backend", () -> "s3");
    registry.add("tranche.storage.s3.endpoint", () -> server().endpoint().toString());
    registry.add("tranche.storage.s3.bucket", () -> "tranche-test");
    registry.add("tranche.storage.s3.access-key", () -> S3ProxyProcess.IDENTITY);
    registry.add("tranche.storage.s3.secret-key", () -> S3ProxyProcess.CREDENTIAL);
    registry.add("tranche.storage.s3.path-style", () -> "true");
  }
}
