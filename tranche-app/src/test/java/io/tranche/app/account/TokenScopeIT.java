package io.tranche.app.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.tranche.app.platform.TokenScope;
import io.tranche.app.support.Fixtures.World;
import io.tranche.app.support.IntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * API tokens with scopes: a CI token (deliver) uploads and submits but reads no data key or
 * plaintext; a read token only reads; every key or plaintext read by a member is evidence.
 */
class TokenScopeIT extends IntegrationTest {
  @Autowired ApiTokenService tokens;

  private ResultActions as(String token, MockHttpServletRequestBuilder r) throws Exception {
    return mvc.perform(r.header("Authorization", "Bearer " + token));
  }

  private ResultActions move(String token, UUID milestone, String action) throws Exception {
    return as(
        token,
        post("/api/v1/milestones/" + milestone + "/transitions")
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"action\":\"" + action + "\"}"));
  }

  private long evidence(World world, String type) {
    return jdbc.sql("select count(*) from evidence_entry where workspace_id = ? and type = ?")
        .params(world.owner().workspaceId(), type)
        .query(Long.class)
        .single();
  }

  @Test
  void aDeliverTokenUploadsAndSubmitsButReadsNoSecrets() throws Exception {
    World world = fixtures.world("scopes");
    fixtures.signedContract(world);
    String ci = tokens.create(world.owner(), "CI", TokenScope.DELIVER).secret();
    String reader = tokens.create(world.owner(), "dashboard", TokenScope.READ).secret();
    UUID fin = world.milestones().get(2).id();

    move(reader, fin, "START")
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.code").value("auth.scope"));
    move(ci, fin, "START").andExpect(status().isOk());
    String uploaded =
        as(
                ci,
                post("/api/v1/milestones/" + fin + "/artifacts")
                    .param("name", "build.zip")
                    .contentType("application/zip")
                    .content("the build".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    String artifact = uploaded.replaceAll("(?s)^\\{\"id\":\"([0-9a-f-]{36})\".*", "$1");
    move(ci, fin, "SUBMIT").andExpect(status().isOk());
    move(ci, fin, "OPEN_DISPUTE")
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.code").value("auth.scope"));

    for (String token : new String[] {ci, reader}) {
      as(token, get("/api/v1/projects/" + world.project().id())).andExpect(status().isOk());
      as(token, get("/api/v1/artifacts/" + artifact)).andExpect(status().isOk());
      as(token, get("/api/v1/artifacts/" + artifact + "/key"))
          .andExpect(status().isForbidden())
          .andExpect(jsonPath("$.code").value("auth.scope"));
      as(
              token,
              post("/api/v1/artifacts/" + artifact + "/downloads")
                  .contentType(MediaType.APPLICATION_JSON)
                  .content("{\"kind\":\"plaintext\"}"))
          .andExpect(status().isForbidden());
      as(
              token,
              post("/api/v1/quotes/" + UUID.randomUUID() + "/send")
                  .contentType(MediaType.APPLICATION_JSON))
          .andExpect(status().isForbidden());
    }
    assertThat(evidence(world, "artifact.key-read")).isZero();

    // a full token reads the key, and the read is on record
    as(world.apiToken(), get("/api/v1/artifacts/" + artifact + "/key")).andExpect(status().isOk());
    as(
            world.apiToken(),
            post("/api/v1/artifacts/" + artifact + "/downloads")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"kind\":\"plaintext\"}"))
        .andExpect(status().isCreated());
    assertThat(evidence(world, "artifact.key-read")).isEqualTo(1);
    assertThat(evidence(world, "artifact.plaintext-read")).isEqualTo(1);
  }

  @Test
  void aTokenCannotMakeATokenWithMoreThanItHas() {
    World world = fixtures.world("scope-grow");
    org.springframework.security.core.context.SecurityContextHolder.getContext()
        .setAuthentication(
            org.springframework.security.authentication.UsernamePasswordAuthenticationToken
                .authenticated(
                    world.owner(),
                    null,
                    java.util.List.of(
                        new org.springframework.security.core.authority.SimpleGrantedAuthority(
                            TokenScope.DELIVER.authority()))));
    try {
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> tokens.create(world.owner(), "escalate", TokenScope.FULL))
          .hasMessageContaining("needs a token with scope full");
      assertThat(tokens.create(world.owner(), "same", TokenScope.READ).token().scope())
          .isEqualTo(TokenScope.READ);
    } finally {
      org.springframework.security.core.context.SecurityContextHolder.clearContext();
    }
  }
}
