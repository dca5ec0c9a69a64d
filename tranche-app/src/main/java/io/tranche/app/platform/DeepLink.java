package io.tranche.app.platform;

import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A page to return to after signing in (a quote in a mail, say): only a path of this server's own
 * console or portal, without a query or anything that could lead elsewhere.
 */
public final class DeepLink {
  private static final Pattern CONSOLE = Pattern.compile("/console(/[A-Za-z0-9_-]+)*/?");
  private static final Pattern PORTAL = Pattern.compile("/portal(/[A-Za-z0-9_-]+)*/?");

  private DeepLink() {}

  /** {@code path} if it is a console page. */
  public static Optional<String> console(@Nullable String path) {
    return path != null && path.length() <= 200 && CONSOLE.matcher(path).matches()
        ? Optional.of(path)
        : Optional.empty();
  }

  /** {@code path} if it is a portal page (not the sign-in pages themselves). */
  public static Optional<String> portal(@Nullable String path) {
    return path != null
            && path.length() <= 200
            && PORTAL.matcher(path).matches()
            && !path.startsWith("/portal/login")
            && !path.startsWith("/portal/magic")
        ? Optional.of(path)
        : Optional.empty();
  }
}
