package io.tranche.app.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.tranche.app.contract.ContractService;
import io.tranche.app.contract.SignedBy;
import io.tranche.app.support.Fixtures.World;
import io.tranche.app.support.IntegrationTest;
import io.tranche.app.support.TestMail;
import io.tranche.core.contract.SignatureRequest;
import io.tranche.core.payment.WebhookSignature;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Money over HTTP: contract signed → deposit invoice (number, PDF) → Stripe webhook → paid →
 * receipt mailed → ledger balanced → exposure; then a partial manual payment on the second invoice.
 */
class MoneyFlowIT extends IntegrationTest {
  private final JsonMapper json = JsonMapper.builder().build();
  @Autowired ContractService contracts;
  @Autowired io.tranche.app.contract.AcceptanceService acceptances;
  private World world;

  private ResultActions api(AbstractMockHttpServletRequestBuilder<?> r) throws Exception {
    return mvc.perform(r.header("Authorization", "Bearer " + world.apiToken()));
  }

  private JsonNode body(ResultActions r) throws Exception {
    return json.readTree(r.andReturn().getResponse().getContentAsString());
  }

  @Test
  void fromSignedContractToPaidDepositAndAPartlyPaidSecondInvoice() throws Exception {
    world = fixtures.world("moneyflow");
    var agreements = fixtures.agreements(world);
    String hash = contracts.open(world.owner(), agreements.contractId()).documentHash();
    contracts.countersign(
        world.owner(),
        agreements.contractId(),
        new SignatureRequest("Dana Vendor", true, hash),
        new SignedBy("192.0.2.7", "flow"));
    String project = world.project().id().toString();

    JsonNode deposit =
        body(api(get("/api/v1/projects/" + project + "/invoices"))).get("items").get(0);
    String depositId = deposit.get("id").asString();
    String number = deposit.get("number").asString();
    assertThat(number).matches("\\d{4}-\\d{4}");
    byte[] pdf =
        api(get("/api/v1/invoices/" + depositId + "/pdf"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      assertThat(new PDFTextStripper().getText(doc))
          .contains("Invoice " + number)
          .contains("1000.00 EUR");
    }

    String event =
        """
        {"id":"evt_flow_%s","type":"checkout.session.completed","data":{"object":{"payment_status":"paid",
         "amount_total":100000,"currency":"eur","payment_intent":"pi_flow_%s","metadata":{"invoice_id":"%s"}}}}"""
            .formatted(depositId, depositId, depositId);
    byte[] bytes = event.getBytes(StandardCharsets.UTF_8);
    mvc.perform(
            post("/webhooks/stripe")
                .contentType(MediaType.APPLICATION_JSON)
                .header(
                    "Stripe-Signature",
                    WebhookSignature.sign(bytes, "whsec_current", Instant.now()))
                .content(bytes))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.outcome").value("processed"));
    api(get("/api/v1/invoices/" + depositId)).andExpect(jsonPath("$.state").value("PAID"));
    assertThat(TestMail.awaitMailTo(world.contact().email(), "Receipt for invoice " + number))
        .isNotNull();
    assertThat(
            jdbc.sql(
                    "select coalesce(sum(amount_minor), 0) from ledger_posting where workspace_id = ?")
                .param(world.owner().workspaceId())
                .query(Long.class)
                .single())
        .as("the ledger balances")
        .isZero();
    api(get("/api/v1/clients/" + world.client().id() + "/receivable"))
        .andExpect(jsonPath("$.amountMinor").value(0));
    api(get("/api/v1/projects/" + project + "/exposure"))
        .andExpect(jsonPath("$.received.amountMinor").value(100000))
        .andExpect(jsonPath("$.released.amountMinor").value(0))
        .andExpect(jsonPath("$.withinLimit").value(true));

    // the prototype: submitted, accepted by the client (invoiced on acceptance), partly paid by
    // hand
    JsonNode milestones =
        body(api(get("/api/v1/projects/" + project + "/milestones"))).get("items");
    assertThat(milestones.get(0).get("state").asString()).isEqualTo("PAID");
    String prototype = milestones.get(1).get("id").asString();
    for (String action : new String[] {"START", "SUBMIT"}) {
      api(post("/api/v1/milestones/" + prototype + "/transitions")
              .contentType(MediaType.APPLICATION_JSON)
              .content("{\"action\":\"" + action + "\"}"))
          .andExpect(status().isOk());
    }
    // the client accepts the prototype with a signature (a member cannot accept for them)
    UUID prototypeId = UUID.fromString(prototype);
    acceptances.sign(
        world.contactActor(),
        prototypeId,
        new SignatureRequest(
            "Chris Client",
            true,
            acceptances.open(world.contactActor(), prototypeId).documentHash()),
        new SignedBy("192.0.2.7", "test"));
    JsonNode second =
        body(api(get("/api/v1/projects/" + project + "/invoices"))).get("items").get(1);
    String secondId = second.get("id").asString();
    assertThat(second.get("number").asString()).isNotEqualTo(number);
    api(post("/api/v1/invoices/" + secondId + "/payments")
            .contentType(MediaType.APPLICATION_JSON)
            .content(
                "{\"amount\":{\"amount\":\"300.00\"},\"receivedOn\":\"2026-11-26\",\"reference\":\"transfer\"}"))
        .andExpect(status().isCreated());
    api(get("/api/v1/invoices/" + secondId))
        .andExpect(jsonPath("$.state").value("PARTIALLY_PAID"))
        .andExpect(jsonPath("$.open.amountMinor").value(70000));
    api(get("/api/v1/clients/" + world.client().id() + "/receivable"))
        .andExpect(jsonPath("$.amountMinor").value(70000));
    api(get("/api/v1/evidence/verification")).andExpect(jsonPath("$.valid").value(true));
  }
}
