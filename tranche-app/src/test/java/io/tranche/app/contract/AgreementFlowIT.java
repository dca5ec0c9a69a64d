package io.tranche.app.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.tranche.app.support.Fixtures.World;
import io.tranche.app.support.IntegrationTest;
import io.tranche.app.support.Sessions;
import io.tranche.app.support.TestMail;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Steps 1, 2, 3 and 9's signing of the lifecycle over HTTP: requirements, a meeting, quote v1, a
 * change request, quote v2, the client's signature, the vendor's countersignature, the contract PDF
 * read back, and an evidence log that verifies.
 */
class AgreementFlowIT extends IntegrationTest {
  private final JsonMapper json = JsonMapper.builder().build();
  private World world;

  @org.springframework.beans.factory.annotation.Autowired
  io.tranche.app.workspace.SettingsService settings;

  @org.springframework.beans.factory.annotation.Autowired
  io.tranche.app.workspace.ClientService clientDetails;

  @BeforeEach
  void setUp() {
    world = fixtures.world("flow");
  }

  private ResultActions api(AbstractMockHttpServletRequestBuilder<?> r) throws Exception {
    return mvc.perform(r.header("Authorization", "Bearer " + world.apiToken()));
  }

  private ResultActions asClient(AbstractMockHttpServletRequestBuilder<?> r) throws Exception {
    return mvc.perform(
        r.with(csrf())
            .with(authentication(Sessions.of(world.contactActor())))
            .header("User-Agent", "FlowTest/1.0"));
  }

  private JsonNode body(ResultActions r) throws Exception {
    return json.readTree(r.andReturn().getResponse().getContentAsString());
  }

  static String quoteJson(String scope, String validUntil) {
    return """
        {"scope": "%s", "timeline": "Six weeks from signature",
         "taxRateBasisPoints": 1900, "validUntil": "%s",
         "lines": [{"description": "Design", "quantity": 2, "unitPrice": {"amount": "500.00"}},
                   {"description": "Build", "quantity": 1, "unitPrice": {"amount": "2000.00"}}],
         "milestones": [
           {"name": "Deposit", "trigger": "CONTRACT_SIGNED", "percentBasisPoints": 3000},
           {"name": "Prototype accepted", "trigger": "ACCEPTANCE", "percentBasisPoints": 3000},
           {"name": "Final release", "trigger": "FINAL_DEMO", "percentBasisPoints": 4000}],
         "terms": {"reviewDays": 10, "modificationDays": 14, "creditLimit": {"amount": "100.00"}}}
        """
        .formatted(scope, validUntil);
  }

  @Test
  void walksFromRequirementsToASignedContractWithVerifiableEvidence() throws Exception {
    String project = world.project().id().toString();
    settings.update(
        world.owner(),
        new io.tranche.app.workspace.WorkspaceSettings.Change(
            null,
            "Hafenweg 3\n20457 Hamburg",
            "DE123456789",
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null));
    clientDetails.updateClient(
        world.owner(),
        world.client().id(),
        new io.tranche.app.workspace.ClientDetails(
            null, null, "Rue de la Paix 2\n75002 Paris", "FR12345678901"));

    // 1. requirements, both ways, with an attachment from the client
    api(post("/api/v1/projects/" + project + "/messages")
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"body\": \"What should the shop sell?\"}"))
        .andExpect(status().isCreated());
    asClient(
            multipart("/portal/projects/" + project + "/messages")
                .file(
                    new MockMultipartFile(
                        "files",
                        "catalogue.pdf",
                        "text/html",
                        "%PDF-1.4 catalogue".getBytes(StandardCharsets.US_ASCII)))
                .param("body", "Bread and cakes; see the catalogue."))
        .andExpect(status().is3xxRedirection());
    JsonNode thread = body(api(get("/api/v1/projects/" + project + "/messages")));
    assertThat(thread.get("items")).hasSize(2);
    JsonNode attachment = thread.get("items").get(1).get("attachments").get(0);
    assertThat(attachment.get("contentType").asString()).isEqualTo("application/pdf");
    assertThat(thread.get("items").get(1).get("author").asString())
        .isEqualTo(world.contactActor().label());
    api(get("/api/v1/attachments/" + attachment.get("id").asString()))
        .andExpect(status().isOk())
        .andExpect(
            r ->
                assertThat(r.getResponse().getHeader("Content-Disposition"))
                    .contains("attachment"));

    // 2. a meeting, confirmed by the client
    String meeting =
        body(api(post("/api/v1/projects/" + project + "/meetings")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        "{\"heldAt\":\"2026-11-20T10:00:00Z\",\"durationMinutes\":45,\"channel\":\"VIDEO\","
                            + "\"attendees\":\"Dana, Chris\",\"notes\":\"Agreed: shop with 40 products\","
                            + "\"recordingLink\":\"https://meet.example/rec/42\"}"))
                .andExpect(status().isCreated()))
            .get("id")
            .asString();
    // the client is asked by mail, and reads the notes, the recording and the time with its zone
    assertThat(
            TestMail.text(
                TestMail.awaitMailTo(world.contact().email(), "Please confirm the notes")))
        .contains("wrote down what was said in your meeting");
    String meetingsPage =
        asClient(get("/portal/projects/" + project + "/meetings"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(meetingsPage)
        .contains("href=\"https://meet.example/rec/42\"")
        .containsPattern("20 Nov 2026, \\d\\d:00 [A-Z]{2,5}")
        .contains("write a message</a> saying what");
    asClient(post("/portal/meetings/" + meeting + "/confirm"))
        .andExpect(status().is3xxRedirection());
    api(get("/api/v1/meetings/" + meeting))
        .andExpect(jsonPath("$.confirmedBy").value(world.contactActor().label()));

    // 3. quote v1, sent, the client asks for changes
    String validUntil = LocalDate.now().plusDays(30).toString();
    JsonNode v1 =
        body(
            api(post("/api/v1/projects/" + project + "/quotes")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(quoteJson("A web shop for a bakery", validUntil)))
                .andExpect(status().isCreated()));
    assertThat(v1.get("gross").get("amountMinor").asLong()).isEqualTo(357000);
    assertThat(v1.get("milestones").get(2).get("amount").get("amountMinor").asLong())
        .isEqualTo(142800);
    String v1Id = v1.get("id").asString();
    api(post("/api/v1/quotes/" + v1Id + "/send")).andExpect(jsonPath("$.status").value("SENT"));
    assertThat(TestMail.link(TestMail.awaitMailTo(world.contact().email(), "sent you a quote")))
        .endsWith("/portal/quotes/" + v1Id + "?w=" + world.owner().workspaceId());
    asClient(get("/portal/quotes/" + v1Id)).andExpect(status().isOk());
    asClient(post("/portal/quotes/" + v1Id + "/changes").param("comment", "Please add a blog"))
        .andExpect(status().is3xxRedirection());

    // quote v2 replaces v1
    JsonNode v2 =
        body(
            api(put("/api/v1/quotes/" + v1Id)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(quoteJson("A web shop for a bakery, with a blog", validUntil)))
                .andExpect(status().isOk()));
    assertThat(v2.get("version").asInt()).isEqualTo(2);
    String v2Id = v2.get("id").asString();
    String v2Hash = v2.get("documentHash").asString();
    api(post("/api/v1/quotes/" + v2Id + "/send")).andExpect(status().isOk());
    api(get("/api/v1/quotes/" + v1Id)).andExpect(jsonPath("$.status").value("SUPERSEDED"));

    // the client cannot sign the old version, nor one they have not opened
    asClient(
            post("/portal/quotes/" + v1Id + "/sign")
                .param("typedName", "Chris Client")
                .param("consent", "true")
                .param("documentHash", v1.get("documentHash").asString()))
        .andExpect(status().isConflict())
        .andExpect(
            r ->
                assertThat(r.getResponse().getContentAsString())
                    .contains("replaced by a newer version"));
    asClient(sign(v2Id, "Chris Client", true, v2Hash))
        .andExpect(status().isConflict())
        .andExpect(
            r -> assertThat(r.getResponse().getContentAsString()).contains("before signing"));
    asClient(get("/portal/quotes/" + v2Id))
        .andExpect(
            r ->
                assertThat(r.getResponse().getContentAsString())
                    .contains("with a blog")
                    .contains(v2Hash));
    asClient(sign(v2Id, "   ", true, v2Hash)).andExpect(status().isBadRequest());
    asClient(sign(v2Id, "Chris Client", false, v2Hash)).andExpect(status().isBadRequest());
    asClient(sign(v2Id, "Chris Client", true, "0".repeat(64))).andExpect(status().isConflict());
    assertThat(count("signature")).isZero();
    asClient(sign(v2Id, "Chris Client", true, v2Hash)).andExpect(status().is3xxRedirection());
    asClient(sign(v2Id, "Chris Client", true, v2Hash))
        .andExpect(status().isConflict())
        .andExpect(
            r -> assertThat(r.getResponse().getContentAsString()).contains("already signed"));
    api(put("/api/v1/quotes/" + v2Id)
            .contentType(MediaType.APPLICATION_JSON)
            .content(quoteJson("changed", validUntil)))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("quote.locked"));

    // the vendor countersigns after opening the contract
    String contract =
        body(api(get("/api/v1/projects/" + project + "/contracts"))).get(0).get("id").asString();
    String sig =
        "{\"typedName\":\"Dana Vendor\",\"consent\":true,\"documentHash\":\"" + v2Hash + "\"}";
    api(post("/api/v1/contracts/" + contract + "/sign")
            .contentType(MediaType.APPLICATION_JSON)
            .content(sig))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("signature.not-shown"));
    api(get("/api/v1/contracts/" + contract))
        .andExpect(jsonPath("$.status").value("AWAITING_VENDOR"));
    JsonNode signed =
        body(
            api(post("/api/v1/contracts/" + contract + "/sign")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(sig))
                .andExpect(status().isOk()));
    assertThat(signed.get("status").asString()).isEqualTo("SIGNED");
    assertThat(signed.get("signatures")).hasSize(2);

    // the contract PDF says what was agreed and who signed
    byte[] pdf =
        api(get("/api/v1/contracts/" + contract + "/pdf"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    String fingerprint = body(api(get("/api/v1/signing-key"))).get("fingerprint").asString();
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
      assertThat(text)
          .as("both parties as the contract names them")
          .contains("The vendor The client")
          .containsPattern("Hafenweg 3 .*20457 Hamburg")
          .contains("VAT/tax id: DE123456789")
          .contains("Rue de la Paix 2")
          .contains("VAT/tax id: FR12345678901")
          .contains(world.client().name())
          .doesNotContain("valid until")
          .contains("A web shop for a bakery, with a blog")
          .contains("Prototype accepted")
          .contains("1,428.00 EUR".replace(",", ""))
          .contains("Certificate of completion")
          .contains("Chris Client")
          .contains("Dana Vendor")
          .contains("FlowTest/1.0")
          .containsPattern(
              "Signed at \\d{1,2} [A-Z][a-z]{2} \\d{4}, \\d\\d:\\d\\d:\\d\\d\\.\\d{3} UTC")
          .doesNotContainPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d")
          .contains(v2Hash)
          .contains(fingerprint);
      PDFont font =
          doc.getPage(0)
              .getResources()
              .getFont(doc.getPage(0).getResources().getFontNames().iterator().next());
      assertThat(font.isEmbedded()).as("fonts are embedded").isTrue();
      assertThat(doc.getNumberOfPages()).isGreaterThanOrEqualTo(2);
    }

    // the contract's plan and credit limit are now the project's
    JsonNode milestones = body(api(get("/api/v1/projects/" + project + "/milestones")));
    assertThat(milestones.get("items").get(1).get("name").asString())
        .isEqualTo("Prototype accepted");
    api(get("/api/v1/projects/" + project))
        .andExpect(jsonPath("$.creditLimit.amountMinor").value(10000));

    // mail went out and every step is evidence that verifies
    assertThat(
            TestMail.awaitMailTo(world.ownerEmail(), "Contract signed by both sides").getSubject())
        .isNotBlank();
    List<String> types =
        jdbc.sql("select type from evidence_entry where workspace_id = ? order by seq")
            .param(world.owner().workspaceId())
            .query(String.class)
            .list();
    assertThat(types)
        .contains(
            "message.posted",
            "meeting.logged",
            "meeting.confirmed",
            "quote.sent",
            "quote.viewed",
            "quote.changes-requested",
            "quote.superseded",
            "document.signed",
            "contract.signed");
    api(get("/api/v1/evidence/verification")).andExpect(jsonPath("$.valid").value(true));
  }

  private MockHttpServletRequestBuilder sign(
      String quote, String name, boolean consent, String hash) {
    return post("/portal/quotes/" + quote + "/sign")
        .param("typedName", name)
        .param("consent", String.valueOf(consent))
        .param("documentHash", hash);
  }

  @Test
  void withTheVendorSigningFirstTheClientsSignatureCompletesTheContract() throws Exception {
    String project = world.project().id().toString();
    String validUntil = LocalDate.now().plusDays(30).toString();
    JsonNode clientFirst =
        body(
            api(
                post("/api/v1/projects/" + project + "/quotes")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(quoteJson("client first", validUntil))));
    String sig = "{\"typedName\":\"Dana Vendor\",\"consent\":true,\"documentHash\":\"%s\"}";
    api(get("/api/v1/quotes/" + clientFirst.get("id").asString()));
    api(post("/api/v1/quotes/" + clientFirst.get("id").asString() + "/sign")
            .contentType(MediaType.APPLICATION_JSON)
            .content(sig.formatted(clientFirst.get("documentHash").asString())))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("signature.wrong-order"));

    api(patch("/api/v1/settings")
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"signingOrder\":\"VENDOR_FIRST\"}"))
        .andExpect(jsonPath("$.signingOrder").value("VENDOR_FIRST"));
    JsonNode q =
        body(
            api(
                post("/api/v1/projects/" + project + "/quotes")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(quoteJson("vendor first", validUntil))));
    String id = q.get("id").asString();
    String hash = q.get("documentHash").asString();
    api(post("/api/v1/quotes/" + id + "/send"))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("signature.wrong-order"));
    api(get("/api/v1/quotes/" + id));
    api(post("/api/v1/quotes/" + id + "/sign")
            .contentType(MediaType.APPLICATION_JSON)
            .content(sig.formatted(hash)))
        .andExpect(status().isOk());
    api(post("/api/v1/quotes/" + id + "/send")).andExpect(status().isOk());
    asClient(get("/portal/quotes/" + id)).andExpect(status().isOk());
    asClient(sign(id, "Chris Client", true, hash)).andExpect(status().is3xxRedirection());

    JsonNode contract = body(api(get("/api/v1/projects/" + project + "/contracts"))).get(0);
    assertThat(contract.get("status").asString()).isEqualTo("SIGNED");
    byte[] pdf =
        api(get("/api/v1/contracts/" + contract.get("id").asString() + "/pdf"))
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      assertThat(new PDFTextStripper().getText(doc))
          .contains("Dana Vendor")
          .contains("Chris Client")
          .doesNotContainPattern("valid until \\d{4}-\\d{2}-\\d{2}");
    }
  }

  @Test
  void refusesAnExpiredQuoteAndAQuoteWhosePlanDoesNotAddUp() throws Exception {
    String project = world.project().id().toString();
    api(post("/api/v1/projects/" + project + "/quotes")
            .contentType(MediaType.APPLICATION_JSON)
            .content(
                quoteJson("x", LocalDate.now().plusDays(3).toString())
                    .replace("\"percentBasisPoints\": 4000", "\"percentBasisPoints\": 3000")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("plan.percent-sum"))
        .andExpect(jsonPath("$.errors[0].field").value("milestones"));
    String expired =
        body(api(post("/api/v1/projects/" + project + "/quotes")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(quoteJson("old", LocalDate.now().plusDays(1).toString())))
                .andExpect(status().isCreated()))
            .get("id")
            .asString();
    api(post("/api/v1/quotes/" + expired + "/send")).andExpect(status().isOk());
    // sent while valid; the client opens it after its last day
    clock.advance(java.time.Duration.ofDays(3));
    asClient(get("/portal/quotes/" + expired)).andExpect(status().isOk());
    String hash = body(api(get("/api/v1/quotes/" + expired))).get("documentHash").asString();
    asClient(sign(expired, "Chris", true, hash))
        .andExpect(status().isConflict())
        .andExpect(
            r -> assertThat(r.getResponse().getContentAsString()).contains("was valid until"));
    assertThat(count("contract")).isZero();
  }

  @Test
  void refusesAttachmentsWithPathsOrOverTheLimitAndKeepsNothing() throws Exception {
    String project = world.project().id().toString();
    long before = count("attachment");
    api(multipart("/api/v1/projects/" + project + "/messages")
            .file(
                new MockMultipartFile(
                    "files",
                    "../../etc/passwd",
                    "text/plain",
                    "x".getBytes(StandardCharsets.US_ASCII)))
            .param("body", "sneaky"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("attachment.bad-name"));
    api(multipart("/api/v1/projects/" + project + "/messages")
            .file(
                new MockMultipartFile(
                    "files", "big.bin", "application/octet-stream", new byte[1024 * 1024 + 1]))
            .param("body", "too big"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("attachment.too-large"));
    assertThat(count("attachment")).isEqualTo(before);
    assertThat(count("message")).isZero();
  }

  @Test
  void aContactOfAnotherProjectCannotSeeOrSignTheQuote() throws Exception {
    World neighbour = fixtures.sibling(world, "neighbour");
    var agreements = fixtures.agreements(world);
    mvc.perform(
            get("/portal/quotes/" + agreements.quoteId())
                .with(authentication(Sessions.of(neighbour.contactActor()))))
        .andExpect(status().isNotFound());
    mvc.perform(
            sign(agreements.quoteId().toString(), "Intruder", true, "x")
                .with(csrf())
                .with(authentication(Sessions.of(neighbour.contactActor()))))
        .andExpect(status().isNotFound());
  }

  private long count(String table) {
    return Stream.of(table)
        .map(
            t ->
                jdbc.sql("select count(*) from " + t + " where workspace_id = ?")
                    .param(world.owner().workspaceId())
                    .query(Long.class)
                    .single())
        .findFirst()
        .orElseThrow();
  }
}
