package io.tranche.app.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.tranche.app.support.Fixtures.World;
import io.tranche.app.support.IntegrationTest;
import io.tranche.app.support.Sessions;
import io.tranche.app.support.TestMail;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

/** Steps 7 and 9: the client accepts delivered work, or asks for changes, and signs off. */
class AcceptanceIT extends IntegrationTest {
  private World world;

  @org.springframework.beans.factory.annotation.Autowired
  io.tranche.app.artifact.ArtifactService artifacts;

  @org.springframework.beans.factory.annotation.Autowired
  io.tranche.app.invoice.InvoiceService invoices;

  @org.springframework.beans.factory.annotation.Autowired
  io.tranche.app.project.ProjectService projects;

  @BeforeEach
  void setUp() {
    world = fixtures.world("accept");
  }

  private void move(UUID milestone, String... actions) throws Exception {
    for (String action : actions) {
      mvc.perform(
              post("/api/v1/milestones/" + milestone + "/transitions")
                  .header("Authorization", "Bearer " + world.apiToken())
                  .contentType(MediaType.APPLICATION_JSON)
                  .content("{\"action\":\"" + action + "\"}"))
          .andExpect(status().isOk());
    }
  }

  private ResultActions asClient(AbstractMockHttpServletRequestBuilder<?> r) throws Exception {
    return mvc.perform(r.with(csrf()).with(authentication(Sessions.of(world.contactActor()))));
  }

  private String hashOn(UUID milestone) throws Exception {
    String page =
        asClient(get("/portal/milestones/" + milestone))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    int at =
        page.indexOf("name=\"documentHash\" value=\"") + "name=\"documentHash\" value=\"".length();
    return page.substring(at, at + 64);
  }

  @Test
  void aPartOfZeroIsAcceptedWithoutAnInvoice() throws Exception {
    String created =
        mvc.perform(
                post("/api/v1/projects/" + world.project().id() + "/milestones")
                    .header("Authorization", "Bearer " + world.apiToken())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        "{\"name\":\"Goodwill extra\",\"amount\":{\"amount\":\"0.00\"},"
                            + "\"trigger\":\"ACCEPTANCE\"}"))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    UUID extra = UUID.fromString(created.replaceAll("(?s).*\"id\":\"([0-9a-f-]{36})\".*", "$1"));
    // the contract signs the plan with the extra part in it
    var base = io.tranche.app.support.Fixtures.quoteContent(world.tag());
    var parts = new java.util.ArrayList<>(base.plan().milestones());
    parts.add(
        new io.tranche.core.milestone.PlannedMilestone(
            "Goodwill extra",
            io.tranche.core.money.Money.of(0, "EUR"),
            io.tranche.core.milestone.PaymentTrigger.ACCEPTANCE));
    fixtures.signedContract(
        world,
        new io.tranche.core.contract.QuoteContent(
            base.scope(),
            base.timeline(),
            base.lines(),
            0,
            new io.tranche.core.milestone.PaymentPlan(base.plan().total(), parts),
            base.validUntil(),
            base.terms()));
    move(extra, "START", "SUBMIT");
    asClient(
            post("/portal/milestones/" + extra + "/sign")
                .param("typedName", "Chris Client")
                .param("consent", "true")
                .param("documentHash", hashOn(extra)))
        .andExpect(status().is3xxRedirection());
    mvc.perform(
            get("/api/v1/milestones/" + extra)
                .header("Authorization", "Bearer " + world.apiToken()))
        .andExpect(jsonPath("$.state").value("ACCEPTED"));
    assertThat(
            jdbc.sql("select count(*) from invoice where milestone_id = ?")
                .param(extra)
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void theClientSignsTheAcceptanceOfSubmittedWork() throws Exception {
    fixtures.signedContract(world);
    UUID prototype = world.milestones().get(1).id();
    move(prototype, "START", "SUBMIT");
    assertThat(TestMail.awaitMailTo(world.contact().email(), "ready for your review")).isNotNull();

    String hash = hashOn(prototype);
    asClient(
            post("/portal/milestones/" + prototype + "/sign")
                .param("typedName", "Chris Client")
                .param("documentHash", hash))
        .andExpect(status().isBadRequest());
    asClient(
            post("/portal/milestones/" + prototype + "/sign")
                .param("typedName", "Chris Client")
                .param("consent", "true")
                .param("documentHash", hash))
        .andExpect(status().is3xxRedirection());

    // accepted, and its invoice issued on the same day (the ACCEPTANCE trigger)
    mvc.perform(
            get("/api/v1/milestones/" + prototype)
                .header("Authorization", "Bearer " + world.apiToken()))
        .andExpect(jsonPath("$.state").value("INVOICED"));
    // its page names the invoice that is now due and where to pay it
    String invoiced =
        asClient(get("/portal/milestones/" + prototype))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString()
            .replaceAll("\\s+", " ");
    assertThat(invoiced)
        .containsPattern("id=\"part-invoice\">Invoice <strong>[^<]+</strong> asks for <strong>")
        .contains("/portal/projects/" + world.project().id() + "/invoices\">How to pay</a>");
    assertThat(
            jdbc.sql("select to_state from milestone_transition where milestone_id = ?")
                .param(prototype)
                .query(String.class)
                .list())
        .contains("ACCEPTED", "INVOICED");
    assertThat(
            jdbc.sql("select document_kind from signature where document_id = ?")
                .param(prototype)
                .query(String.class)
                .list())
        .containsExactly("ACCEPTANCE");
    List<String> types =
        jdbc.sql("select type from evidence_entry where workspace_id = ? order by seq")
            .param(world.owner().workspaceId())
            .query(String.class)
            .list();
    assertThat(types).contains("milestone.accept", "milestone.acceptance-signed");
    asClient(
            post("/portal/milestones/" + prototype + "/sign")
                .param("typedName", "Chris Client")
                .param("consent", "true")
                .param("documentHash", hash))
        .andExpect(status().isConflict());
  }

  @Test
  void theClientAsksForChangesInstead() throws Exception {
    UUID prototype = world.milestones().get(1).id();
    move(prototype, "START", "SUBMIT");
    hashOn(prototype);
    // work delivered without a preview: the page says how to see it before deciding
    assertThat(
            asClient(get("/portal/milestones/" + prototype))
                .andReturn()
                .getResponse()
                .getContentAsString()
                .replaceAll("\\s+", " "))
        .contains("id=\"no-preview\"")
        .contains("No preview was offered with this part.")
        .contains("/portal/projects/" + world.project().id() + "/messages");
    asClient(post("/portal/milestones/" + prototype + "/changes").param("comment", " "))
        .andExpect(status().isBadRequest());
    asClient(
            post("/portal/milestones/" + prototype + "/changes")
                .param("comment", "The logo is too small"))
        .andExpect(status().is3xxRedirection());
    mvc.perform(
            get("/api/v1/milestones/" + prototype)
                .header("Authorization", "Bearer " + world.apiToken()))
        .andExpect(jsonPath("$.state").value("CHANGES_REQUESTED"));
  }

  @Test
  void theClientSignsOffTheReleasedFinalDelivery() throws Exception {
    fixtures.signedContract(world);
    UUID fin = world.milestones().get(2).id();
    move(fin, "START");
    artifacts.upload(
        world.owner(),
        fin,
        "final.zip",
        "application/zip",
        new java.io.ByteArrayInputStream(
            "the final build".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    move(fin, "SUBMIT");
    // the final demo is reviewed like any delivery: the page lists what is being accepted
    String review =
        asClient(get("/portal/milestones/" + fin))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    var delivered = artifacts.artifacts(world.owner(), fin).get(0);
    assertThat(review)
        .contains("final.zip")
        .contains(delivered.plaintextSha256())
        .contains(
            io.tranche.core.evidence.EvidenceChain.sha256(
                artifacts.receipt(world.owner(), delivered.id())))
        .contains("Review until");
    asClient(
            post("/portal/milestones/" + fin + "/sign")
                .param("typedName", "Chris Client")
                .param("consent", "true")
                .param("documentHash", hashOn(fin)))
        .andExpect(status().is3xxRedirection());
    // accepted, the final part is invoiced
    // paying the final invoice in full releases the part: its state follows the money
    var finalInvoice =
        invoices
            .invoices(
                world.owner(), world.project().id(), new io.tranche.app.platform.Paging(0, 50))
            .items()
            .stream()
            .filter(i -> fin.equals(i.milestoneId()))
            .findFirst()
            .orElseThrow();
    fixtures
        .payments()
        .recordPayment(
            world.owner(),
            finalInvoice.id(),
            io.tranche.core.money.Money.of(
                finalInvoice.open().amountMinor(), finalInvoice.open().currency()),
            java.time.LocalDate.now(),
            "final payment");
    mvc.perform(
            get("/api/v1/milestones/" + fin).header("Authorization", "Bearer " + world.apiToken()))
        .andExpect(jsonPath("$.state").value("RELEASED"));
    String hash = hashOn(fin);
    asClient(
            post("/portal/milestones/" + fin + "/sign")
                .param("typedName", "Chris Client")
                .param("consent", "true")
                .param("documentHash", hash))
        .andExpect(status().is3xxRedirection());
    assertThat(
            jdbc.sql("select document_kind from signature where document_id = ?")
                .param(fin)
                .query(String.class)
                .list())
        .containsExactlyInAnyOrder("ACCEPTANCE", "SIGNOFF");
    assertThat(projects.stage(world.owner(), world.project().id()).windowEndsAt())
        .as("the sign-off opens the modification window")
        .isNotNull();
  }

  @Test
  void nothingToSignForPlannedWorkAndNothingForOutsiders() throws Exception {
    UUID deposit = world.milestones().get(0).id();
    String hash = hashOn(deposit);
    asClient(
            post("/portal/milestones/" + deposit + "/sign")
                .param("typedName", "Chris")
                .param("consent", "true")
                .param("documentHash", hash))
        .andExpect(status().isConflict());
    World neighbour = fixtures.sibling(world, "neighbour");
    mvc.perform(
            get("/portal/milestones/" + deposit)
                .with(authentication(Sessions.of(neighbour.contactActor()))))
        .andExpect(status().isNotFound());
    assertThat(
            jdbc.sql(
                    "select count(*) from signature where workspace_id = ?"
                        + " and document_kind in ('ACCEPTANCE', 'SIGNOFF')")
                .param(world.owner().workspaceId())
                .query(Long.class)
                .single())
        .isZero();
  }
}
