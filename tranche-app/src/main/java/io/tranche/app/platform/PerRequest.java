package io.tranche.app.platform;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Access checks that passed once in a web request are not asked of the database again in that
 * request. A page calls several services about one project, and each checks that the caller may see
 * it: the client's project page asked the same two questions eight times. Only a passed check is
 * remembered, only for the request that asked it (a request attribute), and never outside a web
 * request (jobs and reactions always check).
 */
public final class PerRequest {
  private static final String PREFIX = PerRequest.class.getName() + ".passed:";

  private PerRequest() {}

  /** Runs {@code check} unless a check with this key passed earlier in the current request. */
  public static void checkOnce(String key, Runnable check) {
    RequestAttributes request = RequestContextHolder.getRequestAttributes();
    if (request == null) {
      check.run();
      return;
    }
    String name = PREFIX + key;
    if (request.getAttribute(name, RequestAttributes.SCOPE_REQUEST) != null) {
      return;
    }
    check.run();
    request.setAttribute(name, Boolean.TRUE, RequestAttributes.SCOPE_REQUEST);
  }

  /**
   * Records that the check with this key passed, answered by a read the caller made anyway (outside
   * a web request, nothing is recorded).
   */
  public static void passed(String key) {
    RequestAttributes request = RequestContextHolder.getRequestAttributes();
    if (request != null) {
      request.setAttribute(PREFIX + key, Boolean.TRUE, RequestAttributes.SCOPE_REQUEST);
    }
  }
}
