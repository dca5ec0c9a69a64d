package io.tranche.app.account.internal;

import io.tranche.app.platform.Actor;
import io.tranche.app.platform.ActorDetails;
import io.tranche.app.platform.Roles;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.stereotype.Component;

/**
 * Starts a signed-in session: a new session id (no fixation), a new CSRF token, and the security
 * context stored in the (database-backed) session.
 */
@Component
public class SignIn {
  private final SessionAuthenticationStrategy sessions;
  private final SecurityContextRepository contexts;
  private final CsrfTokenRepository csrfTokens;

  SignIn(
      SessionAuthenticationStrategy sessions,
      SecurityContextRepository contexts,
      CsrfTokenRepository csrfTokens) {
    this.sessions = sessions;
    this.contexts = contexts;
    this.csrfTokens = csrfTokens;
  }

  /** Signs in a member whose password was checked. */
  public void member(
      Authentication checked, HttpServletRequest request, HttpServletResponse response) {
    start(checked, request, response);
  }

  /** Signs in a client contact whose sign-in link was used. */
  public void contact(Actor contact, HttpServletRequest request, HttpServletResponse response) {
    start(
        UsernamePasswordAuthenticationToken.authenticated(
            contact, null, List.of(new SimpleGrantedAuthority("ROLE_" + Roles.CONTACT))),
        request,
        response);
  }

  /** Signs in a member who just created their workspace. */
  public void newOwner(Actor owner, HttpServletRequest request, HttpServletResponse response) {
    start(
        UsernamePasswordAuthenticationToken.authenticated(
            new ActorDetails(owner, "[protected]"),
            null,
            List.of(new SimpleGrantedAuthority("ROLE_" + Roles.MEMBER))),
        request,
        response);
  }

  private void start(
      Authentication authentication, HttpServletRequest request, HttpServletResponse response) {
    request.getSession(true);
    // The pre-sign-in token (a cookie) is dropped: the signed-in session gets a fresh one of its
    // own.
    csrfTokens.saveToken(null, request, response);
    sessions.onAuthentication(authentication, request, response);
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(authentication);
    SecurityContextHolder.setContext(context);
    contexts.saveContext(context, request, response);
  }
}
