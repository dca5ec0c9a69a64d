package io.tranche.app.license;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.tranche.app.license.internal.LicenseIssuer;
import io.tranche.app.signing.SigningKeys;
import io.tranche.app.support.Fixtures.World;
import io.tranche.app.support.IntegrationTest;
import io.tranche.app.support.Sessions;
import io.tranche.app.support.TestMail;
import io.tranche.license.LicenseVerifier;
import io.tranche.license.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/**
 * Licences for a desktop project's builds: the full licence is issued on the final release, once
 * however often the release arrives, signed in the format apps verify offline, mailed with the
 * file; the portal offers it to the client only; the online validation counts machines, knows
 * revocations and refuses forged tokens.
 */
class LicenseIT extends IntegrationTest {
  @Autowired LicenseIssuer issuer;
  @Autowired SigningKeys keys;

  private World desktop(String label) {
    World world = fixtures.world(label);
    jdbc.sql("update project set type = 'DESKTOP' where id = ?")
        .param(world.project().id())
        .update();
    return world;
  }

  private long count(World world, String edition) {
    return jdbc.sql(
            "select count(*) from license where workspace_id = ? and project_id = ? and edition = ?")
        .params(world.owner().workspaceId(), world.project().id(), edition)
        .query(Long.class)
        .single();
  }

  @Test
  void theFinalReleaseIssuesTheFullLicenceOnceAndTheClientGetsIt() throws Exception {
    World world = desktop("licence-full");
    fixtures.signedContract(world);
    fixtures.payInFull(world, world.milestones().get(0).id());
    var build = fixtures.submittedArtifact(world);
    fixtures.accept(world, build.milestoneId());
    fixtures.payInFull(world, build.milestoneId());
    assertThat(count(world, "full")).as("issued on the release").isOne();
    assertThat(
            issuer.issueFor(world.owner().workspaceId(), world.project().id(), build.milestoneId()))
        .as("a second release event issues nothing")
        .isEmpty();

    var mail = TestMail.awaitMailTo(world.contact().email(), "Your licence for");
    assertThat(TestMail.attachments(mail).keySet()).singleElement().asString().endsWith(".license");

    String page =
        mvc.perform(
                get("/portal/projects/" + world.project().id() + "/deliverables")
                    .with(authentication(Sessions.of(world.contactActor()))))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("Full licence").contains("Download the licence");
    UUID id =
        jdbc.sql("select id from license where project_id = ?")
            .param(world.project().id())
            .query(UUID.class)
            .single();
    String token =
        mvc.perform(
                get("/portal/licenses/" + id + "/token")
                    .with(authentication(Sessions.of(world.contactActor()))))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    Verdict verdict =
        LicenseVerifier.verify(token, keys.publicKey(world.owner().workspaceId()), clock);
    assertThat(verdict).isInstanceOf(Verdict.Valid.class);
    assertThat(((Verdict.Valid) verdict).license().full()).isTrue();
    assertThat(((Verdict.Valid) verdict).license().licensee()).isEqualTo(world.client().name());

    World other = fixtures.world("licence-other");
    mvc.perform(
            get("/portal/licenses/" + id + "/token")
                .with(authentication(Sessions.of(other.contactActor()))))
        .andExpect(status().isNotFound());
    assertThat(
            jdbc.sql(
                    "select count(*) from evidence_entry where workspace_id = ? and type ="
                        + " 'license.issued'")
                .param(world.owner().workspaceId())
                .query(Long.class)
                .single())
        .isOne();
  }

  @Test
  void concurrentReleaseTriggersIssueOneLicence() throws Exception {
    World world = desktop("licence-race");
    fixtures.signedContract(world);
    UUID prototype = world.milestones().get(1).id();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Optional<UUID>>> calls = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        calls.add(
            () -> issuer.issueFor(world.owner().workspaceId(), world.project().id(), prototype));
      }
      long issued = 0;
      for (Future<Optional<UUID>> f : pool.invokeAll(calls)) {
        try {
          issued += f.get().isPresent() ? 1 : 0;
        } catch (java.util.concurrent.ExecutionException e) {
          // a loser of the race may see the winner's unique key as an error: it issued nothing
        }
      }
      assertThat(issued).isOne();
    } finally {
      pool.shutdown();
    }
    assertThat(count(world, "preview")).isOne();
  }

  @Test
  void theOnlineValidationCountsMachinesKnowsRevocationsAndRefusesForgeries() throws Exception {
    World world = desktop("licence-validate");
    fixtures.signedContract(world);
    UUID id =
        issuer
            .issueFor(
                world.owner().workspaceId(), world.project().id(), world.milestones().get(1).id())
            .orElseThrow();
    String token =
        jdbc.sql("select token from license where id = ?").param(id).query(String.class).single();

    validate(token, "laptop")
        .andExpect(jsonPath("$.state").value("valid"))
        .andExpect(jsonPath("$.activations").value(1))
        .andExpect(jsonPath("$.machines").value(2));
    validate(token, "desktop").andExpect(jsonPath("$.activations").value(2));
    validate(token, "third-machine").andExpect(jsonPath("$.state").value("machine-limit"));
    validate(token, "laptop").andExpect(jsonPath("$.state").value("valid"));

    String[] parts = token.split("\\.");
    String forged =
        parts[0]
            + "."
            + parts[1]
            + "."
            + parts[2].replace(parts[2].charAt(5), parts[2].charAt(5) == 'A' ? 'B' : 'A');
    validate(forged, "laptop").andExpect(jsonPath("$.state").value("bad-signature"));
    validate("nothing.like.this", "laptop").andExpect(jsonPath("$.state").value("unknown"));

    mvc.perform(
            post("/api/v1/licenses/" + id + "/revocation")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"the client asked to move it\"}")
                .header("Authorization", "Bearer " + world.apiToken()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.revokedReason").value("the client asked to move it"));
    validate(token, "laptop").andExpect(jsonPath("$.state").value("revoked"));

    World web = fixtures.world("licence-web");
    fixtures.signedContract(web);
    assertThat(
            issuer.issueFor(
                web.owner().workspaceId(), web.project().id(), web.milestones().get(1).id()))
        .as("a web site gets previews, not licences")
        .isEmpty();
  }

  @Test
  void membersIssueAndRevokeLicencesFromTheConsole() throws Exception {
    World world = desktop("licence-console");
    var owner = authentication(Sessions.of(world.owner()));
    mvc.perform(
            post("/console/projects/" + world.project().id() + "/licenses")
                .param("edition", "preview")
                .with(
                    org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.csrf())
                .with(owner))
        .andExpect(status().is3xxRedirection());
    assertThat(count(world, "preview")).isOne();
    UUID id =
        jdbc.sql("select id from license where project_id = ?")
            .param(world.project().id())
            .query(UUID.class)
            .single();
    String page =
        mvc.perform(get("/console/projects/" + world.project().id() + "/deliverables").with(owner))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("/console/licenses/" + id + "/token").contains("Revoke");
    mvc.perform(
            post("/console/licenses/" + id + "/revocation")
                .param("reason", "issued by mistake")
                .with(
                    org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.csrf())
                .with(owner))
        .andExpect(status().is3xxRedirection());
    assertThat(
            jdbc.sql("select revoked_reason from license where id = ?")
                .param(id)
                .query(String.class)
                .single())
        .isEqualTo("issued by mistake");
    assertThat(
            jdbc.sql(
                    "select count(*) from evidence_entry where workspace_id = ? and type like"
                        + " 'license.%'")
                .param(world.owner().workspaceId())
                .query(Long.class)
                .single())
        .isEqualTo(2L);
  }

  private org.springframework.test.web.servlet.ResultActions validate(String token, String machine)
      throws Exception {
    return mvc.perform(
            post("/api/v1/licenses/validate")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"token\":\"" + token + "\",\"machine\":\"" + machine + "\"}"))
        .andExpect(status().isOk());
  }
}
