package io.tranche.app.platform.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.server.PathContainer;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Spring MVC's request mapping, asking only the routes whose path could match at all.
 *
 * <p>A path with a variable in it ({@code /api/v1/projects/{id}}) is found by checking every route
 * the application has, each with all its conditions (method through five request wrappers, path
 * pattern, produces, consumes, headers): with about 250 routes that was a sixth of the time an API
 * read took, and still a sixth once each route was passed over with a quick check of its start,
 * since walking all routes and looking each one's start up was itself the cost. A route whose
 * patterns all begin with literal whole segments ({@code /api/v1/projects}) cannot match a path
 * that does not begin with one of them. Routes are indexed by the first three segments of those
 * starts, so a request asks only the routes under its own path's first one, two and three segments
 * (and the few without a literal start). Of those, only a route with a pattern that matches the
 * parsed path (the test Spring's path condition makes, made first because it is cheap) is asked
 * with all of Spring's own conditions: under {@code /api/v1/projects} that is two or three routes
 * of twenty. Which route wins (by Spring's comparator, with Spring's error for two equal ones), the
 * attributes a match sets, and the 404/405/406/415 answers when none matches (asked of every route)
 * stay Spring's.
 *
 * <p>The literal start is compared with the path as it came, so only paths without percent-escapes
 * are looked up this way (a pattern matches decoded segments); other paths, and CORS pre-flight
 * requests, go through Spring's own lookup of every route. The index is built on first use and
 * again after a route is registered or removed.
 */
final class LiteralStartHandlerMapping extends RequestMappingHandlerMapping {
  /** How many leading segments of a route's literal start key it in the index. */
  static final int KEY_SEGMENTS = 3;

  private volatile @Nullable Index index;

  /** A route, the literal starts of its patterns, and its patterns (none: always asked). */
  private record Route(
      RequestMappingInfo info, HandlerMethod handler, String[] starts, PathPattern[] patterns) {}

  private record Found(RequestMappingInfo info, Route route) {}

  /** The routes by the key of their starts, those always asked, and every route's mapping. */
  private record Index(
      Map<String, List<Route>> byKey, List<Route> always, Set<RequestMappingInfo> all) {}

  @Override
  protected @Nullable HandlerMethod lookupHandlerMethod(
      String lookupPath, HttpServletRequest request) throws Exception {
    if (lookupPath.indexOf('%') >= 0 || CorsUtils.isPreFlightRequest(request)) {
      return super.lookupHandlerMethod(lookupPath, request);
    }
    Index routes = index();
    List<Found> matches = new ArrayList<>(2);
    @Nullable PathContainer parsed =
        ServletRequestPathUtils.hasParsedRequestPath(request)
            ? ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication()
            : null;
    ask(routes.always(), lookupPath, parsed, request, matches);
    for (int segments = 1; segments <= KEY_SEGMENTS; segments++) {
      String key = prefix(lookupPath, segments);
      List<Route> under = routes.byKey().get(key);
      if (under != null) {
        ask(under, lookupPath, parsed, request, matches);
      }
      if (key.length() == lookupPath.length()) {
        break;
      }
    }
    if (matches.isEmpty()) {
      return handleNoMatch(routes.all(), lookupPath, request);
    }
    Found best = matches.get(0);
    if (matches.size() > 1) {
      Comparator<RequestMappingInfo> order = getMappingComparator(request);
      matches.sort((a, b) -> order.compare(a.info(), b.info()));
      best = matches.get(0);
      if (order.compare(best.info(), matches.get(1).info()) == 0) {
        throw new IllegalStateException(
            "Ambiguous handler methods mapped for '"
                + request.getRequestURI()
                + "': {"
                + best.route().handler().getMethod()
                + ", "
                + matches.get(1).route().handler().getMethod()
                + "}");
      }
    }
    request.setAttribute(BEST_MATCHING_HANDLER_ATTRIBUTE, best.route().handler());
    handleMatch(best.info(), lookupPath, request);
    return best.route().handler();
  }

  private void ask(
      List<Route> routes,
      String path,
      @Nullable PathContainer parsed,
      HttpServletRequest request,
      List<Found> into) {
    for (Route route : routes) {
      if (!couldMatch(route.starts(), path)
          || (parsed != null && !anyMatches(route.patterns(), parsed))) {
        continue;
      }
      RequestMappingInfo match = getMatchingMapping(route.info(), request);
      // a route with several starts can sit under more than one of the path's keys
      if (match != null && into.stream().noneMatch(f -> f.route() == route)) {
        into.add(new Found(match, route));
      }
    }
  }

  private Index index() {
    Index built = index;
    if (built == null) {
      Map<String, List<Route>> byKey = new HashMap<>();
      List<Route> always = new ArrayList<>();
      Map<RequestMappingInfo, HandlerMethod> handlers = getHandlerMethods();
      handlers.forEach(
          (info, handler) -> {
            Route route = new Route(info, handler, starts(info), patterns(info));
            if (route.starts().length == 0) {
              always.add(route);
              return;
            }
            Set<String> keys = new HashSet<>();
            for (String start : route.starts()) {
              keys.add(prefix(start, KEY_SEGMENTS));
            }
            keys.forEach(key -> byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(route));
          });
      built = new Index(Map.copyOf(byKey), List.copyOf(always), Set.copyOf(handlers.keySet()));
      index = built;
    }
    return built;
  }

  @Override
  protected void registerHandlerMethod(Object handler, Method method, RequestMappingInfo mapping) {
    super.registerHandlerMethod(handler, method, mapping);
    index = null;
  }

  @Override
  public void registerMapping(RequestMappingInfo mapping, Object handler, Method method) {
    super.registerMapping(mapping, handler, method);
    index = null;
  }

  @Override
  public void unregisterMapping(RequestMappingInfo mapping) {
    super.unregisterMapping(mapping);
    index = null;
  }

  /**
   * The first {@code segments} segments of a path ({@code /api/v1} for two of {@code
   * /api/v1/projects/7}), or the whole path when it has no more.
   */
  static String prefix(String path, int segments) {
    int end = 0;
    for (int i = 0; i < segments; i++) {
      end = path.indexOf('/', end + 1);
      if (end < 0) {
        return path;
      }
    }
    return path.substring(0, end);
  }

  /** Whether one of a route's patterns matches the path (a route without patterns: yes). */
  static boolean anyMatches(PathPattern[] patterns, PathContainer path) {
    if (patterns.length == 0) {
      return true;
    }
    for (PathPattern pattern : patterns) {
      if (pattern.matches(path)) {
        return true;
      }
    }
    return false;
  }

  static PathPattern[] patterns(RequestMappingInfo info) {
    PathPatternsRequestCondition condition = info.getPathPatternsCondition();
    return condition == null
        ? new PathPattern[0]
        : condition.getPatterns().toArray(new PathPattern[0]);
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
