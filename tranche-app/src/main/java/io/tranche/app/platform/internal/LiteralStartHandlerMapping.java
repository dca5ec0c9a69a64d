package io.tranche.app.platform.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Spring MVC's request mapping, asking first whether a route's path could match at all.
 *
 * <p>A path with a variable in it ({@code /api/v1/projects/{id}}) is found by checking every route
 * the application has, each with all its conditions (method through five request wrappers, path
 * pattern, produces, consumes, headers): with about 250 routes that was a sixth of the time an API
 * read took. A route whose patterns all begin with literal whole segments ({@code
 * /api/v1/projects}) cannot match a path that does not begin with one of them, so that route is
 * passed over with a {@code startsWith} before its conditions are asked. Which route wins, and the
 * 404/405/406/415 answers when none does, stay Spring's own.
 *
 * <p>The literal start is compared with the path as it came, so the check is made only for paths
 * without percent-escapes (a pattern matches decoded segments); other paths are matched as before.
 */
final class LiteralStartHandlerMapping extends RequestMappingHandlerMapping {
  /** The lookup path of the request being mapped on this thread, or null to check every route. */
  private static final ThreadLocal<String> PLAIN_PATH = new ThreadLocal<>();

  /** Each route's literal starts; an empty array means the route is always asked. */
  private final Map<RequestMappingInfo, String[]> starts = new ConcurrentHashMap<>();

  @Override
  protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request)
      throws Exception {
    String outer = PLAIN_PATH.get();
    PLAIN_PATH.set(lookupPath.indexOf('%') < 0 ? lookupPath : null);
    try {
      return super.lookupHandlerMethod(lookupPath, request);
    } finally {
      if (outer == null) {
        PLAIN_PATH.remove();
      } else {
        PLAIN_PATH.set(outer);
      }
    }
  }

  @Override
  protected RequestMappingInfo getMatchingMapping(
      RequestMappingInfo info, HttpServletRequest request) {
    String path = PLAIN_PATH.get();
    if (path != null
        && !couldMatch(starts.computeIfAbsent(info, LiteralStartHandlerMapping::starts), path)) {
      return null;
    }
    return super.getMatchingMapping(info, request);
  }

  static boolean couldMatch(String[] starts, String path) {
    if (starts.length == 0) {
      return true;
    }
    for (String start : starts) {
      if (path.startsWith(start)
          && (path.length() == start.length() || path.charAt(start.length()) == '/')) {
        return true;
      }
    }
    return false;
  }

  /**
   * The whole literal segments each of a route's patterns begins with ({@code /portal/p} for {@code
   * /portal/p/{token}/**}), or none when a pattern has no such start: then the route is always
   * asked.
   */
  static String[] starts(RequestMappingInfo info) {
    PathPatternsRequestCondition condition = info.getPathPatternsCondition();
    if (condition == null || condition.getPatterns().isEmpty()) {
      return new String[0];
    }
    String[] starts = new String[condition.getPatterns().size()];
    int i = 0;
    for (PathPattern pattern : condition.getPatterns()) {
      String start = literalStart(pattern.getPatternString());
      if (start.isEmpty()) {
        return new String[0];
      }
      starts[i++] = start;
    }
    return starts;
  }

  /** The pattern up to the last separator before its first wildcard, without that separator. */
  static String literalStart(String pattern) {
    int wildcard = pattern.length();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '{' || c == '*' || c == '?') {
        wildcard = i;
        break;
      }
    }
    if (wildcard == pattern.length()) {
      // no wildcard: the whole pattern, less a trailing separator a request may leave off
      return pattern.endsWith("/") ? pattern.substring(0, pattern.length() - 1) : pattern;
    }
    int separator = pattern.lastIndexOf('/', wildcard - 1);
    return separator <= 0 ? "" : pattern.substring(0, separator);
  }
}
