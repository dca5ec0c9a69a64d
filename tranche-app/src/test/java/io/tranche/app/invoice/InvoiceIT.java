package io.tranche.app.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.tranche.app.contract.ContractService;
import io.tranche.app.contract.SignedBy;
import io.tranche.app.support.Fixtures.World;
import io.tranche.app.support.IntegrationTest;
import io.tranche.app.support.Sessions;
import io.tranche.app.support.TestMail;
import io.tranche.core.contract.SignatureRequest;
import io.tranche.core.invoice.InvoiceLine;
import io.tranche.core.money.Money;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class InvoiceIT extends IntegrationTest {
  private final JsonMapper json = JsonMapper.builder().build();
  @Autowired ContractService contracts;
  @Autowired InvoiceService invoices;
  @Autowired io.tranche.app.workspace.SettingsService settings;
  @Autowired io.tranche.app.workspace.ClientService clientDetails;
  private World world;

  @BeforeEach
  void setUp() {
    world = fixtures.world("money");
  }

  private ResultActions api(AbstractMockHttpServletRequestBuilder<?> r) throws Exception {
    return mvc.perform(r.header("Authorization", "Bearer " + world.apiToken()));
  }

  private JsonNode body(ResultActions r) throws Exception {
    return json.readTree(r.andReturn().getResponse().getContentAsString());
  }

  private void signContract() {
    var agreements = fixtures.agreements(world);
    contracts.open(world.owner(), agreements.contractId());
    contracts.countersign(
        world.owner(),
        agreements.contractId(),
        new SignatureRequest(
            "Dana Vendor",
            true,
            contracts.open(world.owner(), agreements.contractId()).documentHash()),
        new SignedBy("192.0.2.9", "test"));
  }

  @Test
  void signingTheContractIssuesTheDepositAndPaymentsSettleItThroughTheLedger() throws Exception {
    signContract();
    String project = world.project().id().toString();
    JsonNode list = body(api(get("/api/v1/projects/" + project + "/invoices"))).get("items");
    assertThat(list).hasSize(1);
    JsonNode deposit = list.get(0);
    String id = deposit.get("id").asString();
    assertThat(deposit.get("number").asString()).matches(Year.now() + "-\\d{4}");
    assertThat(deposit.get("state").asString()).isEqualTo("ISSUED");
    assertThat(deposit.get("total").get("amountMinor").asLong()).isEqualTo(100000);
    assertThat(
            TestMail.awaitMailTo(
                world.contact().email(), "Invoice " + deposit.get("number").asString()))
        .isNotNull();
    api(get(
            "/api/v1/milestones/"
                + body(api(get("/api/v1/projects/" + project + "/milestones")))
                    .get("items")
                    .get(0)
                    .get("id")
                    .asString()))
        .andExpect(jsonPath("$.state").value("INVOICED"));

    api(post("/api/v1/invoices/" + id + "/payments")
            .contentType(MediaType.APPLICATION_JSON)
            .content(
                "{\"amount\":{\"amount\":\"400.00\"},\"receivedOn\":\"2026-11-26\",\"reference\":\"SEPA 1\"}"))
        .andExpect(status().isCreated());
    api(get("/api/v1/invoices/" + id))
        .andExpect(jsonPath("$.state").value("PARTIALLY_PAID"))
        .andExpect(jsonPath("$.open.amountMinor").value(60000));
    api(get("/api/v1/clients/" + world.client().id() + "/receivable"))
        .andExpect(jsonPath("$.amountMinor").value(60000));
    assertThat(TestMail.awaitMailTo(world.contact().email(), "Receipt for invoice")).isNotNull();

    api(post("/api/v1/invoices/" + id + "/payments")
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"amount\":{\"amount\":\"650.00\"},\"receivedOn\":\"2026-11-27\"}"))
        .andExpect(status().isCreated());
    api(get("/api/v1/invoices/" + id)).andExpect(jsonPath("$.state").value("PAID"));
    api(get("/api/v1/clients/" + world.client().id() + "/receivable"))
        .andExpect(jsonPath("$.amountMinor").value(0));
    assertThat(
            jdbc.sql(
                    "select sum(amount_minor) from ledger_posting where workspace_id = ? and account = ?")
                .params(world.owner().workspaceId(), "CLIENT_CREDIT:" + world.client().id())
                .query(Long.class)
                .single())
        .as("the 50.00 overpaid is the client's credit")
        .isEqualTo(-5000L);
    assertThat(
            jdbc.sql("select sum(amount_minor) from ledger_posting where workspace_id = ?")
                .param(world.owner().workspaceId())
                .query(Long.class)
                .single())
        .isZero();
    JsonNode milestones = body(api(get("/api/v1/projects/" + project + "/milestones")));
    assertThat(milestones.get("items").get(0).get("state").asString()).isEqualTo("PAID");
    assertThat(body(api(get("/api/v1/invoices/" + id + "/postings"))))
        .hasSizeGreaterThanOrEqualTo(7);
    api(get("/api/v1/projects/" + project + "/exposure"))
        .andExpect(jsonPath("$.received.amountMinor").value(105000))
        .andExpect(jsonPath("$.exposure.amountMinor").value(-105000))
        .andExpect(jsonPath("$.withinLimit").value(true));
    api(get("/api/v1/evidence/verification")).andExpect(jsonPath("$.valid").value(true));
  }

  @Test
  void theInvoiceAndTheReceiptArePdfsThatSayWhatWasPaidAndWhatRemains() throws Exception {
    signContract();
    JsonNode deposit =
        body(api(get("/api/v1/projects/" + world.project().id() + "/invoices")))
            .get("items")
            .get(0);
    String id = deposit.get("id").asString();
    JsonNode payment =
        body(
            api(
                post("/api/v1/invoices/" + id + "/payments")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        "{\"amount\":{\"amount\":\"250.00\"},\"receivedOn\":\"2026-11-26\",\"reference\":\"SEPA 7\"}")));
    String invoiceText =
        pdfText(api(get("/api/v1/invoices/" + id + "/pdf")).andExpect(status().isOk()));
    assertThat(invoiceText)
        .contains("Invoice " + deposit.get("number").asString())
        .contains(world.client().name())
        .contains("1000.00 EUR")
        .contains("750.00 EUR");
    String receipt =
        pdfText(
            mvc.perform(
                    get("/portal/payments/" + payment.get("id").asString() + "/receipt")
                        .with(authentication(Sessions.of(world.contactActor()))))
                .andExpect(status().isOk()));
    assertThat(receipt)
        .contains("Payment acknowledgement")
        .contains("250.00 EUR")
        .contains("Paid on this invoice so far 250.00 EUR")
        .contains("Still open on this invoice 750.00 EUR")
        .contains("SEPA 7");
    JsonNode second =
        body(
            api(
                post("/api/v1/invoices/" + id + "/payments")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        "{\"amount\":{\"amount\":\"300.00\"},\"receivedOn\":\"2026-11-27\",\"reference\":\"SEPA 8\"}")));
    // a receipt is issued once: a later payment changes the invoice, not what the first receipt
    // says
    assertThat(receiptText(payment.get("id").asString()))
        .contains("Paid on this invoice so far 250.00 EUR")
        .contains("Still open on this invoice 750.00 EUR");
    assertThat(receiptText(second.get("id").asString()))
        .contains("Paid on this invoice so far 550.00 EUR")
        .contains("Still open on this invoice 450.00 EUR");
    String page =
        mvc.perform(
                get("/portal/projects/" + world.project().id() + "/invoices")
                    .with(authentication(Sessions.of(world.contactActor()))))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains(deposit.get("number").asString()).contains("450.00 EUR");
  }

  private String receiptText(String paymentId) throws Exception {
    return pdfText(
        mvc.perform(
                get("/portal/payments/" + paymentId + "/receipt")
                    .with(authentication(Sessions.of(world.contactActor()))))
            .andExpect(status().isOk()));
  }

  @Test
  void aPaymentTheClientReportsCountsOnlyOnceAMemberConfirmsIt() throws Exception {
    signContract();
    String id =
        body(api(get("/api/v1/projects/" + world.project().id() + "/invoices")))
            .get("items")
            .get(0)
            .get("id")
            .asString();
    mvc.perform(
            post("/portal/invoices/" + id + "/reports")
                .with(csrf())
                .with(authentication(Sessions.of(world.contactActor())))
                .param("amount", "100.00")
                .param("paidOn", "2026-11-25")
                .param("reference", "my transfer"))
        .andExpect(status().is3xxRedirection());
    api(get("/api/v1/invoices/" + id)).andExpect(jsonPath("$.state").value("ISSUED"));
    JsonNode reported = body(api(get("/api/v1/invoices/" + id + "/payments"))).get(0);
    assertThat(reported.get("status").asString()).isEqualTo("REPORTED");
    api(get("/api/v1/projects/" + world.project().id() + "/exposure"))
        .andExpect(jsonPath("$.received.amountMinor").value(0));
    String payment = reported.get("id").asString();
    // no receipt acknowledges money nobody confirmed
    String portal =
        mvc.perform(
                get("/portal/projects/" + world.project().id() + "/invoices")
                    .with(authentication(Sessions.of(world.contactActor()))))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(portal)
        .contains("100.00 EUR reported, awaiting confirmation")
        .doesNotContain("/portal/payments/" + payment + "/receipt");
    api(get("/api/v1/payments/" + payment + "/receipt"))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("invoice.no-receipt"));
    mvc.perform(
            get("/portal/payments/" + payment + "/receipt")
                .with(authentication(Sessions.of(world.contactActor()))))
        .andExpect(status().isConflict());
    api(post("/api/v1/payments/" + payment + "/confirm"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("CONFIRMED"));
    api(get("/api/v1/payments/" + payment + "/receipt")).andExpect(status().isOk());
    api(get("/api/v1/invoices/" + id))
        .andExpect(jsonPath("$.state").value("PARTIALLY_PAID"))
        .andExpect(jsonPath("$.open.amountMinor").value(90000));
    api(post("/api/v1/payments/" + payment + "/confirm")).andExpect(status().isConflict());
  }

  @Test
  void voidsAnUnpaidInvoiceReversingItsPostingAndListsReceivablesByClient() throws Exception {
    String id =
        body(api(post("/api/v1/projects/" + world.project().id() + "/invoices")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        "{\"lines\":[{\"description\":\"Extra\",\"unitPrice\":{\"amount\":\"50.00\"}}]}"))
                .andExpect(status().isCreated()))
            .get("id")
            .asString();
    String page =
        mvc.perform(get("/console/invoices").with(authentication(Sessions.of(world.owner()))))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains(world.client().name()).contains("50.00 EUR");
    api(post("/api/v1/invoices/" + id + "/void")).andExpect(jsonPath("$.state").value("VOID"));
    api(get("/api/v1/clients/" + world.client().id() + "/receivable"))
        .andExpect(jsonPath("$.amountMinor").value(0));
    api(get("/api/v1/invoices?state=VOID")).andExpect(jsonPath("$.items[0].id").value(id));
    api(post("/api/v1/invoices/" + id + "/void")).andExpect(status().isConflict());
  }

  @Test
  void writeOffsFeesAndInvoiceTermsPostBalancedTransactions() throws Exception {
    api(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch(
                "/api/v1/settings")
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"invoicePrefix\":\"INV-\",\"paymentTermsDays\":30}"))
        .andExpect(jsonPath("$.invoicePrefix").value("INV-"))
        .andExpect(jsonPath("$.paymentTermsDays").value(30));
    JsonNode invoice =
        body(
            api(
                post("/api/v1/projects/" + world.project().id() + "/invoices")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        "{\"lines\":[{\"description\":\"Hours\",\"unitPrice\":{\"amount\":\"80.00\"}}]}")));
    assertThat(invoice.get("number").asString()).startsWith("INV-" + Year.now() + "-");
    assertThat(java.time.LocalDate.parse(invoice.get("dueOn").asString()))
        .isEqualTo(java.time.LocalDate.parse(invoice.get("issuedOn").asString()).plusDays(30));
    String id = invoice.get("id").asString();
    String payment =
        body(api(
                post("/api/v1/invoices/" + id + "/payments")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"amount\":{\"amount\":\"50.00\"},\"receivedOn\":\"2026-11-26\"}")))
            .get("id")
            .asString();
    api(post("/api/v1/payments/" + payment + "/fees")
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"amount\":{\"amount\":\"1.50\"}}"))
        .andExpect(status().isCreated());
    api(post("/api/v1/invoices/" + id + "/write-off")
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"reason\":\"client gone\"}"))
        .andExpect(jsonPath("$.state").value("WRITTEN_OFF"))
        .andExpect(jsonPath("$.open.amountMinor").value(0));
    api(get("/api/v1/clients/" + world.client().id() + "/receivable"))
        .andExpect(jsonPath("$.amountMinor").value(0));
    assertThat(
            jdbc.sql(
                    "select sum(amount_minor) from ledger_posting where workspace_id = ? and account in ('FEES', 'WRITE_OFF')")
                .param(world.owner().workspaceId())
                .query(Long.class)
                .single())
        .isEqualTo(150L + 3000L);
    assertThat(
            jdbc.sql("select sum(amount_minor) from ledger_posting where workspace_id = ?")
                .param(world.owner().workspaceId())
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void anInvoiceNamesBothBusinessesItsMilestoneWhatPayingUnlocksAndHowToPay() throws Exception {
    settings.update(
        world.owner(),
        new io.tranche.app.workspace.WorkspaceSettings.Change(
            "Studio Nord",
            "Hafenweg 3\n20457 Hamburg",
            "DE123456789",
            null,
            "IBAN DE89 3704 0044 0532 0130 00",
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
    signContract();
    var build = fixtures.submittedArtifact(world);
    fixtures.accept(world, build.milestoneId());
    var invoice =
        invoices
            .invoices(
                world.owner(), world.project().id(), new io.tranche.app.platform.Paging(0, 50))
            .items()
            .stream()
            .filter(i -> build.milestoneId().equals(i.milestoneId()))
            .findFirst()
            .orElseThrow();
    String text =
        pdfText(
            mvc.perform(
                    get("/portal/invoices/" + invoice.id() + "/pdf")
                        .with(authentication(Sessions.of(world.contactActor()))))
                .andExpect(status().isOk()));
    assertThat(text)
        .contains("From To")
        .contains("Studio Nord Hafenweg 3 20457 Hamburg VAT/tax id: DE123456789")
        .contains(world.client().name() + " Rue de la Paix 2 75002 Paris VAT/tax id: FR12345678901")
        .contains("Invoice number " + invoice.number())
        .contains("Issue date " + io.tranche.app.platform.Dates.day(invoice.issuedOn()))
        .contains("Supply date " + io.tranche.app.platform.Dates.day(invoice.issuedOn()))
        .contains("Due date " + io.tranche.app.platform.Dates.day(invoice.dueOn()))
        .contains("Milestone " + world.milestones().get(2).name())
        .contains("Tax rate Net Tax Gross")
        .contains("What paying this invoice unlocks")
        .contains(build.name())
        .contains("Bank transfer to: IBAN DE89 3704 0044 0532 0130 00")
        .contains("Or pay online in the client portal.");
  }

  private void businessDetails(String name, String address, String iban, String clientAddress) {
    settings.update(
        world.owner(),
        new io.tranche.app.workspace.WorkspaceSettings.Change(
            name, address, "DE123456789", null, iban, null, null, null, null, null, null));
    clientDetails.updateClient(
        world.owner(),
        world.client().id(),
        new io.tranche.app.workspace.ClientDetails(null, null, clientAddress, "FR12345678901"));
  }

  private String pdfOf(String path) throws Exception {
    return pdfText(
        mvc.perform(get(path).with(authentication(Sessions.of(world.contactActor()))))
            .andExpect(status().isOk()));
  }

  @Test
  void invoicesGoToTheClientsBillingAddressToo() throws Exception {
    String accounts = "accounts-" + world.tag() + "@client.test";
    clientDetails.updateClient(
        world.owner(),
        world.client().id(),
        new io.tranche.app.workspace.ClientDetails(null, accounts, null, null));
    signContract();
    var mail = io.tranche.app.support.TestMail.awaitMailTo(accounts, "Invoice");
    assertThat(mail.getSubject()).contains("Invoice");
    io.tranche.app.support.TestMail.awaitMailTo(world.contact().email(), "Invoice");
  }

  @Test
  void anIssuedInvoiceAndItsReceiptKeepTheDetailsTheyWereIssuedWith() throws Exception {
    businessDetails("Studio Nord", "Hafenweg 3", "IBAN DE89 3704 0044", "Rue de la Paix 2");
    signContract();
    var deposit =
        invoices
            .invoices(
                world.owner(), world.project().id(), new io.tranche.app.platform.Paging(0, 50))
            .items()
            .get(0);
    java.util.UUID payment = fixtures.payment(world, deposit.id());
    // the business moves and renames itself, the client moves
    businessDetails("Studio Süd", "Bergweg 9", "IBAN DE00 1111 2222", "Avenue Foch 7");

    String invoice = pdfOf("/portal/invoices/" + deposit.id() + "/pdf");
    assertThat(invoice)
        .contains("Studio Nord Hafenweg 3")
        .contains("Rue de la Paix 2")
        .contains("Bank transfer to: IBAN DE89 3704 0044")
        .doesNotContain("Studio Süd")
        .doesNotContain("Avenue Foch")
        .doesNotContain("DE00 1111");
    String receipt = pdfOf("/portal/payments/" + payment + "/receipt");
    assertThat(receipt)
        .contains("Studio Nord Hafenweg 3")
        .contains("Paid by bank transfer · fixture")
        .doesNotContain("Studio Süd");

    // an invoice issued after the change has the new details
    var build = fixtures.submittedArtifact(world);
    fixtures.accept(world, build.milestoneId());
    var later =
        invoices
            .invoices(
                world.owner(), world.project().id(), new io.tranche.app.platform.Paging(0, 50))
            .items()
            .stream()
            .filter(i -> build.milestoneId().equals(i.milestoneId()))
            .findFirst()
            .orElseThrow();
    assertThat(pdfOf("/portal/invoices/" + later.id() + "/pdf"))
        .contains("Studio Süd Bergweg 9")
        .contains("Avenue Foch 7")
        .contains("IBAN DE00 1111 2222");
  }

  private static String pdfText(ResultActions r) throws Exception {
    try (org.apache.pdfbox.pdmodel.PDDocument doc =
        org.apache.pdfbox.Loader.loadPDF(r.andReturn().getResponse().getContentAsByteArray())) {
      return new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
    }
  }

  @Test
  void refusesAPaymentInAnotherCurrencyOrWithoutADateAndPostsNothing() throws Exception {
    signContract();
    String id =
        body(api(get("/api/v1/projects/" + world.project().id() + "/invoices")))
            .get("items")
            .get(0)
            .get("id")
            .asString();
    long before = count();
    api(post("/api/v1/invoices/" + id + "/payments")
            .contentType(MediaType.APPLICATION_JSON)
            .content(
                "{\"amount\":{\"amount\":\"10.00\",\"currency\":\"USD\"},\"receivedOn\":\"2026-11-26\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("payment.currency-mismatch"));
    api(post("/api/v1/invoices/" + id + "/payments")
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"amount\":{\"amount\":\"10.00\"}}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("receivedOn"));
    assertThat(count()).isEqualTo(before);
  }

  @Test
  void fiftyConcurrentIssuesGetFiftyConsecutiveNumbers() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(10);
    List<Callable<String>> issues = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      issues.add(
          () ->
              invoices
                  .issueManual(
                      world.owner(),
                      world.project().id(),
                      List.of(new InvoiceLine("Hours", 1, Money.parse("100.00", "EUR"), 0)))
                  .number());
    }
    Set<String> numbers = new HashSet<>();
    for (Future<String> f : pool.invokeAll(issues)) {
      numbers.add(f.get());
    }
    pool.shutdown();
    Set<String> expected = new HashSet<>();
    for (int i = 1; i <= 50; i++) {
      expected.add(Year.now() + "-" + String.format("%04d", i));
    }
    assertThat(numbers).isEqualTo(expected);
  }

  @Test
  void aClientSeesNoInvoiceOfAnotherProject() throws Exception {
    signContract();
    String id =
        body(api(get("/api/v1/projects/" + world.project().id() + "/invoices")))
            .get("items")
            .get(0)
            .get("id")
            .asString();
    World other = fixtures.world("money-other");
    mvc.perform(get("/api/v1/invoices/" + id).header("Authorization", "Bearer " + other.apiToken()))
        .andExpect(status().isNotFound());
  }

  private long count() {
    return jdbc.sql("select count(*) from ledger_posting where workspace_id = ?")
        .param(world.owner().workspaceId())
        .query(Long.class)
        .single();
  }

  /** The deposit's invoice (the first milestone's) after the contract is signed. */
  private String depositInvoice() throws Exception {
    signContract();
    return body(api(get("/api/v1/projects/" + world.project().id() + "/invoices")))
        .get("items")
        .get(0)
        .get("id")
        .asString();
  }

  private String milestoneState(int index) throws Exception {
    return body(api(get("/api/v1/projects/" + world.project().id() + "/milestones")))
        .get("items")
        .get(index)
        .get("state")
        .asString();
  }

  private long evidence(String type) {
    return jdbc.sql("select count(*) from evidence_entry where workspace_id = ? and type = ?")
        .params(world.owner().workspaceId(), type)
        .query(Long.class)
        .single();
  }

  private ResultActions creditNote(String invoice, String amount) throws Exception {
    return api(
        post("/api/v1/invoices/" + invoice + "/credit-notes")
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"amount\":{\"amount\":\"" + amount + "\"},\"reason\":\"goodwill\"}"));
  }

  @Test
  void aCreditNoteThatSettlesAMilestoneInvoiceAloneMakesItCreditedAndLeavesTheMilestoneUnpaid()
      throws Exception {
    String id = depositInvoice();
    creditNote(id, "1000.00")
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.state").value("CREDITED"))
        .andExpect(jsonPath("$.open.amountMinor").value(0))
        .andExpect(jsonPath("$.paid.amountMinor").value(0));
    assertThat(milestoneState(0)).isEqualTo("INVOICED");
    assertThat(evidence("milestone.record-payment")).isZero();
    assertThat(evidence("credit-note.issued")).isOne();
    api(get("/api/v1/clients/" + world.client().id() + "/receivable"))
        .andExpect(jsonPath("$.amountMinor").value(0));
    api(get("/api/v1/projects/" + world.project().id() + "/exposure"))
        .andExpect(jsonPath("$.received.amountMinor").value(0));

    api(post("/api/v1/invoices/" + id + "/payments")
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"amount\":{\"amount\":\"10.00\"},\"receivedOn\":\"2026-11-27\"}"))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("invoice.illegal-transition"));
    api(post("/api/v1/invoices/" + id + "/void"))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("invoice.illegal-transition"));
    api(post("/api/v1/invoices/" + id + "/write-off")
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"reason\":\"nothing open\"}"))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("invoice.illegal-transition"));
    creditNote(id, "1.00")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("credit-note.too-large"));
    assertThat(milestoneState(0)).isEqualTo("INVOICED");

    String console =
        mvc.perform(
                get("/console/projects/" + world.project().id() + "/invoices")
                    .with(authentication(Sessions.of(world.owner()))))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(console)
        .contains("settled by credit note")
        .doesNotContain(">CREDITED<")
        .contains("settled by credit notes, not paid");
    String all =
        mvc.perform(
                get("/console/invoices")
                    .param("state", "CREDITED")
                    .with(authentication(Sessions.of(world.owner()))))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(all).contains("settled by credit notes, not paid");
    String portal =
        mvc.perform(
                get("/portal/projects/" + world.project().id() + "/invoices")
                    .with(authentication(Sessions.of(world.contactActor()))))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(portal).contains("settled by credit notes, not paid").doesNotContain("Pay now");
    api(get("/api/v1/evidence/verification")).andExpect(jsonPath("$.valid").value(true));
  }

  @Test
  void aPartialCreditNoteAndAPaymentForTheRestMakeTheInvoiceAndItsMilestonePaid() throws Exception {
    String id = depositInvoice();
    creditNote(id, "300.00")
        .andExpect(jsonPath("$.state").value("ISSUED"))
        .andExpect(jsonPath("$.open.amountMinor").value(70000));
    assertThat(milestoneState(0)).isEqualTo("INVOICED");
    api(post("/api/v1/invoices/" + id + "/payments")
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"amount\":{\"amount\":\"700.00\"},\"receivedOn\":\"2026-11-27\"}"))
        .andExpect(status().isCreated());
    api(get("/api/v1/invoices/" + id))
        .andExpect(jsonPath("$.state").value("PAID"))
        .andExpect(jsonPath("$.paid.amountMinor").value(70000))
        .andExpect(jsonPath("$.credited.amountMinor").value(30000));
    assertThat(milestoneState(0)).isEqualTo("PAID");
    assertThat(evidence("milestone.record-payment")).isOne();

    // the other order: the payment first, then a credit note for what is left
    String second =
        invoices
            .issueManual(
                world.owner(),
                world.project().id(),
                List.of(new InvoiceLine("Extra", 1, Money.parse("100.00", "EUR"), 0)))
            .id()
            .toString();
    api(post("/api/v1/invoices/" + second + "/payments")
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"amount\":{\"amount\":\"60.00\"},\"receivedOn\":\"2026-11-27\"}"))
        .andExpect(status().isCreated());
    creditNote(second, "40.00").andExpect(jsonPath("$.state").value("PAID"));
    assertThat(
            jdbc.sql("select sum(amount_minor) from ledger_posting where workspace_id = ?")
                .param(world.owner().workspaceId())
                .query(Long.class)
                .single())
        .isZero();
  }
}
