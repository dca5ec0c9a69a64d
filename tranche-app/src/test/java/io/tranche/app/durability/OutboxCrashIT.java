package io.tranche.app.durability;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.tranche.app.support.ServerDatabase;
import io.tranche.app.support.ServerProcess;
import io.tranche.app.support.TestMail;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outboxes against SIGKILL and a second node: the packaged server (demo data, mail to the
 * in-process SMTP server, webhooks to a local receiver, a dunning pass every second) has a friendly
 * reminder due for many invoices at once. Killed while the reminders go out and started again on
 * the same data, it delivers every reminder, as mail and as a {@code reminder.sent} webhook, and
 * none twice: each mail keeps one Message-ID and each webhook one event id, so at most the single
 * message in flight at the kill arrives a second time, under the same id. Two servers on one
 * PostgreSQL database deliver each exactly once.
 */
class OutboxCrashIT {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final int INVOICES = 40;
  private static final String CLIENT = "client@demo.tranche.test";

  /**
   * Mail and webhooks sent at once, claims that run out after {@code claim}, a dunning pass every
   * second.
   */
  private static List<String> args(String claim) {
    return List.of(
        "--spring.mail.host=127.0.0.1",
        "--spring.mail.port=" + TestMail.port(),
        "--tranche.mail.poll-interval=100ms",
        "--tranche.mail.claim=" + claim,
        "--tranche.webhooks.poll-interval=100ms",
        "--tranche.webhooks.claim=" + claim,
        "--tranche.webhooks.private-allowed=true",
        "--tranche.dunning.interval=1s",
        "--db-scheduler.polling-interval=1s");
  }

  /** Claims that run out soon: what the killed server held is sent again within seconds. */
  private static final List<String> ARGS = args("3s");

  @TempDir Path work;

  private final HttpClient http = HttpClient.newHttpClient();
  private final List<JsonNode> hooks = new CopyOnWriteArrayList<>();
  private final Set<String> numbers = new HashSet<>();
  private final Set<String> invoiceIds = new HashSet<>();

  @Test
  void aKillWhileRemindersGoOutLosesNoneAndSendsNoneTwice() throws Exception {
    HttpServer receiver = receiver();
    int seenBefore = TestMail.server().getReceivedMessages().length;
    try (ServerDatabase db = ServerDatabase.fresh("tranche_outbox")) {
      try (ServerProcess first = ServerProcess.start(work, db.env(), ARGS)) {
        prepare(first, receiver);
        await(
            () -> reminders(seenBefore).size() >= 5, Duration.ofSeconds(60), seenBefore, db, first);
        first.kill();
      }
      assertThat(distinctIds(reminders(seenBefore)))
          .as("the kill came while reminders went out")
          .isLessThan(INVOICES);
      try (ServerProcess second = ServerProcess.start(work, db.env(), ARGS)) {
        await(
            () ->
                distinctIds(reminders(seenBefore)) == INVOICES
                    && new HashSet<>(hookIds()).size() == INVOICES,
            Duration.ofSeconds(240),
            seenBefore,
            db,
            second);
        Thread.sleep(3000); // anything still to come would come now
      }
    } finally {
      receiver.stop(0);
    }
    List<MimeMessage> mails = reminders(seenBefore);
    assertThat(distinctIds(mails)).as("every reminder arrived").isEqualTo(INVOICES);
    for (String n : numbers) {
      assertThat(mails.stream().filter(m -> subject(m).contains("Invoice " + n + " ")))
          .as("invoice " + n + "'s reminder")
          .isNotEmpty();
    }
    assertThat(mails.size() - distinctIds(mails))
        .as("at most the one mail in flight at the kill came twice, under one Message-ID")
        .isLessThanOrEqualTo(1);
    List<String> ids = hookIds();
    assertThat(new HashSet<>(ids)).as("every reminder.sent webhook arrived").hasSize(INVOICES);
    assertThat(ids.size() - new HashSet<>(ids).size())
        .as("at most the one webhook in flight at the kill came twice, under one event id")
        .isLessThanOrEqualTo(1);
  }

  @Test
  void twoServersOnOnePostgresSendEachReminderOnce() throws Exception {
    try (ServerDatabase db = ServerDatabase.fresh("tranche_nodes")) {
      Assumptions.assumeTrue(
          db.shared(), "two servers share a PostgreSQL database (H2 is embedded in one)");
      HttpServer receiver = receiver();
      int seenBefore = TestMail.server().getReceivedMessages().length;
      // Two nodes share what a deployment of several shares: the database, the blob storage and
      // the key-encryption key (here one data directory, as on a shared file system). Claims are
      // long enough for a send on a busy machine: the test is about two nodes never sending the
      // same mail, not about a claim that runs out mid-send (the kill test covers that).
      List<String> args = args("60s");
      try (ServerProcess one = ServerProcess.start(work, db.env(), args);
          ServerProcess two = ServerProcess.start(work, db.env(), args)) {
        prepare(one, receiver);
        // generous: two servers, PostgreSQL and the suite share 2 cores in CI, where this once
        // needed more than 90 s; the test is about each reminder going out once, not how fast
        await(
            () -> reminders(seenBefore).size() >= INVOICES && hookIds().size() >= INVOICES,
            Duration.ofSeconds(240),
            seenBefore,
            db,
            one,
            two);
        Thread.sleep(3000); // a second copy from the other node would come now
        assertThat(two.apiToken()).isNotBlank();
      } finally {
        receiver.stop(0);
      }
      assertThat(reminders(seenBefore)).as("each reminder mailed once").hasSize(INVOICES);
      assertThat(hookIds())
          .as("each webhook posted once")
          .hasSize(INVOICES)
          .doesNotHaveDuplicates();
    }
  }

  /**
   * Registers the receiver for {@code reminder.sent}, issues {@link #INVOICES} invoices on the
   * demo's Acme project and sets a plan whose friendly reminder is due today for all of them.
   */
  private void prepare(ServerProcess s, HttpServer receiver) throws Exception {
    send(
        s,
        "POST",
        "/api/v1/webhook-endpoints",
        "{\"url\":\"http://127.0.0.1:"
            + receiver.getAddress().getPort()
            + "/hook\",\"events\":[\"reminder.sent\"]}",
        201);
    String project = null;
    for (JsonNode p : JSON.readTree(send(s, "GET", "/api/v1/projects", null, 200)).path("items")) {
      if (p.path("name").asString().contains("Acme")) {
        project = p.path("id").asString();
      }
    }
    assertThat(project).as("the demo's project with " + CLIENT).isNotNull();
    for (int i = 0; i < INVOICES; i++) {
      JsonNode invoice =
          JSON.readTree(
              send(
                  s,
                  "POST",
                  "/api/v1/projects/" + project + "/invoices",
                  "{\"lines\":[{\"description\":\"Outbox "
                      + i
                      + "\",\"quantity\":1,\"unitPrice\":{\"amount\":\"10.00\"}}]}",
                  201));
      numbers.add(invoice.path("number").asString());
      invoiceIds.add(invoice.path("id").asString());
    }
    // a friendly reminder 20 days before the due date: due today for every invoice above
    send(
        s,
        "PUT",
        "/api/v1/dunning-plan",
        "{\"preDueDays\":20,\"stages\":[{\"day\":10}],\"stopWorkStage\":0}",
        200);
  }

  private HttpServer receiver() throws java.io.IOException {
    HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/hook",
        exchange -> {
          hooks.add(JSON.readTree(exchange.getRequestBody().readAllBytes()));
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    receiver.start();
    return receiver;
  }

  /** The pre-due reminders of this test's invoices received since {@code after}. */
  private List<MimeMessage> reminders(int after) {
    MimeMessage[] all = TestMail.server().getReceivedMessages();
    List<MimeMessage> out = new ArrayList<>();
    for (int i = after; i < all.length; i++) {
      String subject = subject(all[i]);
      boolean ours = numbers.stream().anyMatch(n -> subject.contains("Invoice " + n + " "));
      try {
        if (ours
            && subject.contains("is due on")
            && Arrays.stream(all[i].getRecipients(Message.RecipientType.TO))
                .anyMatch(a -> a.toString().equalsIgnoreCase(CLIENT))) {
          out.add(all[i]);
        }
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    }
    return out;
  }

  private static String subject(MimeMessage m) {
    try {
      return m.getSubject();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static long distinctIds(List<MimeMessage> mails) {
    return mails.stream()
        .map(
            m -> {
              try {
                return m.getMessageID();
              } catch (Exception e) {
                throw new AssertionError(e);
              }
            })
        .distinct()
        .count();
  }

  private List<String> hookIds() {
    return hooks.stream()
        .filter(h -> invoiceIds.contains(h.path("data").path("invoice").asString()))
        .map(h -> h.path("id").asString())
        .toList();
  }

  /**
   * Waits for {@code done}; on time-out the failure says how far the mails and webhooks got and
   * what the servers logged above INFO, so a slow CI run can be told from a stuck outbox.
   */
  private void await(
      Supplier<Boolean> done,
      Duration within,
      int seenBefore,
      ServerDatabase db,
      ServerProcess... servers)
      throws Exception {
    Instant deadline = Instant.now().plus(within);
    while (!done.get()) {
      if (Instant.now().isAfter(deadline)) {
        StringBuilder state =
            new StringBuilder("not done within ")
                .append(within)
                .append(": ")
                .append(reminders(seenBefore).size())
                .append(" reminder mails (")
                .append(distinctIds(reminders(seenBefore)))
                .append(" distinct), ")
                .append(hookIds().size())
                .append(" webhooks of ")
                .append(INVOICES);
        for (String row :
            db.rows(
                "select id, status, attempts, next_attempt_at, last_error, subject from mail_outbox"
                    + " where status <> 'SENT' order by created_at")) {
          state.append("\nmail not sent: ").append(row);
        }
        for (String row :
            db.rows(
                "select id, status, attempts, next_attempt_at, last_error from webhook_delivery"
                    + " where status <> 'DELIVERED' order by created_at")) {
          state.append("\nwebhook not delivered: ").append(row);
        }
        for (ServerProcess s : servers) {
          state.append("\n--- ").append(s.baseUrl()).append(" logged:\n").append(s.problems());
        }
        throw new AssertionError(state.toString());
      }
      Thread.sleep(50);
    }
  }

  private String send(ServerProcess s, String method, String path, String json, int expected)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(s.baseUrl() + path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + s.apiToken());
    if (json == null) {
      request.GET();
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    }
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode())
        .as(method + " " + path + ": " + response.body())
        .isEqualTo(expected);
    return response.body();
  }
}
