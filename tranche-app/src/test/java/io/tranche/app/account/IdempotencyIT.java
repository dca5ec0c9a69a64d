package io.tranche.app.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.tranche.app.support.Fixtures.World;
import io.tranche.app.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;

class IdempotencyIT extends IntegrationTest {
  private World world;

  @BeforeEach
  void setUp() {
    world = fixtures.world("idem");
  }

  private MvcResult create(String key, String name) throws Exception {
    return mvc.perform(
            post("/api/v1/clients")
                .header("Authorization", "Bearer " + world.apiToken())
                .header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"" + name + "\"}"))
        .andReturn();
  }

  private long clientsNamed(String name) {
    return jdbc.sql("select count(*) from client where workspace_id = ? and name = ?")
        .params(world.owner().workspaceId(), name)
        .query(Long.class)
        .single();
  }

  @Test
  void aRetryWithTheSameKeyAndBodyGetsTheFirstResponse() throws Exception {
    String key = UUID.randomUUID().toString();
    MvcResult first = create(key, "Idem Ltd");
    MvcResult again = create(key, "Idem Ltd");
    assertThat(first.getResponse().getStatus()).isEqualTo(201);
    assertThat(again.getResponse().getStatus()).isEqualTo(201);
    assertThat(again.getResponse().getHeader("Idempotent-Replayed")).isEqualTo("true");
    assertThat(again.getResponse().getContentAsString())
        .isEqualTo(first.getResponse().getContentAsString());
    assertThat(clientsNamed("Idem Ltd")).isOne();
  }

  @Test
  void theSameKeyWithAnotherBodyIsRefused() throws Exception {
    String key = UUID.randomUUID().toString();
    create(key, "First Ltd");
    mvc.perform(
            post("/api/v1/clients")
                .header("Authorization", "Bearer " + world.apiToken())
                .header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"Second Ltd\"}"))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.code").value("idempotency.key-reused"))
        .andExpect(header().doesNotExist("Idempotent-Replayed"));
    assertThat(clientsNamed("Second Ltd")).isZero();
  }

  @Test
  void concurrentRequestsWithOneKeyRunOnce() throws Exception {
    String key = UUID.randomUUID().toString();
    ExecutorService pool = Executors.newFixedThreadPool(10);
    List<Callable<Integer>> calls = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      calls.add(() -> create(key, "Race Ltd").getResponse().getStatus());
    }
    for (Future<Integer> f : pool.invokeAll(calls)) {
      assertThat(f.get()).isIn(201, 409);
    }
    pool.shutdown();
    assertThat(clientsNamed("Race Ltd")).isOne();
  }

  private MvcResult move(String key, UUID milestone, String action) throws Exception {
    return mvc.perform(
            post("/api/v1/milestones/" + milestone + "/transitions")
                .header("Authorization", "Bearer " + world.apiToken())
                .header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"action\":\"" + action + "\"}"))
        .andReturn();
  }

  @Test
  void aConflictIsNotKeptSoTheRetryRunsAgain() throws Exception {
    String key = UUID.randomUUID().toString();
    UUID milestone = world.milestones().get(1).id();
    MvcResult refused = move(key, milestone, "SUBMIT");
    assertThat(refused.getResponse().getStatus()).isEqualTo(409);
    assertThat(refused.getResponse().getContentAsString())
        .contains("\"code\":\"milestone.illegal-transition\"");
    assertThat(move(UUID.randomUUID().toString(), milestone, "START").getResponse().getStatus())
        .isEqualTo(200);
    MvcResult retry = move(key, milestone, "SUBMIT");
    assertThat(retry.getResponse().getStatus()).isEqualTo(200);
    assertThat(retry.getResponse().getHeader("Idempotent-Replayed")).isNull();
    assertThat(move(key, milestone, "SUBMIT").getResponse().getHeader("Idempotent-Replayed"))
        .isEqualTo("true");
  }

  @Test
  void aFailedRequestKeepsItsAnswerAndKeysArePerMember() throws Exception {
    String key = UUID.randomUUID().toString();
    MvcResult bad = create(key, "");
    assertThat(bad.getResponse().getStatus()).isEqualTo(400);
    assertThat(create(key, "").getResponse().getHeader("Idempotent-Replayed")).isEqualTo("true");
    World other = fixtures.world("idem-other");
    MvcResult theirs =
        mvc.perform(
                post("/api/v1/clients")
                    .header("Authorization", "Bearer " + other.apiToken())
                    .header("Idempotency-Key", key)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"name\":\"Theirs\"}"))
            .andReturn();
    assertThat(theirs.getResponse().getStatus()).isEqualTo(201);
  }

  @Test
  void aMessageWithAttachmentsKeepsThemWhenSentWithAKeyAndIsPostedOnce() throws Exception {
    String boundary = "----tranche" + UUID.randomUUID();
    String body =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"body\"\r\n\r\nSee the draft\r\n--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"draft.txt\""
            + "\r\nContent-Type: text/plain\r\n\r\nthe draft\r\n--"
            + boundary
            + "--\r\n";
    String key = UUID.randomUUID().toString();
    java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
    java.net.http.HttpRequest request =
        java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(
                    baseUrl() + "/api/v1/projects/" + world.project().id() + "/messages"))
            .header("Authorization", "Bearer " + world.apiToken())
            .header("Idempotency-Key", key)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
            .build();
    var first = http.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
    var again = http.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
    assertThat(first.body()).contains("draft.txt");
    assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
    assertThat(again.body()).isEqualTo(first.body());
    assertThat(
            jdbc.sql("select count(*) from attachment where workspace_id = ?")
                .param(world.owner().workspaceId())
                .query(Long.class)
                .single())
        .isOne();
  }
}
