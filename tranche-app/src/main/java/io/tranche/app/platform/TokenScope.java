package io.tranche.app.platform;

import io.tranche.core.error.DomainException;
import io.tranche.core.error.ErrorCode;
import io.tranche.core.error.ErrorKind;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * What an API token may do. {@code READ} reads (never a data key or plaintext); {@code DELIVER}
 * also uploads builds and starts and submits milestones, which is what CI needs; {@code FULL} acts
 * as the member who made it. Sessions in the console are always FULL.
 */
public enum TokenScope {
  READ,
  DELIVER,
  FULL;

  public static final ErrorCode NOT_IN_SCOPE =
      new ErrorCode(
          "auth.scope",
          ErrorKind.FORBIDDEN,
          "this API token's scope is {scope}: {what} needs a token with scope {needed}");

  private static final String AUTHORITY = "SCOPE_";
  private static final Pattern SECRET_READ = Pattern.compile("/api/v1/artifacts/[^/]+/key");
  private static final Pattern UPLOAD = Pattern.compile("/api/v1/milestones/[^/]+/artifacts");
  private static final Pattern MOVE = Pattern.compile("/api/v1/milestones/[^/]+/transitions");

  /** The authority that carries a token's scope in its authentication. */
  public String authority() {
    return AUTHORITY + name();
  }

  /** The scope a route needs: GETs are READ (a data key FULL), uploads and moves DELIVER. */
  public static TokenScope needed(String method, String path) {
    String m = method.toUpperCase(Locale.ROOT);
    if (m.equals("GET") || m.equals("HEAD") || m.equals("OPTIONS")) {
      return SECRET_READ.matcher(path).matches() ? FULL : READ;
    }
    if (m.equals("POST") && (UPLOAD.matcher(path).matches() || MOVE.matcher(path).matches())) {
      return DELIVER;
    }
    return FULL;
  }

  /** Whether this scope includes {@code other}. */
  public boolean includes(TokenScope other) {
    return compareTo(other) >= 0;
  }

  /** Parses a scope given in a request ({@code read}, {@code deliver}, {@code full}). */
  public static TokenScope parse(@Nullable String text) {
    if (text == null || text.isBlank()) {
      return FULL;
    }
    try {
      return valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw DomainException.field(
          Errors.BAD_VALUE, "scope", Map.of("field", "scope", "expected", "read, deliver or full"));
    }
  }

  /** The scope of the current request: a token's, or FULL for a session or a system step. */
  public static TokenScope current() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null) {
      return FULL;
    }
    for (GrantedAuthority a : auth.getAuthorities()) {
      String name = a.getAuthority();
      if (name != null && name.startsWith(AUTHORITY)) {
        return valueOf(name.substring(AUTHORITY.length()));
      }
    }
    return FULL;
  }

  /** Refuses unless the current request's scope includes {@code needed}. */
  public static void require(TokenScope needed, String what) {
    TokenScope scope = current();
    if (!scope.includes(needed)) {
      throw new DomainException(
          NOT_IN_SCOPE,
          Map.of(
              "scope",
              scope.name().toLowerCase(Locale.ROOT),
              "what",
              what,
              "needed",
              needed.name().toLowerCase(Locale.ROOT)));
    }
  }
}
