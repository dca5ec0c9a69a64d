package io.tranche.app.durability;

import static org.assertj.core.api.Assertions.assertThat;

import io.tranche.app.support.ServerDatabase;
import io.tranche.app.support.ServerProcess;
import io.tranche.core.payment.WebhookSignature;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the server acknowledged survives the server being killed: the packaged server records bank
 * payments and Stripe webhooks, is killed with SIGKILL right after its answer, is started again on
 * the same data, and every acknowledged write is there, once. Payments sent with an {@code
 * Idempotency-Key} while the server died answer their retry normally once the key's lease has run
 * out: the first answer again, or the payment made now, never twice. On the embedded default (H2
 * under the data directory), or with {@code -Dtranche.test.db.url} on a fresh PostgreSQL database
 * of its own.
 */
class CrashIT {
  private static final String SECRET = "whsec_crash_test";
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration LEASE = Duration.ofSeconds(2);
  private static final int IN_FLIGHT = 10;

  @TempDir static Path work;
  private static @Nullable ServerProcess server;
  private static @Nullable ServerDatabase database;
  private static final Map<String, String> env = new HashMap<>();

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  @BeforeAll
  static void database() throws SQLException {
    env.put("TRANCHE_STRIPE_WEBHOOK_SECRETS", SECRET);
    database = ServerDatabase.fresh("tranche_crash");
    env.putAll(database.env());
  }

  @AfterAll
  static void stop() throws Exception {
    try {
      if (server != null) {
        server.close();
      }
    } finally {
      if (database != null) {
        database.close();
      }
    }
  }

  private static ServerProcess start() throws Exception {
    server = ServerProcess.start(work, env, List.of("--tranche.idempotency.lease=" + LEASE));
    return server;
  }

  @Test
  void everyAcknowledgedWriteSurvivesAKillAndKeysInFlightAnswerAfterTheirLease() throws Exception {
    ServerProcess first = start();
    UUID invoice = issueInvoice(first);
    List<String> acknowledged = new ArrayList<>();
    for (int i = 1; i <= 8; i++) {
      acknowledged.add(payByBank(first, invoice, "bank-" + i));
      if (i % 2 == 0) {
        acknowledged.add(payByStripe(first, invoice, "pi_crash_" + i));
      }
    }
    // payments with an Idempotency-Key sent at once, each to an invoice of its own (concurrent
    // payments of one invoice may be refused as concurrent changes); the server dies right after
    // the first answer
    List<UUID> invoices = new ArrayList<>(List.of(invoice));
    Map<String, UUID> keyed = new LinkedHashMap<>();
    for (int i = 1; i <= IN_FLIGHT; i++) {
      UUID own = issueInvoice(first);
      invoices.add(own);
      keyed.put("keyed-" + i, own);
    }
    Map<String, CompletableFuture<HttpResponse<String>>> inFlight = new LinkedHashMap<>();
    keyed.forEach(
        (key, own) ->
            inFlight.put(
                key,
                http.sendAsync(
                    keyedPayment(first, own, key), HttpResponse.BodyHandlers.ofString())));
    CompletableFuture.anyOf(inFlight.values().toArray(CompletableFuture[]::new))
        .handle((r, e) -> r)
        .get(60, TimeUnit.SECONDS);
    first.kill();
    Instant killed = Instant.now();
    Map<String, HttpResponse<String>> answered = new LinkedHashMap<>();
    for (var f : inFlight.entrySet()) {
      HttpResponse<String> r = f.getValue().handle((ok, e) -> ok).get(60, TimeUnit.SECONDS);
      if (r != null) {
        assertThat(r.statusCode()).as("%s answered %s", f.getKey(), r.body()).isEqualTo(201);
        answered.put(f.getKey(), r);
        acknowledged.add(f.getKey());
      }
    }

    ServerProcess second = start();
    assertSurvived(second, invoices, acknowledged);
    Thread.sleep(Math.max(0, Duration.between(Instant.now(), killed.plus(LEASE)).toMillis() + 500));
    for (String key : inFlight.keySet()) {
      HttpResponse<String> retry =
          http.send(
              keyedPayment(second, keyed.get(key), key), HttpResponse.BodyHandlers.ofString());
      assertThat(retry.statusCode())
          .as("retry of %s after the lease answered %s", key, retry.body())
          .isEqualTo(201);
      if (answered.containsKey(key)) {
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(retry.body()).isEqualTo(answered.get(key).body());
      }
      acknowledged.add(key);
    }
    assertSurvived(second, invoices, acknowledged);
    acknowledged.add(payByStripe(second, invoice, "pi_crash_single"));
    second.kill();

    ServerProcess third = start();
    assertSurvived(third, invoices, acknowledged);
    // the attack run's case: one bank payment answered 201, the server killed at once
    acknowledged.add(payByBank(third, invoice, "bank-single"));
    third.kill();

    ServerProcess fourth = start();
    assertSurvived(fourth, invoices, acknowledged);
    if (database != null && database.shared()) {
      assertThat(work.resolve("data/db")).as("no H2 beside PostgreSQL").doesNotExist();
    }
  }

  private void assertSurvived(ServerProcess s, List<UUID> invoices, List<String> acknowledged)
      throws Exception {
    Map<String, Long> found = references(s, invoices);
    assertThat(acknowledged.stream().filter(r -> !found.containsKey(r)).toList())
        .as("acknowledged before the kill, missing after the restart")
        .isEmpty();
    assertThat(found.entrySet().stream().filter(e -> e.getValue() > 1).toList())
        .as("recorded more than once")
        .isEmpty();
  }

  private UUID issueInvoice(ServerProcess s) throws Exception {
    JsonNode projects = JSON.readTree(send(s, get(s, "/api/v1/projects"), 200));
    String project = projects.path("items").path(0).path("id").asString();
    String body =
        """
        {"lines":[{"description":"Crash test","quantity":1,"unitPrice":{"amount":"1000.00"}}]}""";
    return UUID.fromString(
        JSON.readTree(send(s, post(s, "/api/v1/projects/" + project + "/invoices", body), 201))
            .path("id")
            .asString());
  }

  private String payByBank(ServerProcess s, UUID invoice, String reference) throws Exception {
    send(s, post(s, "/api/v1/invoices/" + invoice + "/payments", bankPayment(reference)), 201);
    return reference;
  }

  static String bankPayment(String reference) {
    return """
        {"amount":{"amount":"1.00"},"receivedOn":"%s","reference":"%s"}"""
        .formatted(LocalDate.now(ZoneOffset.UTC), reference);
  }

  private static HttpRequest keyedPayment(ServerProcess s, UUID invoice, String key) {
    return authorized(s, "/api/v1/invoices/" + invoice + "/payments")
        .header("Idempotency-Key", key)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(bankPayment(key)))
        .build();
  }

  private String payByStripe(ServerProcess s, UUID invoice, String intent) throws Exception {
    String event =
        """
        {"id":"evt_%s","object":"event","type":"checkout.session.completed","data":{"object":{
          "id":"cs_%s","object":"checkout.session","payment_status":"paid","amount_total":100,
          "currency":"eur","payment_intent":"%s","metadata":{"invoice_id":"%s"}}}}"""
            .formatted(intent, intent, intent, invoice);
    byte[] bytes = event.getBytes(StandardCharsets.UTF_8);
    HttpRequest request =
        HttpRequest.newBuilder(s.baseUrl().resolve("/webhooks/stripe"))
            .header("Content-Type", "application/json")
            .header("Stripe-Signature", WebhookSignature.sign(bytes, SECRET, Instant.now()))
            .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
            .build();
    assertThat(JSON.readTree(send(s, request, 200)).path("outcome").asString())
        .isEqualTo("processed");
    return intent;
  }

  /** How many times each payment reference is recorded on these invoices. */
  private Map<String, Long> references(ServerProcess s, List<UUID> invoices) throws Exception {
    List<String> refs = new ArrayList<>();
    for (UUID invoice : invoices) {
      JsonNode payments =
          JSON.readTree(send(s, get(s, "/api/v1/invoices/" + invoice + "/payments"), 200));
      payments.forEach(p -> refs.add(p.path("reference").asString()));
    }
    return refs.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
  }

  private static HttpRequest get(ServerProcess s, String path) {
    return authorized(s, path).GET().build();
  }

  private static HttpRequest post(ServerProcess s, String path, String json) {
    return authorized(s, path)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json))
        .build();
  }

  static HttpRequest.Builder authorized(ServerProcess s, String path) {
    return HttpRequest.newBuilder(URI.create(s.baseUrl() + path))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + s.apiToken());
  }

  private String send(ServerProcess s, HttpRequest request, int expected) throws Exception {
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode())
        .as("%s %s answered %s", request.method(), request.uri().getPath(), response.body())
        .isEqualTo(expected);
    return response.body();
  }
}
