package io.tranche.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.tranche.app.project.MilestoneService;
import io.tranche.app.support.Fixtures;
import io.tranche.app.support.Fixtures.World;
import io.tranche.app.support.IntegrationTest;
import io.tranche.app.support.RawHttp;
import io.tranche.app.support.RawHttp.Answer;
import io.tranche.app.support.RawHttp.Framing;
import io.tranche.core.milestone.MilestoneAction;
import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bodies read into memory are capped at 1 MiB, checked against the running server over real
 * connections: a declared length above the cap is refused before a byte is sent, a chunked body is
 * refused once it passes the cap, and uploads that stream to storage or disk are left alone.
 */
class RequestBodyLimitIT extends IntegrationTest {
  private static final long MIB = 1024 * 1024;
  private static final long GIB = 1024 * MIB;

  @Autowired JsonMapper json;
  @Autowired MilestoneService milestones;
  private World world;

  @BeforeEach
  void setUp() {
    world = fixtures.world("limits");
  }

  private void assertTooLarge(Answer answer) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(413);
    assertThat(answer.headers().get("content-type")).startsWith("application/problem+json");
    JsonNode problem = json.readTree(answer.body());
    assertThat(problem.get("code").asString()).isEqualTo("request.too-large");
    assertThat(problem.get("maxBytes").asLong()).isEqualTo(MIB);
    assertThat(problem.get("detail").asString()).contains("1 MiB");
  }

  /** The server answered long before the body ended and did not read the rest. */
  private static void assertNotBuffered(Answer answer, long size) {
    assertThat(answer.sentWhenAnswered()).isLessThan(64 * MIB);
    assertThat(answer.cut()).isTrue();
    assertThat(answer.sent()).isLessThan(size);
  }

  private Answer send(
      String path, Map<String, String> headers, Framing framing, long declared, long sent)
      throws Exception {
    return send(path, headers, framing, declared, sent, new byte[0], (byte) 'a');
  }

  private Answer send(
      String path,
      Map<String, String> headers,
      Framing framing,
      long declared,
      long sent,
      byte[] prefix,
      byte pattern)
      throws Exception {
    return RawHttp.exchange(port, "POST", path, headers, framing, declared, sent, prefix, pattern);
  }

  @Test
  void anUnsignedWebhookDeclaringAGibibyteIsRefusedWith413BeforeAByteOfItIsSent() throws Exception {
    Answer answer =
        send(
            "/webhooks/stripe",
            Map.of("Content-Type", "application/json"),
            Framing.CONTENT_LENGTH,
            GIB,
            0);
    assertTooLarge(answer);
    assertThat(answer.sent()).isZero();
  }

  @Test
  void anUnsignedChunkedWebhookOfAGibibyteIsRefusedWith413OnceItPassesTheCap() throws Exception {
    Answer answer =
        send(
            "/webhooks/stripe",
            Map.of("Content-Type", "application/json"),
            Framing.CHUNKED,
            0,
            GIB,
            "{\"id\":\"evt_".getBytes(StandardCharsets.US_ASCII),
            (byte) 'x');
    assertTooLarge(answer);
    assertNotBuffered(answer, GIB);
  }

  @Test
  void aJsonApiBodyAboveTheCapIsRefusedWith413DeclaredOrChunkedWithOrWithoutIdempotencyKey()
      throws Exception {
    String path = "/api/v1/projects/" + world.project().id() + "/messages";
    Map<String, String> json =
        Map.of("Content-Type", "application/json", "Authorization", "Bearer " + world.apiToken());
    assertTooLarge(send(path, json, Framing.CONTENT_LENGTH, 2 * MIB, 0));
    byte[] prefix = "{\"body\":\"".getBytes(StandardCharsets.US_ASCII);
    Answer chunked = send(path, json, Framing.CHUNKED, 0, 256 * MIB, prefix, (byte) 'a');
    assertTooLarge(chunked);
    assertNotBuffered(chunked, 256 * MIB);
    Map<String, String> keyed =
        Map.of(
            "Content-Type",
            "application/json",
            "Authorization",
            "Bearer " + world.apiToken(),
            "Idempotency-Key",
            UUID.randomUUID().toString());
    Answer idempotent = send(path, keyed, Framing.CHUNKED, 0, 256 * MIB, prefix, (byte) 'a');
    assertTooLarge(idempotent);
    assertNotBuffered(idempotent, 256 * MIB);
    assertThat(
            jdbc.sql("select count(*) from message where project_id = ?")
                .param(world.project().id())
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void aFormPostAboveTheCapIsRefusedWith413DeclaredOrChunked() throws Exception {
    Map<String, String> form = Map.of("Content-Type", "application/x-www-form-urlencoded");
    byte[] prefix = "email=".getBytes(StandardCharsets.US_ASCII);
    assertTooLarge(send("/login", form, Framing.CONTENT_LENGTH, 2 * MIB, 0));
    Answer chunked = send("/login", form, Framing.CHUNKED, 0, 256 * MIB, prefix, (byte) 'a');
    assertTooLarge(chunked);
    assertNotBuffered(chunked, 256 * MIB);
  }

  @Test
  void multipartBodiesAreRefusedWith415WhereNoFilesAreAttached() throws Exception {
    Map<String, String> multipart = Map.of("Content-Type", "multipart/form-data; boundary=b");
    for (String path : new String[] {"/login", "/webhooks/stripe", "/portal/login"}) {
      Answer answer = send(path, multipart, Framing.CHUNKED, 0, 256 * MIB);
      assertThat(answer.status()).as(path).isEqualTo(415);
      assertThat(json.readTree(answer.body()).get("code").asString())
          .isEqualTo("request.unsupported-media-type");
      assertNotBuffered(answer, 256 * MIB);
    }
  }

  @Test
  void aMessageWhoseAttachmentsTogetherPassTheCapIsStillAccepted() throws Exception {
    String boundary = "b" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(
        ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"body\"\r\n\r\ntwo files\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    for (String name : new String[] {"one.bin", "two.bin"}) {
      body.write(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\""
                  + name
                  + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      body.write(new byte[700 * 1024]);
      body.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    assertThat((long) body.size()).isGreaterThan(MIB);
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            baseUrl() + "/api/v1/projects/" + world.project().id() + "/messages"))
                    .header("Authorization", "Bearer " + world.apiToken())
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    assertThat(json.readTree(response.body()).get("attachments").size()).isEqualTo(2);
  }

  @Test
  void artifactUploadsAboveTheCapStreamThroughTheApiAndTheConsole() throws Exception {
    UUID milestone = world.milestones().get(2).id();
    milestones.transition(world.owner(), milestone, MilestoneAction.START);

    Answer api =
        send(
            "/api/v1/milestones/" + milestone + "/artifacts?name=api.bin",
            Map.of(
                "Content-Type",
                "application/octet-stream",
                "Authorization",
                "Bearer " + world.apiToken()),
            Framing.CHUNKED,
            0,
            3 * MIB);
    assertThat(api.status()).as(api.body()).isEqualTo(201);
    assertThat(json.readTree(api.body()).get("plaintextSize").asLong()).isEqualTo(3 * MIB);

    HttpClient browser = signedIn();
    String deliverables =
        page(browser, "/console/projects/" + world.project().id() + "/deliverables");
    HttpResponse<String> uploaded =
        browser.send(
            HttpRequest.newBuilder(
                    URI.create(
                        baseUrl() + "/console/milestones/" + milestone + "/artifacts?name=c.bin"))
                .header("Content-Type", "application/octet-stream")
                .header(
                    find(deliverables, "data-csrf-header=\"([^\"]+)\""),
                    find(deliverables, "data-csrf=\"([^\"]+)\""))
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[(int) (3 * MIB)]))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
  }

  /** A browser-like client with the owner signed in. */
  private HttpClient signedIn() throws Exception {
    HttpClient browser =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    String login = page(browser, "/login");
    HttpResponse<String> signedIn =
        browser.send(
            HttpRequest.newBuilder(URI.create(baseUrl() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "email="
                            + URLEncoder.encode(world.ownerEmail(), StandardCharsets.UTF_8)
                            + "&password="
                            + URLEncoder.encode(Fixtures.PASSWORD, StandardCharsets.UTF_8)
                            + "&_csrf="
                            + find(login, "name=\"_csrf\" value=\"([^\"]+)\"")))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(signedIn.statusCode()).isEqualTo(302);
    return browser;
  }

  @Test
  void aLogoFarTooLargeIsRefusedOnTheSettingsPageNextToItsField() throws Exception {
    HttpClient browser = signedIn();
    String settings = page(browser, "/console/settings");
    String csrf = find(settings, "name=\"_csrf\" value=\"([^\"]+)\"");
    String boundary = "b" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n"
                + csrf
                + "\r\n--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"logo\"; filename=\"huge.png\""
                + "\r\nContent-Type: image/png\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    body.write(new byte[(int) (3 * MIB)]);
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    HttpResponse<String> refused =
        browser.send(
            HttpRequest.newBuilder(URI.create(baseUrl() + "/console/settings/logo"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(refused.statusCode()).isBetween(400, 499);
    assertThat(refused.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
    assertThat(refused.body()).contains("id=\"logo-error\"").contains("512 KiB");
  }

  private String page(HttpClient browser, String path) throws Exception {
    HttpResponse<String> page =
        browser.send(
            HttpRequest.newBuilder(URI.create(baseUrl() + path)).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).as(path).isEqualTo(200);
    return page.body();
  }

  private static String find(String html, String regex) {
    Matcher m = Pattern.compile(regex).matcher(html);
    assertThat(m.find()).as(regex).isTrue();
    return m.group(1);
  }
}
