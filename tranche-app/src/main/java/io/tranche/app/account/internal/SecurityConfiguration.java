package io.tranche.app.account.internal;

import io.tranche.app.account.ApiTokenService;
import io.tranche.app.platform.ActorDetails;
import io.tranche.app.platform.Roles;
import io.tranche.app.platform.ThreadLocalSecureRandom;
import io.tranche.app.workspace.WorkspaceService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.authentication.session.CompositeSessionAuthenticationStrategy;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfAuthenticationStrategy;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Who may reach what. Two filter chains: {@code /api/**} is stateless and authenticated by API
 * token only (so a browser session can never be used against it, and it needs no CSRF token);
 * everything else uses sessions stored in the database, CSRF tokens on every form, members under
 * {@code /console}, client contacts under {@code /portal}.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {
  /** Public pages and operational endpoints; everything else needs a signed-in actor. */
  static final String[] PUBLIC = {
    "/",
    "/login",
    "/logout",
    "/setup",
    "/portal/login",
    "/portal/magic",
    "/css/**",
    "/js/**",
    "/webhooks/stripe",
    "/favicon.ico",
    "/error",
    "/downloads/*",
    // a preview's files, under a viewer's short-lived pass (issued to the signed-in; see
    // PreviewPages)
    "/preview/**",
    "/actuator/health",
    "/actuator/health/**",
    "/actuator/prometheus",
    "/v3/api-docs",
    "/v3/api-docs/**",
    "/swagger-ui.html",
    "/swagger-ui/**"
  };

  /**
   * Argon2id at OWASP's minimum (19 MiB memory, 2 iterations, 1 lane), set explicitly: Spring's
   * preset differs, and a test pins these figures.
   */
  @Bean
  PasswordEncoder passwordEncoder() {
    return new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);
  }

  @Bean
  UserDetailsService members(WorkspaceService workspaces) {
    return email ->
        workspaces
            .memberLogin(email)
            .map(login -> new ActorDetails(login.actor(), login.passwordHash()))
            .orElseThrow(() -> new UsernameNotFoundException("no such member"));
  }

  @Bean
  AuthenticationManager authenticationManager(UserDetailsService members, PasswordEncoder encoder) {
    DaoAuthenticationProvider provider = new DaoAuthenticationProvider(members);
    provider.setPasswordEncoder(encoder);
    return new ProviderManager(List.of(provider));
  }

  @Bean
  SecurityContextRepository securityContextRepository() {
    return new HttpSessionSecurityContextRepository();
  }

  /**
   * CSRF tokens: in a cookie before sign-in, in the session after ({@link
   * SessionOrCookieCsrfTokens}).
   */
  @Bean
  CsrfTokenRepository csrfTokenRepository() {
    return new SessionOrCookieCsrfTokens();
  }

  /**
   * No observation of each security filter, authentication and authorization: nothing here reads
   * them, and wrapping every filter of every request cost about 3 % of a page's time. Requests are
   * still observed as a whole (http.server.requests).
   */
  @Bean
  SecurityObservationSettings noSecurityObservations() {
    return SecurityObservationSettings.noObservations();
  }

  /** What happens to the session at sign-in: a new session id and a new CSRF token. */
  @Bean
  SessionAuthenticationStrategy sessionAuthenticationStrategy(CsrfTokenRepository csrf) {
    return new CompositeSessionAuthenticationStrategy(
        List.of(new ChangeSessionIdAuthenticationStrategy(), new CsrfAuthenticationStrategy(csrf)));
  }

  @Bean
  @Order(1)
  SecurityFilterChain api(
      HttpSecurity http,
      ApiTokenService tokens,
      IdempotencyStore keys,
      PlatformTransactionManager transactions)
      throws Exception {
    http.securityMatcher("/api/**")
        .authorizeHttpRequests(
            a ->
                // apps validate their licence without signing in (rate-limited per address)
                a.requestMatchers(
                        org.springframework.http.HttpMethod.POST, "/api/v1/licenses/validate")
                    .permitAll()
                    .anyRequest()
                    .hasRole(Roles.MEMBER))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .securityContext(
            c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
        .csrf(c -> c.disable())
        .requestCache(c -> c.disable())
        // nothing here signs out (a token is revoked) or asks the servlet request who is signed in
        // (controllers take an Actor): two filters and a request wrapper fewer on every API call
        .logout(l -> l.disable())
        .servletApi(s -> s.disable())
        .anonymous(a -> {})
        .exceptionHandling(
            e ->
                e.authenticationEntryPoint(
                        problem(
                            401,
                            "auth.unauthenticated",
                            "sign in first: send an API token as 'Authorization: Bearer <token>'"))
                    .accessDeniedHandler(
                        (request, response, ex) ->
                            problem(403, "auth.forbidden", "this API is for workspace members")
                                .commence(request, response, null)))
        .addFilterBefore(new ApiTokenFilter(tokens), UsernamePasswordAuthenticationFilter.class)
        .headers(h -> h.referrerPolicy(r -> r.policy(REFERRER_POLICY)))
        .addFilterAfter(
            new IdempotencyFilter(keys, transactions),
            org.springframework.security.web.access.intercept.AuthorizationFilter.class);
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain pages(
      HttpSecurity http,
      SecurityContextRepository contexts,
      CsrfTokenRepository csrf,
      SessionAuthenticationStrategy sessions)
      throws Exception {
    http.authorizeHttpRequests(
            a ->
                a.requestMatchers(PUBLIC)
                    .permitAll()
                    .requestMatchers("/console/**")
                    .hasRole(Roles.MEMBER)
                    .requestMatchers("/portal/**")
                    .hasRole(Roles.CONTACT)
                    .anyRequest()
                    .denyAll())
        .securityContext(c -> c.securityContextRepository(contexts))
        .sessionManagement(s -> s.sessionAuthenticationStrategy(sessions))
        // Sign-in always lands on the console or the portal; remembering the page asked for would
        // create a session for every anonymous request to a protected page.
        .requestCache(c -> c.disable())
        .csrf(
            c ->
                c.csrfTokenRepository(csrf)
                    .csrfTokenRequestHandler(new LenientXorCsrfTokenHandler())
                    .ignoringRequestMatchers("/webhooks/**"))
        .addFilterBefore(
            new SignedInBeforeMultipart(SecurityContextHolder.getContextHolderStrategy()),
            CsrfFilter.class)
        .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/?signedOut"))
        .headers(
            h ->
                h.contentSecurityPolicy(
                        csp ->
                            csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self'"
                                    + " 'unsafe-inline'; frame-ancestors 'none'; form-action 'self'"))
                    .frameOptions(f -> f.deny())
                    .referrerPolicy(r -> r.policy(REFERRER_POLICY)))
        .exceptionHandling(
            e ->
                e.defaultAuthenticationEntryPointFor(
                        new PortalSignInEntryPoint(),
                        PathPatternRequestMatcher.pathPattern("/portal/**"))
                    .defaultAuthenticationEntryPointFor(
                        new ConsoleSignInEntryPoint(),
                        PathPatternRequestMatcher.pathPattern("/**")));
    return http.build();
  }

  /**
   * Download links and sign-in links carry tokens in their URL: other sites get the origin at most.
   */
  private static final ReferrerPolicy REFERRER_POLICY =
      ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN;

  /**
   * Spring Security's XOR token handler throws {@link IllegalArgumentException} on a forged token
   * that is not valid UTF-8 once decoded; such a token is simply a wrong one: 403, like any other.
   */
  static final class LenientXorCsrfTokenHandler implements CsrfTokenRequestHandler {
    private final XorCsrfTokenRequestAttributeHandler xor =
        new XorCsrfTokenRequestAttributeHandler();

    LenientXorCsrfTokenHandler() {
      // every page masks its token afresh: draws must not queue on the JDK's one shared lock
      xor.setSecureRandom(new ThreadLocalSecureRandom());
    }

    @Override
    public void handle(
        HttpServletRequest request,
        HttpServletResponse response,
        java.util.function.Supplier<CsrfToken> csrfToken) {
      xor.handle(request, response, csrfToken);
    }

    @Override
    public @Nullable String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken csrfToken) {
      try {
        return xor.resolveCsrfTokenValue(request, csrfToken);
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
  }

  /**
   * Sends a visitor who is not signed in to the portal's sign-in page, keeping the workspace a
   * mailed link names ({@code ?w=…}) so the sign-in link is asked of that workspace only.
   */
  static final class PortalSignInEntryPoint extends LoginUrlAuthenticationEntryPoint {
    PortalSignInEntryPoint() {
      super("/portal/login");
    }

    @Override
    protected String determineUrlToUseForThisRequest(
        HttpServletRequest request,
        HttpServletResponse response,
        @Nullable AuthenticationException exception) {
      String next =
          "GET".equals(request.getMethod())
              ? io.tranche.app.platform.DeepLink.portal(request.getRequestURI())
                  .map(path -> "next=" + path)
                  .orElse("")
              : "";
      String w = request.getParameter("w");
      String workspace = "";
      if (w != null) {
        try {
          workspace = "w=" + java.util.UUID.fromString(w.strip());
        } catch (IllegalArgumentException e) {
          workspace = "";
        }
      }
      String query =
          String.join(
              "&", java.util.stream.Stream.of(workspace, next).filter(q -> !q.isEmpty()).toList());
      return query.isEmpty() ? "/portal/login" : "/portal/login?" + query;
    }
  }

  /** Sends a visitor who is not signed in to the console's sign-in, then back to the page. */
  static final class ConsoleSignInEntryPoint extends LoginUrlAuthenticationEntryPoint {
    ConsoleSignInEntryPoint() {
      super("/login");
    }

    @Override
    protected String determineUrlToUseForThisRequest(
        HttpServletRequest request,
        HttpServletResponse response,
        @Nullable AuthenticationException exception) {
      return "GET".equals(request.getMethod())
          ? io.tranche.app.platform.DeepLink.console(request.getRequestURI())
              .filter(path -> !path.equals("/console"))
              .map(path -> "/login?next=" + path)
              .orElse("/login")
          : "/login";
    }
  }

  static AuthenticationEntryPoint problem(int status, String code, String detail) {
    return (request, response, ex) -> {
      response.setStatus(status);
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      if (status == HttpServletResponse.SC_UNAUTHORIZED) {
        response.setHeader("WWW-Authenticate", "Bearer");
      }
      response
          .getWriter()
          .write(
              """
              {"type":"urn:tranche:problem:%s","title":"%s","status":%d,"detail":"%s","code":"%s"}"""
                  .formatted(
                      code,
                      status == 401 ? "Unauthorized" : "Forbidden",
                      status,
                      detail.replace("\"", "'"),
                      code));
    };
  }
}
