package io.tranche.app.account.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;

/**
 * CSRF tokens in the session once there is one, in an HttpOnly cookie before. An anonymous visitor
 * of a sign-in page gets no session (a database row per page view); a signed-in actor's token is
 * bound to their session, so a cookie planted by another site on a sibling domain or over plain
 * HTTP cannot forge their forms. Sign-in ({@link SignIn}) creates the session, clears the
 * pre-sign-in token (cookie and all) and the session gets a fresh token of its own.
 */
final class SessionOrCookieCsrfTokens implements CsrfTokenRepository {
  private final HttpSessionCsrfTokenRepository session = new HttpSessionCsrfTokenRepository();
  private final CookieCsrfTokenRepository cookie = new CookieCsrfTokenRepository();

  SessionOrCookieCsrfTokens() {
    cookie.setCookieName("TRANCHE-CSRF");
    cookie.setHeaderName("X-CSRF-TOKEN");
    cookie.setCookieCustomizer(c -> c.httpOnly(true).sameSite("Lax"));
  }

  @Override
  public CsrfToken generateToken(HttpServletRequest request) {
    return session.generateToken(request);
  }

  @Override
  public void saveToken(
      @Nullable CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
    if (request.getSession(false) != null) {
      session.saveToken(token, request, response);
      if (token == null || cookie.loadToken(request) != null) {
        cookie.saveToken(null, request, response);
      }
    } else {
      cookie.saveToken(token, request, response);
    }
  }

  @Override
  public @Nullable CsrfToken loadToken(HttpServletRequest request) {
    return request.getSession(false) != null
        ? session.loadToken(request)
        : cookie.loadToken(request);
  }
}
