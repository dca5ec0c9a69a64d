package io.tranche.app.platform;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The address people reach this server at, for links in mail and on the console: {@code
 * tranche.base-url} when set, otherwise {@code http://localhost:<port>} with the port the server
 * actually listens on.
 */
@Component
public class BaseUrl {
  private final Environment env;

  BaseUrl(Environment env) {
    this.env = env;
  }

  /** The base URL without a trailing slash. */
  public String get() {
    String configured = env.getProperty("tranche.base-url", "");
    if (!configured.isBlank()) {
      return configured.endsWith("/")
          ? configured.substring(0, configured.length() - 1)
          : configured;
    }
    String port = env.getProperty("local.server.port", env.getProperty("server.port", "8080"));
    return "http://localhost:" + port;
  }
}
