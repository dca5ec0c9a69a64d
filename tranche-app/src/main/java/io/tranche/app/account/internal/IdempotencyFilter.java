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
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.support.MultipartResolutionDelegate;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} on state-changing API calls, as Stripe does it: the first request with a
 * key runs and its response is kept; a retry with the same key and body gets that response again
 * ({@code Idempotent-Replayed: true}); the same key with another body is refused (422); a request
 * while the first is still running is refused (409), so concurrent requests with one key run once.
 * Keys are per signed-in member.
 *
 * <p>The claim of a key is a short commit of its own, so concurrent requests see it at once, and it
 * holds the key for a lease: a claim whose request died with its server (a kill, a crash) is taken
 * over by a retry once the lease has run out, and the request runs again. That is safe because the
 * request's work and its stored response commit in one transaction, which the services'
 * {@code @Transactional} methods join: either both are there (a retry gets the replay) or neither
 * (a retry runs the request). Only the current claim may store a response, so a request that
 * outlived its lease and lost the key to a retry rolls its work back and answers 409. A refusal
 * (4xx) rolls its work back too; its answer is stored afterwards, in a commit of its own, and
 * replayed, except a conflict (409) or a rate limit (429): those say "retry", so, like a 5xx, they
 * free the key and the retry runs again, which is safe because they changed nothing.
 */
class IdempotencyFilter extends OncePerRequestFilter {
  static final String HEADER = "Idempotency-Key";
  static final int MAX_BODY = 10 * 1024 * 1024;
  private static final Set<String> CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");
  private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);

  private final IdempotencyStore store;
  private final TransactionTemplate work;

  IdempotencyFilter(IdempotencyStore store, PlatformTransactionManager transactions) {
    this.store = store;
    this.work = new TransactionTemplate(transactions);
  }

  /** What became of a claimed request once its transaction ended. */
  private enum Outcome {
    /** Committed with its stored response. */
    DONE,
    /** A 4xx: its work rolled back; its answer is kept. */
    REFUSED,
    /** A 5xx, 409 or 429: rolled back; the key is freed for the retry. */
    RETRY,
    /** Its claim was taken over after the lease ran out: rolled back, nothing kept. */
    LOST,
    /** Answered a success although its work was marked for rollback: rolled back, key freed. */
    ROLLED_BACK
  }

  /** An exception of the filter chain, carried through the transaction callback. */
  private static final class ChainFailure extends RuntimeException {
    ChainFailure(Exception cause) {
      super(cause);
    }
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
    boolean multipart = MultipartResolutionDelegate.isMultipartRequest(request);
    byte[] body =
        multipart ? partsDigest(request) : request.getInputStream().readNBytes(MAX_BODY + 1);
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
        hash(request.getMethod(), request.getRequestURI(), request.getQueryString(), body);
    Optional<UUID> claimed = store.claim(scope, key, hash);
    if (claimed.isEmpty()) {
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
    UUID claim = claimed.get();
    ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
    Outcome outcome;
    try {
      outcome =
          work.execute(
              tx ->
                  run(
                      chain,
                      multipart ? request : new BufferedRequest(request, body),
                      recorded,
                      tx,
                      scope,
                      key,
                      claim));
    } catch (ChainFailure e) {
      store.forget(scope, key, claim);
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw (ServletException) e.getCause();
    } catch (RuntimeException | Error e) {
      store.forget(scope, key, claim);
      throw e;
    }
    switch (outcome) {
      case DONE -> recorded.copyBodyToResponse();
      case REFUSED -> {
        store.finish(
            scope, key, claim, recorded.getStatus(), recorded.getContentType(), text(recorded));
        recorded.copyBodyToResponse();
      }
      case RETRY -> {
        store.forget(scope, key, claim);
        recorded.copyBodyToResponse();
      }
      case LOST -> {
        recorded.resetBuffer();
        problem(
            response,
            409,
            "idempotency.in-progress",
            "a request with this Idempotency-Key is running; retry later");
      }
      case ROLLED_BACK -> {
        store.forget(scope, key, claim);
        recorded.resetBuffer();
        log.error(
            "{} {} answered {} but its transaction was marked for rollback; answered 500 instead",
            request.getMethod(),
            request.getRequestURI(),
            recorded.getStatus());
        internalError(response);
      }
    }
  }

  /** What identifies a request for its key: method, path, query and body. */

  /**
   * A multipart request's fingerprint: the SHA-256 over each part's name, file name, type and
   * content. The parts are parsed by the container (to disk, within its multipart limits) and stay
   * parsed for the controller, so the raw body is never read here: reading it would leave the
   * controller without its attachments.
   */
  private static byte[] partsDigest(HttpServletRequest request)
      throws IOException, ServletException {
    java.security.MessageDigest sha;
    try {
      sha = java.security.MessageDigest.getInstance("SHA-256");
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    byte[] buffer = new byte[64 * 1024];
    for (jakarta.servlet.http.Part part : request.getParts()) {
      for (String field :
          new String[] {part.getName(), part.getSubmittedFileName(), part.getContentType()}) {
        sha.update(String.valueOf(field).getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
      }
      try (java.io.InputStream in = part.getInputStream()) {
        for (int n; (n = in.read(buffer)) != -1; ) {
          sha.update(buffer, 0, n);
        }
      }
      sha.update((byte) 0);
    }
    return sha.digest();
  }

  static String hash(String method, String uri, @Nullable String query, byte[] body) {
    return Secrets.hash(method + " " + uri + "?" + query + "\n" + HexFormat.of().formatHex(body));
  }

  /**
   * Runs the rest of the chain in the request's transaction and, for a success, stores its response
   * in the same transaction; anything else is rolled back.
   */
  private Outcome run(
      FilterChain chain,
      HttpServletRequest request,
      ContentCachingResponseWrapper recorded,
      TransactionStatus tx,
      String scope,
      String key,
      UUID claim) {
    try {
      chain.doFilter(request, recorded);
    } catch (IOException | ServletException e) {
      throw new ChainFailure(e);
    }
    int status = recorded.getStatus();
    Outcome outcome;
    if (status >= 500 || status == 409 || status == 429) {
      outcome = Outcome.RETRY;
    } else if (status >= 400) {
      outcome = Outcome.REFUSED;
    } else if (tx.isRollbackOnly()) {
      outcome = Outcome.ROLLED_BACK;
    } else if (!store.finish(
        scope, key, claim, status, recorded.getContentType(), text(recorded))) {
      outcome = Outcome.LOST;
    } else {
      return Outcome.DONE;
    }
    // a refusal thrown inside a joined @Transactional method has marked the transaction
    // rollback-only already: rolling back here, instead of committing, keeps that from becoming
    // an UnexpectedRollbackException
    tx.setRollbackOnly();
    return outcome;
  }

  private static String text(ContentCachingResponseWrapper recorded) {
    return new String(recorded.getContentAsByteArray(), StandardCharsets.UTF_8);
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

  /** A 500 problem as ProblemHandler writes it, with the correlation id of the log line. */
  private static void internalError(HttpServletResponse response) throws IOException {
    String requestId = MDC.get("requestId");
    response.setStatus(500);
    response.setContentType("application/problem+json");
    response.setCharacterEncoding("UTF-8");
    response
        .getWriter()
        .write(
            "{\"type\":\"urn:tranche:problem:server.internal\",\"status\":500,"
                + "\"code\":\"server.internal\",\"detail\":\"Something went wrong on our side."
                + " Quote the correlation id when reporting it.\",\"correlationId\":\""
                + (requestId == null ? "" : requestId.replaceAll("[^A-Za-z0-9-]", ""))
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
