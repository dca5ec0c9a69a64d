package io.tranche.app.account.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.support.MultipartResolutionDelegate;

/**
 * Refuses a multipart body from anyone not signed in, before the CSRF check reads its token: that
 * read makes the servlet container parse the whole body to disk (up to the multipart limit), and
 * every page that takes files needs a signed-in actor anyway. Runs after the security context is
 * loaded from the session and before {@code CsrfFilter}.
 */
final class SignedInBeforeMultipart extends OncePerRequestFilter {
  private final SecurityContextHolderStrategy contexts;

  SignedInBeforeMultipart(SecurityContextHolderStrategy contexts) {
    this.contexts = contexts;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !MultipartResolutionDelegate.isMultipartRequest(request);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication who = contexts.getContext().getAuthentication();
    if (who == null || !who.isAuthenticated() || who instanceof AnonymousAuthenticationToken) {
      response.setHeader("Connection", "close");
      SecurityConfiguration.problem(
              HttpServletResponse.SC_UNAUTHORIZED,
              "auth.unauthenticated",
              "sign in before sending files")
          .commence(request, response, null);
      // on the wire now, before the container drains or drops what the client is still sending
      response.flushBuffer();
      return;
    }
    chain.doFilter(request, response);
  }
}
