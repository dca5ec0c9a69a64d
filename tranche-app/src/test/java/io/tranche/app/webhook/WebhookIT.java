package io.tranche.app.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.sun.net.httpserver.HttpServer;
import io.tranche.app.support.Fixtures.World;
import io.tranche.app.support.IntegrationTest;
import io.tranche.app.webhook.internal.WebhookDispatcher;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Outbound webhooks against a local receiver: deliveries are signed (HMAC-SHA256 over timestamp and
 * body), carry their event id, are retried with backoff when refused, can be resent, and sign with
 * both secrets while a rotation overlaps; endpoints are checked by field.
 */
class WebhookIT extends IntegrationTest {
  @Autowired WebhookDispatcher dispatcher;
  @Autowired io.tranche.app.webhook.internal.WebhookRepository repository;

  record Received(Map<String, String> headers, byte[] body) {}

  private HttpServer receiver;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger answer = new AtomicInteger(200);

  @BeforeEach
  void start() throws Exception {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/hook",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          Map<String, String> headers = new java.util.HashMap<>();
          exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.get(0)));
          received.add(new Received(headers, body));
          exchange.sendResponseHeaders(answer.get(), -1);
          exchange.close();
        });
    receiver.start();
  }

  @AfterEach
  void stop() {
    receiver.stop(0);
  }

  private String hook() {
    return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
  }

  private String create(World world, String body) throws Exception {
    return mvc.perform(
            post("/api/v1/webhook-endpoints")
                .header("Authorization", "Bearer " + world.apiToken())
                .contentType("application/json")
                .content(body))
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  private UUID delivery(World world) {
    return jdbc.sql(
            "select id from webhook_delivery where workspace_id = ? order by created_at desc")
        .param(world.owner().workspaceId())
        .query(UUID.class)
        .list()
        .get(0);
  }

  @Test
  void deliveriesAreSignedRetriedWithBackoffResentAndSignedTwiceWhileASecretRotates()
      throws Exception {
    World world = fixtures.world("webhooks");
    String created =
        create(
            world,
            "{\"url\": \""
                + hook()
                + "\", \"events\": [\"invoice.issued\", \"payment.received\"]}");
    String secret = created.replaceAll(".*\"secret\":\"(whsec_[^\"]+)\".*", "$1");
    assertThat(secret).startsWith("whsec_");
    assertThat(
            mvc.perform(
                    get("/api/v1/webhook-endpoints")
                        .header("Authorization", "Bearer " + world.apiToken()))
                .andReturn()
                .getResponse()
                .getContentAsString())
        .as("the secret is shown once")
        .doesNotContain(secret)
        .contains(hook());

    UUID invoice = fixtures.invoice(world);
    String number = fixtures.invoices().invoice(world.owner(), invoice).number();
    assertThat(dispatcher.dispatch()).isGreaterThanOrEqualTo(1);
    Received first = received.get(received.size() - 1);
    assertThat(first.headers()).containsEntry("tranche-event-type", "invoice.issued");
    assertThat(new String(first.body(), StandardCharsets.UTF_8))
        .contains("\"type\":\"invoice.issued\"")
        .contains("\"number\":\"" + number + "\"")
        .contains("\"amountMinor\":1000");
    long now = clock.instant().getEpochSecond();
    assertThat(
            WebhookSignature.verify(
                first.headers().get("tranche-signature"), first.body(), secret, now))
        .isTrue();
    assertThat(
            WebhookSignature.verify(
                first.headers().get("tranche-signature"), first.body(), "whsec_other", now))
        .isFalse();
    assertThat(
            WebhookSignature.verify(
                first.headers().get("tranche-signature"), first.body(), secret, now + 600))
        .as("an old signature is refused (replay)")
        .isFalse();

    // the receiver is down: tried again after a minute, then delivered, same event id
    answer.set(503);
    fixtures.payment(world, invoice);
    int before = received.size();
    dispatcher.dispatch();
    assertThat(received).hasSize(before + 1);
    String eventId = received.get(received.size() - 1).headers().get("tranche-event-id");
    UUID payment = delivery(world);
    assertThat(
            jdbc.sql("select status || ':' || attempts from webhook_delivery where id = ?")
                .param(payment)
                .query(String.class)
                .single())
        .isEqualTo("PENDING:1");
    dispatcher.dispatch();
    assertThat(received).as("not before its backoff").hasSize(before + 1);
    answer.set(204);
    clock.advance(Duration.ofMinutes(1).plusSeconds(1));
    dispatcher.dispatch();
    assertThat(received).hasSize(before + 2);
    assertThat(received.get(received.size() - 1).headers())
        .containsEntry("tranche-event-id", eventId);
    assertThat(
            jdbc.sql("select status from webhook_delivery where id = ?")
                .param(payment)
                .query(String.class)
                .single())
        .isEqualTo("DELIVERED");

    // resend: the same event again, on demand
    mvc.perform(
            post("/api/v1/webhook-deliveries/" + payment + "/resend")
                .header("Authorization", "Bearer " + world.apiToken()))
        .andExpect(status().isOk());
    dispatcher.dispatch();
    assertThat(received).hasSize(before + 3);
    assertThat(received.get(received.size() - 1).headers())
        .containsEntry("tranche-event-id", eventId);

    // rotation: both secrets sign for a day
    UUID endpoint = UUID.fromString(created.replaceAll(".*\"id\":\"([0-9a-f-]{36})\".*", "$1"));
    String rotated =
        mvc.perform(
                post("/api/v1/webhook-endpoints/" + endpoint + "/rotation")
                    .header("Authorization", "Bearer " + world.apiToken()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString()
            .replaceAll(".*\"secret\":\"(whsec_[^\"]+)\".*", "$1");
    fixtures.invoice(world);
    dispatcher.dispatch();
    Received signedTwice = received.get(received.size() - 1);
    long at = clock.instant().getEpochSecond();
    assertThat(
            WebhookSignature.verify(
                signedTwice.headers().get("tranche-signature"), signedTwice.body(), rotated, at))
        .isTrue();
    assertThat(
            WebhookSignature.verify(
                signedTwice.headers().get("tranche-signature"), signedTwice.body(), secret, at))
        .isTrue();
    clock.advance(Duration.ofHours(25));
    fixtures.invoice(world);
    dispatcher.dispatch();
    Received later = received.get(received.size() - 1);
    assertThat(
            WebhookSignature.verify(
                later.headers().get("tranche-signature"),
                later.body(),
                secret,
                clock.instant().getEpochSecond()))
        .as("the old secret stops signing after the overlap")
        .isFalse();

    assertThat(
            mvc.perform(
                    get("/console/settings/webhooks")
                        .with(
                            org.springframework.security.test.web.servlet.request
                                .SecurityMockMvcRequestPostProcessors.authentication(
                                io.tranche.app.support.Sessions.of(world.owner()))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString())
        .contains("payment.received")
        .contains("delivered")
        .doesNotContain(rotated);
  }

  @Test
  void aSlowBatchClaimsAndSignsEachDeliveryAtTheTimeItIsSent() throws Exception {
    World world = fixtures.world("webhooks-slow");
    String created = create(world, "{\"url\": \"" + hook() + "\"}");
    String secret = created.replaceAll(".*\"secret\":\"(whsec_[^\"]+)\".*", "$1");
    fixtures.invoice(world);
    fixtures.invoice(world);
    List<UUID> ours =
        jdbc.sql("select id from webhook_delivery where workspace_id = ?")
            .param(world.owner().workspaceId())
            .query(UUID.class)
            .list();
    assertThat(ours).hasSizeGreaterThanOrEqualTo(2);
    // each delivery takes ten minutes to answer, longer than a claim (5 min)
    List<String> claimsAtReceipt = new CopyOnWriteArrayList<>();
    List<Boolean> verifiedAtReceipt = new CopyOnWriteArrayList<>();
    receiver.removeContext("/hook");
    receiver.createContext(
        "/hook",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          String signature = exchange.getRequestHeaders().getFirst("Tranche-Signature");
          String event = exchange.getRequestHeaders().getFirst("Tranche-Event-Id");
          verifiedAtReceipt.add(
              WebhookSignature.verify(signature, body, secret, clock.instant().getEpochSecond()));
          claimsAtReceipt.add(
              jdbc.sql(
                      "select case when next_attempt_at > ? then 'held' else 'expired' end"
                          + " from webhook_delivery where event_id = ?")
                  .params(java.sql.Timestamp.from(clock.instant()), UUID.fromString(event))
                  .query(String.class)
                  .single());
          clock.advance(Duration.ofMinutes(10));
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    dispatcher.dispatch();
    assertThat(claimsAtReceipt)
        .as("no delivery is handed out with its claim already run out")
        .hasSizeGreaterThanOrEqualTo(2)
        .containsOnly("held");
    assertThat(verifiedAtReceipt)
        .as("each signature carries the time it was sent, not the batch's start")
        .containsOnly(true);

    // a node whose claim ran out fails late, after another node delivered: it stays delivered
    UUID delivered = ours.get(0);
    repository.outcome(
        delivered, "PENDING", 503, "answered 503", clock.instant().plusSeconds(60), null);
    assertThat(
            jdbc.sql("select status from webhook_delivery where id = ?")
                .param(delivered)
                .query(String.class)
                .single())
        .isEqualTo("DELIVERED");
  }

  @Test
  void aFailingEndpointIsGivenUpAfterItsLastAttempt() throws Exception {
    World world = fixtures.world("webhooks-down");
    create(world, "{\"url\": \"" + hook() + "\"}");
    answer.set(500);
    fixtures.invoice(world);
    UUID id = delivery(world);
    for (int i = 0; i < 8; i++) {
      dispatcher.dispatch();
      clock.advance(Duration.ofHours(25));
    }
    assertThat(
            jdbc.sql(
                    "select status || ':' || attempts || ':' || last_status from webhook_delivery where id = ?")
                .param(id)
                .query(String.class)
                .single())
        .isEqualTo("FAILED:8:500");
  }

  @Test
  void endpointsAreCheckedByField() throws Exception {
    World world = fixtures.world("webhooks-bad");
    mvc.perform(
            post("/api/v1/webhook-endpoints")
                .header("Authorization", "Bearer " + world.apiToken())
                .contentType("application/json")
                .content("{\"url\": \"ftp://example.com/hook\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("url"));
    mvc.perform(
            post("/api/v1/webhook-endpoints")
                .header("Authorization", "Bearer " + world.apiToken())
                .contentType("application/json")
                .content("{\"url\": \"" + hook() + "\", \"events\": [\"invoice.paid\"]}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("webhook.unknown-event"))
        .andExpect(jsonPath("$.errors[0].field").value("events[0]"));
  }
}
