package io.tranche.app.modification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.tranche.app.contract.AcceptanceService;
import io.tranche.app.contract.ContractService;
import io.tranche.app.contract.QuoteService;
import io.tranche.app.contract.SignedBy;
import io.tranche.app.modification.internal.ModificationWindows;
import io.tranche.app.platform.Paging;
import io.tranche.app.project.MilestoneService;
import io.tranche.app.project.MilestoneView;
import io.tranche.app.support.Fixtures.World;
import io.tranche.app.support.IntegrationTest;
import io.tranche.app.support.Sessions;
import io.tranche.app.support.TestMail;
import io.tranche.core.contract.SignatureRequest;
import io.tranche.core.milestone.MilestoneState;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

/** Step 10: sign-off opens the modification window; requests are minor or change orders. */
class ModificationIT extends IntegrationTest {
  @Autowired AcceptanceService acceptances;
  @Autowired MilestoneService milestones;
  @Autowired QuoteService quotes;

  @org.springframework.beans.factory.annotation.Autowired
  io.tranche.app.contract.QuoteSigning quoteSigning;

  @Autowired ContractService contracts;
  @Autowired ModificationService modifications;
  @Autowired ModificationWindows windows;

  private ResultActions asClient(World world, AbstractMockHttpServletRequestBuilder<?> r)
      throws Exception {
    return mvc.perform(r.with(csrf()).with(authentication(Sessions.of(world.contactActor()))));
  }

  private ResultActions api(World world, AbstractMockHttpServletRequestBuilder<?> r)
      throws Exception {
    return mvc.perform(
        r.header("Authorization", "Bearer " + world.apiToken())
            .contentType(MediaType.APPLICATION_JSON));
  }

  /** A contract, the final part delivered, accepted, paid, released and signed off. */
  private World signedOff(String label) {
    World world = fixtures.world(label);
    fixtures.signedContract(world);
    UUID fin = fixtures.submittedArtifact(world).milestoneId();
    fixtures.accept(world, fin);
    fixtures.payInFull(world, fin);
    var decision = acceptances.open(world.contactActor(), fin);
    assertThat(decision.kind()).isEqualTo("SIGNOFF");
    acceptances.sign(
        world.contactActor(),
        fin,
        new SignatureRequest("Contact " + world.tag(), true, decision.documentHash()),
        new SignedBy("192.0.2.4", "test"));
    return world;
  }

  private UUID file(World world, String what) throws Exception {
    asClient(
            world,
            multipart("/portal/projects/" + world.project().id() + "/modifications")
                .file(
                    new MockMultipartFile(
                        "files",
                        "screenshot.png",
                        "image/png",
                        "not really a png".getBytes(StandardCharsets.UTF_8)))
                .param("what", what)
                .param("where", "Checkout page")
                .param("expected", "It works on a phone"))
        .andExpect(status().is3xxRedirection());
    return modifications.requests(world.owner(), world.project().id()).stream()
        .filter(r -> r.what().equals(what))
        .findFirst()
        .orElseThrow()
        .id();
  }

  private List<String> evidence(World world) {
    return jdbc.sql("select type from evidence_entry where workspace_id = ? order by seq")
        .param(world.owner().workspaceId())
        .query(String.class)
        .list();
  }

  @Test
  void beforeSignOffTheFormIsClosed() throws Exception {
    World world = fixtures.world("early");
    asClient(
            world,
            post("/portal/projects/" + world.project().id() + "/modifications")
                .param("what", "x")
                .param("where", "y")
                .param("expected", "z"))
        .andExpect(status().isConflict());
    assertThat(modifications.requests(world.owner(), world.project().id())).isEmpty();
  }

  @Test
  void aMinorRequestIsFreeAndTrackedToTheClientsConfirmation() throws Exception {
    World world = signedOff("minor");
    asClient(world, get("/portal/projects/" + world.project().id() + "/modifications"))
        .andExpect(status().isOk())
        .andExpect(
            r ->
                assertThat(r.getResponse().getContentAsString())
                    .contains("id=\"window-open\"")
                    .contains("id=\"modification-form\""));
    // a blank field is named, and nothing is filed
    asClient(
            world,
            post("/portal/projects/" + world.project().id() + "/modifications")
                .param("what", " ")
                .param("where", "Home")
                .param("expected", "A bigger logo"))
        .andExpect(status().isBadRequest())
        .andExpect(
            r ->
                assertThat(r.getResponse().getContentAsString())
                    .contains("Please fill in what to change.")
                    .doesNotContain("what is required"));
    UUID request = file(world, "The basket button is hidden on phones");
    assertThat(TestMail.awaitMailTo(world.ownerEmail(), "Modification request")).isNotNull();
    // the vendor's page lists it with the classification buttons
    String console =
        mvc.perform(
                get("/console/projects/" + world.project().id() + "/modifications")
                    .with(authentication(Sessions.of(world.owner()))))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(console)
        .contains("The basket button is hidden on phones")
        .contains("minor (free)")
        .contains("change order");
    api(world, post("/api/v1/modification-requests/" + request + "/classification"))
        .andExpect(status().isBadRequest());
    api(
            world,
            post("/api/v1/modification-requests/" + request + "/classification")
                .content("{\"kind\":\"MINOR\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.kind").value("MINOR"));
    for (String next : new String[] {"IN_PROGRESS", "DONE"}) {
      api(
              world,
              post("/api/v1/modification-requests/" + request + "/progress")
                  .content("{\"status\":\"" + next + "\"}"))
          .andExpect(status().isOk())
          .andExpect(jsonPath("$.status").value(next));
    }
    asClient(world, post("/portal/modification-requests/" + request + "/confirm"))
        .andExpect(status().is3xxRedirection());
    assertThat(modifications.request(world.owner(), request).status().name())
        .isEqualTo("CONFIRMED");
    assertThat(evidence(world))
        .containsSubsequence(
            "project.signed-off",
            "message.posted",
            "modification.filed",
            "modification.classified",
            "modification.started",
            "modification.done",
            "modification.confirmed");
    // another workspace sees none of it
    World other = fixtures.world("minor-other");
    api(other, get("/api/v1/modification-requests/" + request)).andExpect(status().isNotFound());
    api(
            other,
            post("/api/v1/modification-requests/" + request + "/classification")
                .content("{\"kind\":\"MINOR\"}"))
        .andExpect(status().isNotFound());
  }

  @Test
  void aChangeOrderBecomesAPartThroughAnAmendmentAndTheWindowCloses() throws Exception {
    World world = signedOff("order");
    UUID request = file(world, "Add a gift-card feature");
    mvc.perform(
            post("/console/modification-requests/" + request + "/classification")
                .param("kind", "CHANGE_ORDER")
                .with(csrf())
                .with(authentication(Sessions.of(world.owner()))))
        .andExpect(status().is3xxRedirection());
    assertThat(modifications.request(world.owner(), request).kind().name())
        .isEqualTo("CHANGE_ORDER");
    String quote =
        api(
                world,
                post("/api/v1/modification-requests/" + request + "/change-order")
                    .content("{\"amount\":{\"amount\":\"250.00\"}}"))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.amends").isNotEmpty())
            .andReturn()
            .getResponse()
            .getContentAsString();
    UUID quoteId = UUID.fromString(quote.replaceAll("(?s)^\\{\"id\":\"([0-9a-f-]{36})\".*", "$1"));
    quotes.send(world.owner(), quoteId);
    // both sides read what the change order changes, not the whole contract again
    String portalQuote =
        mvc.perform(
                get("/portal/quotes/" + quoteId)
                    .with(authentication(Sessions.of(world.contactActor()))))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString()
            .replaceAll("\\s+", " ");
    assertThat(portalQuote)
        .contains("<h1>Change order</h1>")
        .contains("What this change order changes")
        .contains("Adds <strong>Change order #1")
        .contains("250.00 EUR</span> before tax")
        .contains("Adds the part <strong>Change order #1")
        .contains("invoiced <span>on acceptance</span>")
        .contains(
            "The total goes from <strong>3000.00 EUR</strong> to <strong>3250.00 EUR</strong>")
        .doesNotContain("Adds <strong>Work for");
    assertThat(
            mvc.perform(
                    get("/portal/projects/" + world.project().id() + "/quotes")
                        .with(authentication(Sessions.of(world.contactActor()))))
                .andReturn()
                .getResponse()
                .getContentAsString())
        .contains("Change order, version 1");
    assertThat(portalProject(world)).contains("Read the change order and sign it");
    assertThat(
            mvc.perform(
                    get("/console/quotes/" + quoteId)
                        .with(authentication(Sessions.of(world.owner()))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString())
        .contains("What this change order changes");
    String hash = quotes.open(world.contactActor(), quoteId).documentHash();
    var contract =
        quoteSigning.sign(
            world.contactActor(),
            quoteId,
            new SignatureRequest("Contact " + world.tag(), true, hash),
            new SignedBy("192.0.2.5", "test"));
    // what is owed still comes first; the contract step says the countersignature is next
    assertThat(portalProject(world))
        .contains("Signed; you signed a change order, waiting for the countersignature");
    String contractHash = contracts.open(world.owner(), contract.id()).documentHash();
    contracts.countersign(
        world.owner(),
        contract.id(),
        new SignatureRequest("Owner", true, contractHash),
        new SignedBy("192.0.2.6", "test"));
    assertThat(modifications.request(world.owner(), request).status().name()).isEqualTo("SIGNED");
    List<MilestoneView> plan =
        milestones.milestones(world.owner(), world.project().id(), new Paging(0, 50)).items();
    assertThat(plan).hasSize(4);
    MilestoneView order = plan.get(3);
    assertThat(order.name()).startsWith("Change order #1");
    assertThat(order.amount().amountMinor()).isEqualTo(25000L);
    assertThat(order.state()).isEqualTo(MilestoneState.PLANNED);

    clock.advance(Duration.ofDays(7).plusMinutes(1));
    assertThat(windows.closeEnded()).isGreaterThanOrEqualTo(1);
    assertThat(windows.closeEnded()).as("once").isZero();
    assertThat(evidence(world)).contains("project.window-closed");
    UUID late = file(world, "Change the colours");
    var filed = modifications.request(world.owner(), late);
    assertThat(filed.inWindow()).isFalse();
    assertThat(filed.kind().name()).isEqualTo("CHANGE_ORDER");
    api(
            world,
            post("/api/v1/modification-requests/" + late + "/classification")
                .content("{\"kind\":\"MINOR\"}"))
        .andExpect(status().isConflict());
  }

  private String portalProject(World world) throws Exception {
    return mvc.perform(
            get("/portal/projects/" + world.project().id())
                .with(authentication(Sessions.of(world.contactActor()))))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }
}
