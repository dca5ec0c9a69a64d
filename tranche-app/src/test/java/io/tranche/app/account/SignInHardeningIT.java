package io.tranche.app.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.tranche.app.support.Fixtures;
import io.tranche.app.support.Fixtures.World;
import io.tranche.app.support.IntegrationTest;
import io.tranche.app.support.RawHttp;
import io.tranche.app.support.Visitor;
import io.tranche.app.workspace.ClientService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.web.servlet.ResultActions;

/** Findings of an attack run on sign-in: sessions, CSRF, forwarded headers, lockout, mail. */
@ExtendWith(OutputCaptureExtension.class)
class SignInHardeningIT extends IntegrationTest {
  @Autowired ClientService clients;

  @org.junit.jupiter.api.BeforeEach
  void realBrowsers() {
    realCsrfTokens();
  }

  private long sessions() {
    return jdbc.sql("select count(*) from spring_session").query(Long.class).single();
  }

  @Test
  void anonymousPageViewsCreateNoSession() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    long before = sessions();
    String[] paths = {"/login", "/portal/login", "/", "/console", "/portal/projects/x"};
    for (int i = 0; i < 100; i++) {
      HttpResponse<String> page =
          http.send(
              HttpRequest.newBuilder(URI.create(baseUrl() + paths[i % paths.length])).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(page.statusCode()).isIn(200, 302);
      assertThat(page.headers().allValues("Set-Cookie"))
          .as(paths[i % paths.length])
          .noneMatch(c -> c.startsWith("SESSION=") || c.startsWith("JSESSIONID="));
    }
    assertThat(sessions()).isEqualTo(before);
  }

  @Test
  void signInStillChecksTheCsrfTokenKeptInACookie() {
    World world = fixtures.world("cookiecsrf");
    Visitor visitor = new Visitor(baseUrl());
    visitor.get("/login");
    assertThat(
            visitor.postRaw(
                "/login",
                Map.of(
                    "email", world.ownerEmail(), "password", Fixtures.PASSWORD, "_csrf", "wrong")))
        .extracting(HttpResponse::statusCode)
        .isEqualTo(403);
    assertThat(
            visitor
                .post("/login", Map.of("email", world.ownerEmail(), "password", Fixtures.PASSWORD))
                .statusCode())
        .isEqualTo(302);
    assertThat(visitor.get("/console").statusCode()).isEqualTo(200);
  }

  @Test
  void aForgedCsrfTokenThatIsNotUtf8IsAPlain403(CapturedOutput output) {
    Visitor visitor = new Visitor(baseUrl());
    visitor.get("/login");
    // The XOR handler splits the value into a random half and a masked token half (36 bytes
    // each for a UUID token); 0x00 ^ 0xFF is not UTF-8 once unmasked.
    byte[] forged = new byte[72];
    java.util.Arrays.fill(forged, 36, 72, (byte) 0xFF);
    HttpResponse<String> response =
        visitor.postRaw(
            "/login",
            Map.of(
                "email",
                "x@vendor.test",
                "password",
                "x",
                "_csrf",
                Base64.getUrlEncoder().encodeToString(forged)));
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).doesNotContain("Exception").doesNotContain("at org.");
    assertThat(output.getAll()).doesNotContain("IllegalArgumentException");
  }

  @Test
  void forwardedForFromAnUntrustedPeerDoesNotChangeTheClientAddress() throws Exception {
    for (int i = 0; i < 30; i++) {
      login("nobody-" + i + "@vendor.test", "10.7.0.1", "203.0.113." + i)
          .andExpect(status().isUnauthorized());
    }
    login("nobody-x@vendor.test", "10.7.0.1", "198.51.100.1")
        .andExpect(status().isTooManyRequests());
  }

  private ResultActions login(String email, String peer, String forwardedFor) throws Exception {
    return mvc.perform(
        post("/login")
            .param("email", email)
            .param("password", "wrong")
            .header("X-Forwarded-For", forwardedFor)
            .with(csrf())
            .with(
                r -> {
                  r.setRemoteAddr(peer);
                  return r;
                }));
  }

  @Test
  void pagesAndApiAnswersCarryAStrictReferrerPolicy() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    for (String path : new String[] {"/login", "/portal/login", "/api/v1/projects"}) {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(baseUrl() + path)).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(response.headers().firstValue("Referrer-Policy"))
          .as(path)
          .contains("strict-origin-when-cross-origin");
    }
  }

  @Test
  void aSignInLinkIsMailedOnlyByTheWorkspaceWhosePortalItIsAskedFrom() {
    World a = fixtures.world("portal-a");
    World b = fixtures.world("portal-b");
    String email = a.contact().email();
    // Workspace B adds A's client's address as a contact of its own.
    clients.createContact(b.owner(), b.client().id(), "Copied contact", email);

    ask(email, a.owner().workspaceId());
    assertThat(links(a)).isOne();
    assertThat(links(b)).as("B never sees a link the client asked of A").isZero();

    ask(email, null);
    assertThat(links(a) + links(b))
        .as("without naming a portal, an address known to two workspaces gets nothing")
        .isOne();

    World c = fixtures.world("portal-c");
    ask(c.contact().email(), null);
    assertThat(links(c)).as("an address known to one workspace needs no portal named").isOne();
  }

  @Test
  void aMailedPortalLinkLeadsToThatWorkspacesSignInPage() throws Exception {
    World a = fixtures.world("portal-link");
    HttpResponse<String> redirect =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            baseUrl()
                                + "/portal/projects/"
                                + a.project().id()
                                + "?w="
                                + a.owner().workspaceId()))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(redirect.statusCode()).isEqualTo(302);
    String location = redirect.headers().firstValue("Location").orElseThrow();
    assertThat(location)
        .endsWith(
            "/portal/login?w="
                + a.owner().workspaceId()
                + "&next=/portal/projects/"
                + a.project().id());
    HttpResponse<String> page =
        new Visitor(baseUrl()).get(location.substring(location.indexOf("/portal")));
    assertThat(page.body()).contains("Studio " + a.tag()).contains("name=\"w\"");
  }

  private void ask(String email, UUID workspace) {
    Visitor visitor = new Visitor(baseUrl());
    String query = workspace == null ? "" : "?w=" + workspace;
    visitor.get("/portal/login" + query);
    Map<String, String> form =
        workspace == null
            ? Map.of("email", email)
            : Map.of("email", email, "w", workspace.toString());
    assertThat(visitor.post("/portal/login", form).statusCode()).isEqualTo(200);
  }

  private long links(World world) {
    return jdbc.sql(
            "select count(*) from mail_outbox where workspace_id = ? and subject like"
                + " 'Your sign-in link%'")
        .param(world.owner().workspaceId())
        .query(Long.class)
        .single();
  }

  /**
   * A password sign-in over a real connection from {@code local}, claiming {@code forwardedFor}.
   */
  private int rawLogin(String local, String forwardedFor, String email) throws Exception {
    RawHttp.Answer page =
        RawHttp.exchangeFrom(
            local,
            port,
            "GET",
            "/login",
            Map.of(),
            RawHttp.Framing.CONTENT_LENGTH,
            0,
            0,
            new byte[0],
            (byte) 0);
    String cookie = page.headers().get("set-cookie").split(";")[0];
    java.util.regex.Matcher token =
        java.util.regex.Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"")
            .matcher(page.body());
    assertThat(token.find()).isTrue();
    byte[] form =
        ("email="
                + java.net.URLEncoder.encode(email, java.nio.charset.StandardCharsets.UTF_8)
                + "&password=wrong&_csrf="
                + java.net.URLEncoder.encode(
                    token.group(1), java.nio.charset.StandardCharsets.UTF_8))
            .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    return RawHttp.exchangeFrom(
            local,
            port,
            "POST",
            "/login",
            Map.of(
                "Cookie", cookie,
                "Content-Type", "application/x-www-form-urlencoded",
                "X-Forwarded-For", forwardedFor),
            RawHttp.Framing.CONTENT_LENGTH,
            form.length,
            form.length,
            form,
            (byte) 0)
        .status();
  }

  @Test
  void rotatingForwardedForOverARealConnectionDoesNotEscapeTheLimit() throws Exception {
    for (int i = 0; i < 30; i++) {
      assertThat(rawLogin("127.0.0.2", "203.0.113." + i, "rot-" + i + "@vendor.test"))
          .isEqualTo(401);
    }
    assertThat(rawLogin("127.0.0.2", "198.51.100.77", "rot-x@vendor.test")).isEqualTo(429);
  }

  @Test
  void aConfiguredProxyIsBelievedAboutItsClients() throws Exception {
    for (int i = 0; i < 35; i++) {
      assertThat(rawLogin("127.0.0.3", "192.0.2." + (100 + i), "proxied-" + i + "@vendor.test"))
          .as("attempt %d, each from its own client behind the proxy", i)
          .isEqualTo(401);
    }
  }

  @Test
  void aCookiePlantedByAnotherSiteCannotForgeASignedInForm() {
    World world = fixtures.world("planted");
    String evil = UUID.randomUUID().toString();
    byte[] masked = new byte[72];
    System.arraycopy(evil.getBytes(java.nio.charset.StandardCharsets.UTF_8), 0, masked, 36, 36);
    // Planting works where it may (an anonymous form: login CSRF, which the cookie pattern
    // accepts): the wrong password is a 401, not a 403.
    Visitor anonymous = new Visitor(baseUrl());
    anonymous.get("/login");
    anonymous.plantCookie("TRANCHE-CSRF", evil);
    assertThat(
            anonymous
                .postRaw(
                    "/login",
                    Map.of(
                        "email",
                        world.ownerEmail(),
                        "password",
                        "wrong",
                        "_csrf",
                        Base64.getUrlEncoder().encodeToString(masked)))
                .statusCode())
        .isEqualTo(401);

    Visitor visitor = new Visitor(baseUrl());
    visitor.get("/login");
    HttpResponse<String> signedIn =
        visitor.post("/login", Map.of("email", world.ownerEmail(), "password", Fixtures.PASSWORD));
    assertThat(signedIn.headers().allValues("Set-Cookie"))
        .as("sign-in drops the pre-sign-in token")
        .anyMatch(
            c ->
                c.startsWith("TRANCHE-CSRF=;")
                    && (c.contains("Max-Age=0") || c.contains("Expires=Thu, 01 Jan 1970")));
    assertThat(visitor.get("/console/tokens").statusCode()).isEqualTo(200);
    // The attacker sets their own token as the CSRF cookie and sends it, masked as the XOR handler
    // expects (a zero mask), with the victim's session.
    visitor.plantCookie("TRANCHE-CSRF", evil);
    HttpResponse<String> forged =
        visitor.postRaw(
            "/console/tokens",
            Map.of("name", "forged", "_csrf", Base64.getUrlEncoder().encodeToString(masked)));
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(
            jdbc.sql("select count(*) from api_token where name = 'forged'")
                .query(Long.class)
                .single())
        .isZero();
    assertThat(visitor.get("/console/tokens").statusCode()).isEqualTo(200);
    assertThat(visitor.post("/console/tokens", Map.of("name", "genuine")).statusCode())
        .isEqualTo(302);
  }

  @Test
  void anAnonymousMultipartBodyIsRefusedBeforeItIsRead() throws Exception {
    for (String path :
        new String[] {
          "/portal/projects/" + UUID.randomUUID() + "/messages",
          "/console/milestones/" + UUID.randomUUID() + "/artifacts"
        }) {
      RawHttp.Answer answer =
          RawHttp.exchangeFrom(
              null,
              port,
              "POST",
              path,
              Map.of("Content-Type", "multipart/form-data; boundary=x"),
              RawHttp.Framing.CONTENT_LENGTH,
              200L * 1024 * 1024,
              200L * 1024 * 1024,
              "--x\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a.bin\"\r\n\r\n"
                  .getBytes(java.nio.charset.StandardCharsets.US_ASCII),
              (byte) 'a');
      assertThat(answer.status()).as(path).isEqualTo(401);
      assertThat(answer.sentWhenAnswered())
          .as("answered before the body was read")
          .isLessThan(16L * 1024 * 1024);
    }
  }
}
