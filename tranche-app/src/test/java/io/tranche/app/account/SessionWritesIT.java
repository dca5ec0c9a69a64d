package io.tranche.app.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.tranche.app.support.Fixtures;
import io.tranche.app.support.Fixtures.World;
import io.tranche.app.support.IntegrationTest;
import io.tranche.app.support.StatementCounter;
import io.tranche.app.support.Visitor;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Sessions stay in the database, but a page that only reads its session does not write it back: the
 * stored last access time moves at most once a minute, while a sign-in and a sign-out are written
 * at once.
 */
class SessionWritesIT extends IntegrationTest {

  @Test
  void readingPagesDoesNotRewriteTheSessionButSigningInAndOutDoes() {
    realCsrfTokens();
    World world = fixtures.world("session-writes");
    Visitor visitor = new Visitor(baseUrl());
    visitor.get("/login");
    assertThat(
            visitor
                .post("/login", Map.of("email", world.ownerEmail(), "password", Fixtures.PASSWORD))
                .statusCode())
        .isEqualTo(302);
    // the cookie carries the session id base64-encoded
    String session =
        new String(
            java.util.Base64.getDecoder().decode(visitor.sessionId()),
            java.nio.charset.StandardCharsets.UTF_8);
    assertThat(principal(session))
        .as("the sign-in is written")
        .isEqualTo("member:" + world.owner().id());
    long before = lastAccess(session);

    for (int i = 0; i < 5; i++) {
      assertThat(visitor.get("/console").statusCode()).isEqualTo(200);
    }
    assertThat(lastAccess(session))
        .as("pages that only read are not written back")
        .isEqualTo(before);
    assertThat(visitor.get("/console/settings").body()).contains(world.ownerEmail());

    visitor.post("/logout", Map.of());
    assertThat(count(session)).as("the sign-out is written").isZero();
    assertThat(visitor.get("/console").statusCode()).isNotEqualTo(200);
  }

  @Test
  void aSignedInPageReadsItsSessionOnce() throws Exception {
    realCsrfTokens();
    World world = fixtures.world("session-reads");
    Visitor visitor = new Visitor(baseUrl());
    visitor.get("/login");
    visitor.post("/login", Map.of("email", world.ownerEmail(), "password", Fixtures.PASSWORD));
    jakarta.servlet.http.Cookie cookie =
        new jakarta.servlet.http.Cookie("SESSION", visitor.sessionId());
    java.util.List<String> statements =
        StatementCounter.statements(
            () ->
                mvc.perform(
                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                                "/console")
                            .cookie(cookie))
                    .andExpect(
                        org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                            .string(org.hamcrest.Matchers.containsString(world.ownerEmail()))));
    // Spring Session asks for the session again after saving it; that second read is answered
    // from the request's own copy
    assertThat(statements)
        .filteredOn(sql -> sql.toUpperCase(java.util.Locale.ROOT).contains("S.SESSION_ID = ?"))
        .hasSize(1);
  }

  private String principal(String session) {
    return jdbc.sql("select principal_name from spring_session where session_id = ?")
        .param(session)
        .query(String.class)
        .single();
  }

  private long lastAccess(String session) {
    return jdbc.sql("select last_access_time from spring_session where session_id = ?")
        .param(session)
        .query(Long.class)
        .single();
  }

  private long count(String session) {
    return jdbc.sql("select count(*) from spring_session where session_id = ?")
        .param(session)
        .query(Long.class)
        .single();
  }
}
