package io.tranche.app.account.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import io.tranche.app.support.Fixtures.World;
import io.tranche.app.support.IntegrationTest;
import io.tranche.app.workspace.ClientService;
import io.tranche.core.error.DomainException;
import jakarta.servlet.FilterChain;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A claimed {@code Idempotency-Key} carries a lease, and the request's work commits together with
 * its stored response: a key whose request died is run again by a retry after the lease, never
 * twice, and a request whose response cannot be kept leaves no work behind.
 */
class IdempotencyLeaseIT extends IntegrationTest {
  private static final String CLIENTS = "/api/v1/clients";

  @Autowired IdempotencyStore store;
  @Autowired PlatformTransactionManager transactions;
  @Autowired ClientService clients;
  @Autowired Clock clock;
  private World world;
  private String key;

  @BeforeEach
  void setUp() {
    world = fixtures.world("lease");
    key = UUID.randomUUID().toString();
  }

  @AfterEach
  void signOut() {
    SecurityContextHolder.clearContext();
  }

  private static String body(String name) {
    return "{\"name\":\"" + name + "\"}";
  }

  private MvcResult create(String name) throws Exception {
    return mvc.perform(
            post(CLIENTS)
                .header("Authorization", "Bearer " + world.apiToken())
                .header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body(name)))
        .andReturn();
  }

  private long clientsNamed(String name) {
    return jdbc.sql("select count(*) from client where workspace_id = ? and name = ?")
        .params(world.owner().workspaceId(), name)
        .query(Long.class)
        .single();
  }

  private String hash(String name) {
    return IdempotencyFilter.hash(
        "POST", CLIENTS, null, body(name).getBytes(StandardCharsets.UTF_8));
  }

  /** A store whose claims hold a key for {@code lease}: negative for one that ran out already. */
  private IdempotencyStore leasing(Duration lease) {
    return new IdempotencyStore(jdbc, clock, lease);
  }

  /** Leaves the key as a request that claimed it and then died with its server leaves it. */
  private void claimedByARequestThatDied(String name, Duration leaseLeft) {
    assertThat(leasing(leaseLeft).claim(world.owner().label(), key, hash(name))).isPresent();
  }

  private static String code(MvcResult result) throws Exception {
    return JsonPath.read(result.getResponse().getContentAsString(), "$.code");
  }

  @Test
  void aKeyLeftByARequestThatDiedIsRunAgainOnceItsLeaseRanOut() throws Exception {
    claimedByARequestThatDied("Lazarus Ltd", Duration.ofSeconds(-1));
    MvcResult retry = create("Lazarus Ltd");
    assertThat(retry.getResponse().getStatus()).isEqualTo(201);
    assertThat(retry.getResponse().getHeader("Idempotent-Replayed")).isNull();
    MvcResult again = create("Lazarus Ltd");
    assertThat(again.getResponse().getHeader("Idempotent-Replayed")).isEqualTo("true");
    assertThat(again.getResponse().getContentAsString())
        .isEqualTo(retry.getResponse().getContentAsString());
    assertThat(clientsNamed("Lazarus Ltd")).isOne();
  }

  @Test
  void aKeyStillLeasedAnswersInProgressAtOnce() throws Exception {
    claimedByARequestThatDied("Pending Ltd", Duration.ofMinutes(1));
    long started = System.nanoTime();
    MvcResult retry = create("Pending Ltd");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    assertThat(retry.getResponse().getStatus()).isEqualTo(409);
    assertThat(code(retry)).isEqualTo("idempotency.in-progress");
    assertThat(clientsNamed("Pending Ltd")).isZero();
  }

  @Test
  void aKeyWhoseLeaseRanOutStillRefusesAnotherRequest() throws Exception {
    claimedByARequestThatDied("First Ltd", Duration.ofSeconds(-1));
    MvcResult other = create("Second Ltd");
    assertThat(other.getResponse().getStatus()).isEqualTo(422);
    assertThat(code(other)).isEqualTo("idempotency.key-reused");
    assertThat(clientsNamed("Second Ltd")).isZero();
  }

  @Test
  void concurrentRetriesOfARequestThatDiedRunItOnce() throws Exception {
    claimedByARequestThatDied("Phoenix Ltd", Duration.ofSeconds(-1));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Integer>> calls = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        calls.add(() -> create("Phoenix Ltd").getResponse().getStatus());
      }
      long started = System.nanoTime();
      for (Future<Integer> f : pool.invokeAll(calls)) {
        assertThat(f.get()).isIn(201, 409);
      }
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
    } finally {
      pool.shutdown();
    }
    assertThat(clientsNamed("Phoenix Ltd")).isOne();
  }

  /** Runs the filter around {@code chain} for the world's owner, as the API chain does. */
  private MockHttpServletResponse filter(IdempotencyStore keys, String name, FilterChain chain)
      throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", CLIENTS);
    request.addHeader(IdempotencyFilter.HEADER, key);
    request.setContentType(MediaType.APPLICATION_JSON_VALUE);
    request.setContent(body(name).getBytes(StandardCharsets.UTF_8));
    MockHttpServletResponse response = new MockHttpServletResponse();
    SecurityContextHolder.getContext()
        .setAuthentication(
            UsernamePasswordAuthenticationToken.authenticated(world.owner(), null, List.of()));
    new IdempotencyFilter(keys, transactions).doFilter(request, response, chain);
    return response;
  }

  private Optional<IdempotencyStore.Stored> stored() {
    return store.find(world.owner().label(), key);
  }

  @Test
  void theWorkAndItsResponseCommitTogether() throws Exception {
    MockHttpServletResponse response =
        filter(
            store,
            "Together Ltd",
            (req, res) -> {
              clients.createClient(world.owner(), "Together Ltd", null);
              ((jakarta.servlet.http.HttpServletResponse) res).setStatus(201);
              res.getWriter().write("{\"name\":\"Together Ltd\"}");
            });
    assertThat(response.getStatus()).isEqualTo(201);
    assertThat(response.getContentAsString()).isEqualTo("{\"name\":\"Together Ltd\"}");
    assertThat(clientsNamed("Together Ltd")).isOne();
    assertThat(stored()).get().extracting(IdempotencyStore.Stored::responseCode).isEqualTo(201);
  }

  @Test
  void aRequestThatLostItsKeyToARetryLeavesNoWorkBehind() throws Exception {
    IdempotencyStore expired = leasing(Duration.ofSeconds(-1));
    MockHttpServletResponse response =
        filter(
            expired,
            "Overtaken Ltd",
            (req, res) -> {
              clients.createClient(world.owner(), "Overtaken Ltd", null);
              // meanwhile a retry on another connection takes the key over: the lease ran out
              assertThat(
                      CompletableFuture.supplyAsync(
                              () ->
                                  expired.claim(world.owner().label(), key, hash("Overtaken Ltd")))
                          .orTimeout(10, TimeUnit.SECONDS)
                          .join())
                  .isPresent();
              ((jakarta.servlet.http.HttpServletResponse) res).setStatus(201);
              res.getWriter().write("{}");
            });
    assertThat(response.getStatus()).isEqualTo(409);
    assertThat(response.getContentAsString()).contains("\"code\":\"idempotency.in-progress\"");
    assertThat(clientsNamed("Overtaken Ltd")).isZero();
    assertThat(stored()).get().extracting(IdempotencyStore.Stored::responseCode).isNull();
  }

  @Test
  void aRefusalRollsBackTheWorkBeforeItAndIsKeptForTheRetry() throws Exception {
    MockHttpServletResponse response =
        filter(
            store,
            "Refused Ltd",
            (req, res) -> {
              clients.createClient(world.owner(), "Refused Ltd", null);
              // a refusal inside a joined @Transactional service marks the transaction
              // rollback-only; the controller advice answers it as a problem
              assertThatThrownBy(() -> clients.createClient(world.owner(), "", null))
                  .isInstanceOf(DomainException.class);
              ((jakarta.servlet.http.HttpServletResponse) res).setStatus(400);
              res.setContentType("application/problem+json");
              res.getWriter().write("{\"code\":\"validation.required\"}");
            });
    assertThat(response.getStatus()).isEqualTo(400);
    assertThat(response.getContentAsString()).isEqualTo("{\"code\":\"validation.required\"}");
    assertThat(clientsNamed("Refused Ltd")).isZero();
    assertThat(stored()).get().extracting(IdempotencyStore.Stored::responseCode).isEqualTo(400);
  }

  @Test
  void aSuccessOverWorkMarkedForRollbackIsAnswered500AndFreesTheKey() throws Exception {
    MockHttpServletResponse response =
        filter(
            store,
            "Swallowed Ltd",
            (req, res) -> {
              clients.createClient(world.owner(), "Swallowed Ltd", null);
              try {
                clients.createClient(world.owner(), "", null);
              } catch (DomainException swallowed) {
                // a caller that swallows a refusal cannot commit what came before it
              }
              ((jakarta.servlet.http.HttpServletResponse) res).setStatus(201);
              res.getWriter().write("{}");
            });
    assertThat(response.getStatus()).isEqualTo(500);
    assertThat(response.getContentAsString()).contains("\"code\":\"server.internal\"");
    assertThat(clientsNamed("Swallowed Ltd")).isZero();
    assertThat(stored()).isEmpty();
  }

  @Test
  void aRequestThatThrowsLeavesNoWorkAndFreesItsKey() {
    assertThatThrownBy(
            () ->
                filter(
                    store,
                    "Thrown Ltd",
                    (req, res) -> {
                      clients.createClient(world.owner(), "Thrown Ltd", null);
                      throw new IllegalStateException("the request broke half-way");
                    }))
        .isInstanceOf(IllegalStateException.class);
    assertThat(clientsNamed("Thrown Ltd")).isZero();
    assertThat(stored()).isEmpty();
  }
}
