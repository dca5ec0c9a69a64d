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

  /**
   * A link into a workspace's client portal, e.g. {@code portal(ws, "/portal/quotes/" + id)}: it
   * names the workspace ({@code ?w=…}), so a client who is not signed in lands on that workspace's
   * sign-in page and the link is mailed by that workspace only.
   */
  public String portal(java.util.UUID workspaceId, String path) {
    return get() + path + (path.contains("?") ? "&" : "?") + "w=" + workspaceId;
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
