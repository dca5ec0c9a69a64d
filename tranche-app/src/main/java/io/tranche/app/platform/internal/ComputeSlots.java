package io.tranche.app.platform.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * How many page reads (GET and HEAD outside the API) the server works on at once: a fixed number of
 * slots, about four per core, taken in arrival order; a request beyond them waits for one before
 * its session is even loaded.
 *
 * <p>A page is CPU work (templates, and with the embedded database the queries too). With Tomcat's
 * 200 threads, 32 connections kept 32 threads runnable on 2 cores: the console page served
 * 1,100-1,280 req/s with a p99 of 85-120 ms, against 1,700-2,600 req/s and 50-70 ms with 8 threads,
 * and the JIT compiler threads, which share the cores with them, took longer to warm the server up.
 * The slots give that bound without shrinking Tomcat's pool, which still serves what must not wait
 * behind a slot (measurements in {@code docs/decisions.md}):
 *
 * <ul>
 *   <li>writes (forms, uploads), which a slow client could otherwise hold a slot with while it
 *       sends;
 *   <li>API calls: a read there takes a fifth of a page's time, and handing a slot from one waiting
 *       thread to the next cost more than it saved (API reads fell from about 6,700 to 4,500 req/s
 *       behind the slots);
 *   <li>downloads: a handler that streams a file (it returns a {@link Resource} or writes the
 *       response itself) gives its slot back before it runs ({@link #interceptor()}), so a slow
 *       download never holds one;
 *   <li>health checks ({@code /actuator}).
 * </ul>
 *
 * <p>A request that waits longer than {@code tranche.http.slot-wait} (30 s) for a slot is answered
 * 503 with {@code Retry-After}, rather than queueing without end behind a stuck database.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 3)
class ComputeSlots extends OncePerRequestFilter {
  static final String RELEASE = ComputeSlots.class.getName() + ".release";

  private final Semaphore slots;
  private final int count;
  private final Duration wait;
  private final Map<Method, Boolean> streaming = new ConcurrentHashMap<>();

  ComputeSlots(
      @Value("${tranche.http.compute-slots:0}") int configured,
      @Value("${tranche.http.slot-wait:30s}") Duration wait) {
    this.count =
        configured > 0 ? configured : Math.max(4, 4 * Runtime.getRuntime().availableProcessors());
    this.slots = new Semaphore(count, true);
    this.wait = wait;
  }

  /** The number of slots. */
  int count() {
    return count;
  }

  /** Slots free now (for tests and diagnostics). */
  int free() {
    return slots.availablePermits();
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String method = request.getMethod();
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return !("GET".equals(method) || "HEAD".equals(method))
        || path.startsWith("/api/")
        || path.startsWith("/actuator");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    boolean taken;
    try {
      taken = slots.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ServletException("interrupted while waiting for a slot", e);
    }
    if (!taken) {
      busy(response);
      return;
    }
    AtomicBoolean held = new AtomicBoolean(true);
    Runnable release =
        () -> {
          if (held.compareAndSet(true, false)) {
            slots.release();
          }
        };
    request.setAttribute(RELEASE, release);
    try {
      chain.doFilter(request, response);
    } finally {
      release.run();
    }
  }

  private static void busy(HttpServletResponse response) throws IOException {
    response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    response.setHeader("Retry-After", "5");
    response.setContentType("text/plain;charset=UTF-8");
    byte[] body =
        "The server is busy. Please try again in a few seconds.".getBytes(StandardCharsets.UTF_8);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  /**
   * Gives the slot back before a handler that streams a file runs: one that returns a {@link
   * Resource} (also in a {@code ResponseEntity}), a stream or bytes, or that takes the response or
   * an output stream to write to.
   */
  HandlerInterceptor interceptor() {
    return new HandlerInterceptor() {
      @Override
      public boolean preHandle(
          HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method
            && streaming.computeIfAbsent(method.getMethod(), m -> streams(method))
            && request.getAttribute(RELEASE) instanceof Runnable release) {
          release.run();
        }
        return true;
      }
    };
  }

  /** Whether a handler streams a body of any size to the client. */
  static boolean streams(HandlerMethod method) {
    ResolvableType returned = ResolvableType.forMethodReturnType(method.getMethod());
    if (returned.getRawClass() != null
        && org.springframework.http.HttpEntity.class.isAssignableFrom(returned.getRawClass())) {
      returned = returned.getGeneric(0);
    }
    Class<?> body = returned.resolve(Object.class);
    if (Resource.class.isAssignableFrom(body)
        || InputStream.class.isAssignableFrom(body)
        || body == byte[].class) {
      return true;
    }
    for (MethodParameter parameter : method.getMethodParameters()) {
      Class<?> type = parameter.getParameterType();
      if (HttpServletResponse.class.isAssignableFrom(type)
          || OutputStream.class.isAssignableFrom(type)) {
        return true;
      }
    }
    return false;
  }
}
