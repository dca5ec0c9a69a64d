package io.tranche.app.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.tranche.app.account.internal.SetupTokenRepository;
import io.tranche.app.platform.Secrets;
import io.tranche.app.support.Fixtures;
import io.tranche.app.support.Fixtures.World;
import io.tranche.app.support.IntegrationTest;
import io.tranche.app.support.TestMail;
import io.tranche.app.support.Visitor;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MvcResult;

@ExtendWith(OutputCaptureExtension.class)
class AccountIT extends IntegrationTest {
  @Autowired PasswordEncoder passwords;
  @Autowired ApiTokenService tokens;
  @Autowired SetupTokenRepository setupTokens;

  @Test
  void hashesPasswordsWithArgon2idAtOwaspParameters() {
    String hash = passwords.encode("a password of some length");
    assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
    assertThat(passwords.matches("a password of some length", hash)).isTrue();
    assertThat(passwords.matches("another password", hash)).isFalse();
  }

  @Test
  void memberSignsInWithANewSessionIdAndSeesTheConsole() {
    realCsrfTokens();
    World world = fixtures.world("login");
    Visitor visitor = new Visitor(baseUrl());
    visitor.get("/login");
    assertThat(visitor.sessionId()).as("no session before sign-in").isNull();

    HttpResponse<String> response =
        visitor.post("/login", Map.of("email", world.ownerEmail(), "password", Fixtures.PASSWORD));

    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/console");
    assertThat(visitor.sessionId()).isNotNull();
    assertThat(
            jdbc.sql("select count(*) from spring_session where principal_name = ?")
                .param(world.owner().label())
                .query(Long.class)
                .single())
        .as("the session is stored in the database")
        .isOne();
    HttpResponse<String> console = visitor.get("/console");
    assertThat(console.statusCode()).isEqualTo(200);
    assertThat(console.body()).contains(world.project().name());
  }

  @Test
  void refusesAFormWithoutCsrfToken() {
    World world = fixtures.world("csrf");
    Visitor visitor = new Visitor(baseUrl());
    visitor.get("/login");
    HttpResponse<String> response =
        visitor.postRaw(
            "/login", Map.of("email", world.ownerEmail(), "password", Fixtures.PASSWORD));
    assertThat(response.statusCode()).isEqualTo(403);
  }

  @Test
  void showsAWrongPasswordNextToTheField() {
    World world = fixtures.world("wrong");
    Visitor visitor = new Visitor(baseUrl());
    visitor.get("/login");
    HttpResponse<String> response =
        visitor.post("/login", Map.of("email", world.ownerEmail(), "password", "not the password"));
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).contains("id=\"password-error\"").contains("do not match");
    assertThat(visitor.get("/console").statusCode()).isEqualTo(302);
  }

  @Test
  void limitsPasswordAttemptsPerAccountFromOneAddressWithRetryAfter() throws Exception {
    World world = fixtures.world("limit");
    for (int i = 0; i < 10; i++) {
      login(world.ownerEmail(), "wrong", "10.1.0.1").andExpect(status().isUnauthorized());
    }
    MvcResult limited =
        login(world.ownerEmail(), Fixtures.PASSWORD, "10.1.0.1")
            .andExpect(status().isTooManyRequests())
            .andReturn();
    assertThat(limited.getResponse().getContentAsString())
        .contains("Too many attempts; try again in");
    assertThat(Long.parseLong(limited.getResponse().getHeader("Retry-After"))).isPositive();
  }

  @Test
  void failuresElsewhereNeverLockTheOwnerOut() throws Exception {
    World world = fixtures.world("lockout");
    for (int i = 0; i < 12; i++) {
      login(world.ownerEmail(), "wrong", "10.1.2." + i).andExpect(status().isUnauthorized());
      login(world.ownerEmail(), "wrong", "10.1.3.1")
          .andExpect(i < 10 ? status().isUnauthorized() : status().isTooManyRequests());
    }
    login(world.ownerEmail(), Fixtures.PASSWORD, "10.1.4.1")
        .andExpect(status().isFound())
        .andExpect(header().string("Location", "/console"));
  }

  @Test
  void limitsPasswordAttemptsPerAddress() throws Exception {
    for (int i = 0; i < 30; i++) {
      login("nobody-" + i + "@vendor.test", "wrong", "10.2.0.1")
          .andExpect(status().isUnauthorized());
    }
    login("nobody-x@vendor.test", "wrong", "10.2.0.1").andExpect(status().isTooManyRequests());
    login("nobody-x@vendor.test", "wrong", "10.2.0.2").andExpect(status().isUnauthorized());
  }

  private org.springframework.test.web.servlet.ResultActions login(
      String email, String password, String address) throws Exception {
    return mvc.perform(
        post("/login")
            .param("email", email)
            .param("password", password)
            .with(csrf())
            .with(
                r -> {
                  r.setRemoteAddr(address);
                  return r;
                }));
  }

  @Test
  void contactSignsInOnceWithAMagicLinkAndTheLinkIsNotInTheLog(CapturedOutput output) {
    World world = fixtures.world("magic");
    Visitor visitor = new Visitor(baseUrl());
    visitor.get("/portal/login");
    HttpResponse<String> asked =
        visitor.post("/portal/login", Map.of("email", world.contact().email()));
    assertThat(asked.statusCode()).isEqualTo(200);
    assertThat(asked.body()).contains("is on its way");

    MimeMessage mail = TestMail.awaitMailTo(world.contact().email(), "sign-in link");
    String link = TestMail.link(mail);
    assertThat(link).startsWith(baseUrl() + "/portal/magic?token=");
    String path = link.substring(baseUrl().length());
    String token = path.substring(path.indexOf('=') + 1);

    // Opening the link (as a mail scanner would) does not use it up.
    assertThat(new Visitor(baseUrl()).get(path).statusCode()).isEqualTo(200);
    HttpResponse<String> confirm = visitor.get(path);
    assertThat(confirm.body()).contains("id=\"confirm-form\"");

    HttpResponse<String> signedIn = visitor.post("/portal/magic", Map.of("token", token));
    assertThat(signedIn.statusCode()).isEqualTo(302);
    assertThat(signedIn.headers().firstValue("Location").orElseThrow()).endsWith("/portal");
    assertThat(visitor.get("/portal").body()).contains(world.project().name());

    Visitor replay = new Visitor(baseUrl());
    replay.get("/portal/login");
    HttpResponse<String> again = replay.post("/portal/magic", Map.of("token", token));
    assertThat(again.statusCode()).isEqualTo(400);
    assertThat(again.body()).contains("expired or was already used");
    assertThat(replay.get("/portal").statusCode()).isEqualTo(302);

    assertThat(output.getAll()).doesNotContain(token).doesNotContain(Secrets.hash(token));
  }

  @Test
  void refusesAnExpiredMagicLink() {
    World world = fixtures.world("expired");
    Visitor visitor = new Visitor(baseUrl());
    visitor.get("/portal/login");
    visitor.post("/portal/login", Map.of("email", world.contact().email()));
    String link = TestMail.link(TestMail.awaitMailTo(world.contact().email(), "sign-in link"));
    String path = link.substring(baseUrl().length());
    String token = path.substring(path.indexOf('=') + 1);
    jdbc.sql("update magic_link set expires_at = ? where token_hash = ?")
        .params(java.sql.Timestamp.from(Instant.now().minusSeconds(1)), Secrets.hash(token))
        .update();

    HttpResponse<String> expired = visitor.get(path);
    assertThat(expired.statusCode()).isEqualTo(400);
    // the way to a new link names the business again
    assertThat(expired.body())
        .contains("/portal/login?w=" + world.owner().workspaceId() + "\" id=\"new-link\"");
    assertThat(visitor.post("/portal/magic", Map.of("token", token)).statusCode()).isEqualTo(400);
    assertThat(visitor.get("/portal/magic?token=nonsense").body())
        .contains("href=\"/portal/login\" id=\"new-link\"");
  }

  @Test
  void answersTheSameForAnUnknownAddressAndSendsNothing() throws Exception {
    World world = fixtures.world("same");
    String unknown = "stranger-" + UUID.randomUUID() + "@client.test";
    String known = page(world.contact().email());
    String other = page(unknown);
    assertThat(other.replace(unknown, "X")).isEqualTo(known.replace(world.contact().email(), "X"));
    TestMail.awaitMailTo(world.contact().email(), "sign-in link");
    assertThat(TestMail.latestTo(unknown)).isEmpty();
  }

  private String page(String email) throws Exception {
    return mvc.perform(post("/portal/login").param("email", email).with(csrf()))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  @Test
  void limitsMagicLinkRequestsPerAddress() throws Exception {
    World world = fixtures.world("magiclimit");
    for (int i = 0; i < 3; i++) {
      magic(world.contact().email(), "10.3.0." + i).andExpect(status().isOk());
    }
    magic(world.contact().email(), "10.3.1.1").andExpect(status().isTooManyRequests());
  }

  private org.springframework.test.web.servlet.ResultActions magic(String email, String address)
      throws Exception {
    return mvc.perform(
        post("/portal/login")
            .param("email", email)
            .with(csrf())
            .with(
                r -> {
                  r.setRemoteAddr(address);
                  return r;
                }));
  }

  @Test
  void revokedApiTokensStopWorkingAndOnlyTheirHashIsStored() throws Exception {
    World world = fixtures.world("token");
    ApiTokenService.CreatedToken created = tokens.create(world.owner(), "ci");
    assertThat(created.secret()).startsWith("trn_");
    mvc.perform(get("/api/v1/projects").header("Authorization", "Bearer " + created.secret()))
        .andExpect(status().isOk());
    assertThat(
            jdbc.sql("select count(*) from api_token where token_hash = ?")
                .param(Secrets.hash(created.secret()))
                .query(Long.class)
                .single())
        .isEqualTo(1);
    assertThat(
            jdbc.sql("select count(*) from api_token where token_hash = ?")
                .param(created.secret())
                .query(Long.class)
                .single())
        .isZero();

    tokens.revoke(world.owner(), created.token().id());

    mvc.perform(get("/api/v1/projects").header("Authorization", "Bearer " + created.secret()))
        .andExpect(status().isUnauthorized());
    mvc.perform(get("/api/v1/projects").header("Authorization", "Bearer trn_guess"))
        .andExpect(status().isUnauthorized());
  }

  @Test
  void aSetupLinkCreatesAnOwnerOnceAndRefusesAWeakPassword() {
    String token = Secrets.newSecret("");
    setupTokens.replace(Secrets.hash(token), Instant.now());
    String email = "first-" + UUID.randomUUID() + "@vendor.test";
    Visitor visitor = new Visitor(baseUrl());
    assertThat(visitor.get("/setup?token=" + token).statusCode()).isEqualTo(200);

    HttpResponse<String> weak =
        visitor.post(
            "/setup",
            Map.of(
                "token",
                token,
                "workspaceName",
                "First",
                "name",
                "Fran",
                "email",
                email,
                "password",
                "short"));
    assertThat(weak.statusCode()).isEqualTo(400);
    assertThat(weak.body()).contains("id=\"password-error\"").contains("value=\"" + email + "\"");
    assertThat(memberCount(email)).isZero();

    HttpResponse<String> created =
        visitor.post(
            "/setup",
            Map.of(
                "token",
                token,
                "workspaceName",
                "First",
                "name",
                "Fran",
                "email",
                email,
                "password",
                "a long enough password"));
    assertThat(created.statusCode()).isEqualTo(302);
    assertThat(memberCount(email)).isOne();
    assertThat(visitor.get("/console").statusCode()).isEqualTo(200);

    Visitor again = new Visitor(baseUrl());
    assertThat(again.get("/setup?token=" + token).statusCode()).isEqualTo(404);
  }

  private long memberCount(String email) {
    return jdbc.sql("select count(*) from member where email = ?")
        .param(email)
        .query(Long.class)
        .single();
  }
}
