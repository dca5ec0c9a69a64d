package io.tranche.app.account.internal;

import io.tranche.app.platform.Actor;
import io.tranche.app.platform.CurrentActor;
import io.tranche.app.platform.Secrets;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} on state-changing API calls, as Stripe does it: the first request with a
 * key runs and its response is kept; a retry with the same key and body gets that response again
 * ({@code Idempotent-Replayed: true}); the same key with another body is refused (422); a request
 * while the first is still running is refused (409), so concurrent requests with one key run once.
 * Keys are per signed-in member; a 5xx response is not kept, so the client can retry.
 */
class IdempotencyFilter extends OncePerRequestFilter {
  static final String HEADER = "Idempotency-Key";
  static final int MAX_BODY = 10 * 1024 * 1024;
  private static final Set<String> CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");

  private final IdempotencyStore store;

  IdempotencyFilter(IdempotencyStore store) {
    this.store = store;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return request.getHeader(HEADER) == null
        || !CHANGING.contains(request.getMethod())
        || isUpload(request);
  }

  /**
   * Artifact uploads stream gigabytes, and download links are short-lived secrets: neither is kept
   * for replay (see the API docs).
   */
  private static boolean isUpload(HttpServletRequest request) {
    String uri = request.getRequestURI();
    return uri.matches("/api/v1/milestones/[^/]+/artifacts")
        || uri.matches("/api/v1/artifacts/[^/]+/downloads");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<Actor> actor = CurrentActor.get();
    String key = request.getHeader(HEADER).strip();
    if (actor.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    if (key.isEmpty() || key.length() > 255) {
      problem(response, 400, "idempotency.bad-key", "an Idempotency-Key has 1 to 255 characters");
      return;
    }
    byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
    if (body.length > MAX_BODY) {
      problem(
          response,
          413,
          "idempotency.body-too-large",
          "requests with an Idempotency-Key are at most 10 MiB");
      return;
    }
    String scope = actor.get().label();
    String hash =
        Secrets.hash(
            request.getMethod()
                + " "
                + request.getRequestURI()
                + "?"
                + request.getQueryString()
                + "\n"
                + HexFormat.of().formatHex(body));
    if (!store.start(scope, key, hash)) {
      IdempotencyStore.Stored stored = store.find(scope, key).orElse(null);
      if (stored == null) {
        problem(
            response,
            409,
            "idempotency.in-progress",
            "a request with this Idempotency-Key is running; retry later");
      } else if (!stored.requestHash().equals(hash)) {
        problem(
            response,
            422,
            "idempotency.key-reused",
            "this Idempotency-Key was used for a different request; use a new key for a new request");
      } else if (stored.responseCode() == null) {
        problem(
            response,
            409,
            "idempotency.in-progress",
            "a request with this Idempotency-Key is running; retry later");
      } else {
        response.setStatus(stored.responseCode());
        if (stored.responseType() != null) {
          response.setContentType(stored.responseType());
        }
        response.setHeader("Idempotent-Replayed", "true");
        response.getOutputStream().write(stored.responseBody().getBytes(StandardCharsets.UTF_8));
      }
      return;
    }
    ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
    try {
      chain.doFilter(new BufferedRequest(request, body), recorded);
    } catch (IOException | ServletException | RuntimeException e) {
      store.forget(scope, key);
      throw e;
    }
    if (recorded.getStatus() >= 500) {
      store.forget(scope, key);
    } else {
      store.finish(
          scope,
          key,
          recorded.getStatus(),
          recorded.getContentType(),
          new String(recorded.getContentAsByteArray(), StandardCharsets.UTF_8));
    }
    recorded.copyBodyToResponse();
  }

  private static void problem(HttpServletResponse response, int status, String code, String detail)
      throws IOException {
    response.setStatus(status);
    response.setContentType("application/problem+json");
    response.setCharacterEncoding("UTF-8");
    response
        .getWriter()
        .write(
            "{\"type\":\"urn:tranche:problem:"
                + code
                + "\",\"status\":"
                + status
                + ",\"code\":\""
                + code
                + "\",\"detail\":\""
                + detail
                + "\"}");
  }

  /** The request with its body already read, served again to the controller. */
  private static final class BufferedRequest extends HttpServletRequestWrapper {
    private final byte[] body;

    BufferedRequest(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("blocking reads only");
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }
  }
}
