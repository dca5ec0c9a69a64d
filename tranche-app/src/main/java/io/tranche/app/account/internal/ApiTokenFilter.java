package io.tranche.app.account.internal;

import io.tranche.app.account.ApiTokenService;
import io.tranche.app.platform.Roles;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer trn_…} API tokens for {@code /api/**}. An unknown or
 * revoked token leaves the request anonymous, which the chain answers with a 401 problem. The
 * token's scope travels as an authority; {@code TokenScope} checks it per route and per action.
 */
class ApiTokenFilter extends OncePerRequestFilter {
  private final ApiTokenService tokens;

  ApiTokenFilter(ApiTokenService tokens) {
    this.tokens = tokens;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader("Authorization");
    if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      Optional<ApiTokenService.TokenHolder> holder =
          tokens.authenticate(header.substring(7).strip());
      if (holder.isPresent()) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(
            UsernamePasswordAuthenticationToken.authenticated(
                holder.get().actor(),
                null,
                List.of(
                    new SimpleGrantedAuthority("ROLE_" + Roles.MEMBER),
                    new SimpleGrantedAuthority(holder.get().scope().authority()))));
        SecurityContextHolder.setContext(context);
      }
    }
    chain.doFilter(request, response);
  }
}
