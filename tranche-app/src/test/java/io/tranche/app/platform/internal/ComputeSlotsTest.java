package io.tranche.app.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.method.HandlerMethod;

class ComputeSlotsTest {
  private final ExecutorService threads = Executors.newCachedThreadPool();

  @AfterEach
  void stop() {
    threads.shutdownNow();
  }

  @Test
  void aReadBeyondTheSlotsWaitsUntilOneIsFree() throws Exception {
    ComputeSlots slots = new ComputeSlots(1, Duration.ofSeconds(10));
    Held first = hold(slots);
    assertThat(slots.free()).isZero();

    CountDownLatch inSecond = new CountDownLatch(1);
    CompletableFuture<?> second = run(slots, get("/portal"), (rq, rs) -> inSecond.countDown());
    assertThat(inSecond.await(300, TimeUnit.MILLISECONDS)).as("waits for the slot").isFalse();

    first.finish().countDown();
    assertThat(inSecond.await(5, TimeUnit.SECONDS)).as("runs once the slot is free").isTrue();
    first.done().get(5, TimeUnit.SECONDS);
    second.get(5, TimeUnit.SECONDS);
    assertThat(slots.free()).isEqualTo(1);
  }

  @Test
  void writesApiCallsAndHealthChecksDoNotWaitForASlot() throws Exception {
    ComputeSlots slots = new ComputeSlots(1, Duration.ofMillis(100));
    CountDownLatch finish = hold(slots).finish();

    MockHttpServletRequest post = get("/console/clients");
    post.setMethod("POST");
    MockHttpServletResponse posted = new MockHttpServletResponse();
    boolean[] ran = new boolean[3];
    slots.doFilter(post, posted, (rq, rs) -> ran[0] = true);
    MockHttpServletResponse health = new MockHttpServletResponse();
    slots.doFilter(get("/actuator/health"), health, (rq, rs) -> ran[1] = true);
    MockHttpServletResponse api = new MockHttpServletResponse();
    slots.doFilter(get("/api/v1/projects"), api, (rq, rs) -> ran[2] = true);

    assertThat(ran).containsExactly(true, true, true);
    assertThat(posted.getStatus()).isEqualTo(200);
    assertThat(health.getStatus()).isEqualTo(200);
    finish.countDown();
  }

  @Test
  void aStreamingHandlerGivesItsSlotBackBeforeItRuns() throws Exception {
    ComputeSlots slots = new ComputeSlots(1, Duration.ofSeconds(10));
    CountDownLatch streaming = new CountDownLatch(1);
    CountDownLatch finish = new CountDownLatch(1);
    HandlerMethod download = handler("attachment");
    run(
        slots,
        get("/console/attachments/1"),
        (rq, rs) -> {
          handle(slots, rq, rs, download);
          streaming.countDown();
          await(finish); // a slow client still reading the file
        });
    assertThat(streaming.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(slots.free()).isEqualTo(1);

    CountDownLatch page = new CountDownLatch(1);
    run(slots, get("/console"), (rq, rs) -> page.countDown());
    assertThat(page.await(5, TimeUnit.SECONDS))
        .as("a page is not held up by the download")
        .isTrue();
    finish.countDown();
  }

  @Test
  void aPageHandlerKeepsItsSlot() throws Exception {
    ComputeSlots slots = new ComputeSlots(2, Duration.ofSeconds(10));
    MockHttpServletResponse response = new MockHttpServletResponse();
    int[] freeInside = new int[1];
    slots.doFilter(
        get("/console"),
        response,
        (rq, rs) -> {
          handle(slots, rq, rs, handler("page"));
          freeInside[0] = slots.free();
        });
    assertThat(freeInside[0]).isEqualTo(1);
    assertThat(slots.free()).isEqualTo(2);
  }

  @Test
  void aPageThatWaitsTooLongIsToldTheServerIsBusy() throws Exception {
    ComputeSlots slots = new ComputeSlots(1, Duration.ofMillis(200));
    CountDownLatch finish = hold(slots).finish();

    MockHttpServletResponse page = new MockHttpServletResponse();
    boolean[] ran = new boolean[1];
    slots.doFilter(get("/console"), page, (rq, rs) -> ran[0] = true);
    finish.countDown();

    assertThat(ran[0]).isFalse();
    assertThat(page.getStatus()).isEqualTo(503);
    assertThat(page.getHeader("Retry-After")).isEqualTo("5");
    assertThat(page.getContentAsString(StandardCharsets.UTF_8)).contains("The server is busy");
  }

  @Test
  void theDefaultIsFourSlotsPerCoreAndAtLeastFour() {
    int cores = Runtime.getRuntime().availableProcessors();
    assertThat(new ComputeSlots(0, Duration.ofSeconds(1)).count())
        .isEqualTo(Math.max(4, 4 * cores));
    assertThat(new ComputeSlots(3, Duration.ofSeconds(1)).count()).isEqualTo(3);
  }

  @Test
  void handlersThatStreamAreToldApartFromPages() throws Exception {
    assertThat(ComputeSlots.streams(handler("attachment"))).isTrue();
    assertThat(ComputeSlots.streams(handler("resource"))).isTrue();
    assertThat(ComputeSlots.streams(handler("bytes"))).isTrue();
    assertThat(ComputeSlots.streams(handler("writesItself"))).isTrue();
    assertThat(ComputeSlots.streams(handler("page"))).isFalse();
    assertThat(ComputeSlots.streams(handler("json"))).isFalse();
  }

  /** Handlers of each kind, as controllers declare them. */
  static final class Handlers {
    ResponseEntity<InputStreamResource> attachment() {
      return ResponseEntity.ok().build();
    }

    Resource resource() {
      return null;
    }

    ResponseEntity<byte[]> bytes() {
      return ResponseEntity.ok().build();
    }

    void writesItself(String token, HttpServletResponse response) {}

    String page() {
      return "console/project";
    }

    ResponseEntity<Map<String, Object>> json() {
      return ResponseEntity.ok().build();
    }
  }

  /** A page that holds its slot until {@code finish} is counted down. */
  private record Held(CountDownLatch finish, CompletableFuture<?> done) {}

  private Held hold(ComputeSlots slots) throws InterruptedException {
    CountDownLatch in = new CountDownLatch(1);
    CountDownLatch finish = new CountDownLatch(1);
    CompletableFuture<?> done =
        run(
            slots,
            get("/console"),
            (rq, rs) -> {
              in.countDown();
              await(finish);
            });
    assertThat(in.await(5, TimeUnit.SECONDS)).as("the first page has its slot").isTrue();
    return new Held(finish, done);
  }

  private static HandlerMethod handler(String name) {
    for (var method : Handlers.class.getDeclaredMethods()) {
      if (method.getName().equals(name)) {
        return new HandlerMethod(new Handlers(), method);
      }
    }
    throw new IllegalArgumentException(name);
  }

  private static void handle(
      ComputeSlots slots,
      jakarta.servlet.ServletRequest request,
      jakarta.servlet.ServletResponse response,
      HandlerMethod handler) {
    try {
      slots
          .interceptor()
          .preHandle(
              (jakarta.servlet.http.HttpServletRequest) request,
              (HttpServletResponse) response,
              handler);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static MockHttpServletRequest get(String path) {
    return new MockHttpServletRequest("GET", path);
  }

  private CompletableFuture<?> run(
      ComputeSlots slots, MockHttpServletRequest request, FilterChain chain) {
    return CompletableFuture.runAsync(
        () -> {
          try {
            slots.doFilter(request, new MockHttpServletResponse(), chain);
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        },
        threads);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
