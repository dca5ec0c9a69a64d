package io.tranche.app.invoice;

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
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Money paid beyond what was asked is the client's credit: both sides see it, its receipt says so,
 * and the vendor uses it on a later invoice, which moves the ledger but no cash.
 */
class ClientCreditIT extends IntegrationTest {
  private World world;
  private UUID deposit;
  private RequestPostProcessor owner;
  private RequestPostProcessor client;

  @BeforeEach
  void setUp() {
    world = fixtures.world("credit-held");
    fixtures.signedContract(world);
    deposit =
        jdbc.sql("select id from invoice where workspace_id = ? and project_id = ?")
            .params(world.owner().workspaceId(), world.project().id())
            .query(UUID.class)
            .single();
    owner = authentication(Sessions.of(world.owner()));
    client = authentication(Sessions.of(world.contactActor()));
  }

  private String page(String path, RequestPostProcessor who) throws Exception {
    return mvc.perform(get(path).with(who))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  private MvcResult consolePost(String path, String... params) throws Exception {
    var request = post(path).with(csrf()).with(owner);
    for (int i = 0; i < params.length; i += 2) {
      request.param(params[i], params[i + 1]);
    }
    return mvc.perform(request).andExpect(status().is3xxRedirection()).andReturn();
  }

  private long creditMinor() {
    return -jdbc.sql(
            "select coalesce(sum(amount_minor), 0) from ledger_posting where workspace_id = ? and account = ?")
        .params(world.owner().workspaceId(), "CLIENT_CREDIT:" + world.client().id())
        .query(Long.class)
        .single();
  }

  private UUID paymentOf(UUID invoice) {
    return jdbc.sql(
            "select id from payment where workspace_id = ? and invoice_id = ? order by created_at desc")
        .params(world.owner().workspaceId(), invoice)
        .query(UUID.class)
        .list()
        .get(0);
  }

  private String pdf(String path, RequestPostProcessor who) throws Exception {
    byte[] bytes =
        mvc.perform(get(path).with(who))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    try (var doc = org.apache.pdfbox.Loader.loadPDF(bytes)) {
      return new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
    }
  }

  private ResultActions api(
      org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder r, String token)
      throws Exception {
    return mvc.perform(r.header("Authorization", "Bearer " + token));
  }

  @Test
  void anOverpaymentIsCreditBothSidesSeeAndTheVendorUsesOnTheNextInvoice() throws Exception {
    consolePost(
        "/console/invoices/" + deposit + "/payments",
        "amount",
        "1050.00",
        "receivedOn",
        LocalDate.now().toString(),
        "reference",
        "SEPA over");
    assertThat(creditMinor()).isEqualTo(5000);
    UUID overpayment = paymentOf(deposit);
    assertThat(TestMail.text(TestMail.awaitMailTo(world.contact().email(), "Receipt for invoice")))
        .contains("50.00 EUR of it was more than the invoice asked for: it is kept as your credit");

    assertThat(page("/console/clients/" + world.client().id(), owner))
        .contains("holds")
        .contains("50.00 EUR")
        .contains("of credit");
    assertThat(page("/portal/projects/" + world.project().id() + "/invoices", client))
        .contains("You have")
        .contains("50.00 EUR")
        .contains("of credit with");
    assertThat(pdf("/portal/payments/" + overpayment + "/receipt", client))
        .as("receipts are numbered in the workspace's own series")
        .containsPattern("Receipt R-\\d{4}-0001")
        .contains("1050.00 EUR")
        .contains("50.00 EUR of this was more than the invoice asked for when it arrived.")
        .contains("'s credit with Studio credit-held");
    assertThat(pdf("/portal/invoices/" + deposit + "/pdf", client))
        .as("a paid invoice no longer asks to be paid")
        .contains("This invoice is paid in full. Thank you.")
        .doesNotContain("How to pay")
        .doesNotContain("sealed until this invoice is paid");
    api(get("/api/v1/invoices/" + deposit + "/payments"), world.apiToken())
        .andExpect(
            jsonPath("$[0].receiptNumber")
                .value(org.hamcrest.Matchers.matchesPattern("R-\\d{4}-0001")));
    api(get("/api/v1/clients/" + world.client().id() + "/credit"), world.apiToken())
        .andExpect(jsonPath("$[0].amountMinor").value(5000))
        .andExpect(jsonPath("$[0].currency").value("EUR"));

    // a later invoice of 10.00: the console offers the credit and uses what is open
    UUID next = fixtures.invoice(world);
    assertThat(page("/console/projects/" + world.project().id() + "/invoices", owner))
        .contains("Pay 10.00 EUR from the client&#39;s credit");
    MvcResult applied = consolePost("/console/invoices/" + next + "/apply-credit");
    assertThat(applied.getFlashMap().get("saved").toString())
        .contains("10.00 EUR of the client's credit paid invoice");
    api(get("/api/v1/invoices/" + next), world.apiToken())
        .andExpect(jsonPath("$.state").value("PAID"))
        .andExpect(jsonPath("$.open.amountMinor").value(0));
    assertThat(creditMinor()).as("40.00 of the credit is left").isEqualTo(4000);
    UUID fromCredit = paymentOf(next);
    assertThat(
            jdbc.sql("select channel from payment where workspace_id = ? and id = ?")
                .params(world.owner().workspaceId(), fromCredit)
                .query(String.class)
                .single()
                .trim())
        .isEqualTo("credit");
    assertThat(pdf("/portal/payments/" + fromCredit + "/receipt", client))
        .containsPattern("Receipt R-\\d{4}-0002")
        .contains("10.00 EUR")
        .contains("applied")
        .contains("of the credit")
        .contains("No new money was received")
        .doesNotContain("acknowledges receipt of")
        .contains("Paid by your credit with");
    String nextNumber =
        jdbc.sql("select number from invoice where workspace_id = ? and id = ?")
            .params(world.owner().workspaceId(), next)
            .query(String.class)
            .single()
            .trim();
    assertThat(
            TestMail.text(
                TestMail.awaitMailTo(world.contact().email(), "Receipt for invoice " + nextNumber)))
        .contains("We applied 10.00 EUR of your credit with us to invoice");
    assertThat(page("/portal/projects/" + world.project().id() + "/invoices", client))
        .contains("10.00 EUR from your credit on")
        .contains("40.00 EUR");

    // no cash moved: the ledger balances, and what the project received is counted once
    assertThat(
            jdbc.sql("select sum(amount_minor) from ledger_posting where workspace_id = ?")
                .param(world.owner().workspaceId())
                .query(Long.class)
                .single())
        .isZero();
    assertThat(
            jdbc.sql(
                    "select sum(amount_minor) from ledger_posting where workspace_id = ? and account = 'CASH:bank'")
                .param(world.owner().workspaceId())
                .query(Long.class)
                .single())
        .isEqualTo(105000);
    api(get("/api/v1/projects/" + world.project().id() + "/exposure"), world.apiToken())
        .andExpect(jsonPath("$.received.amountMinor").value(105000));
    api(get("/api/v1/evidence/verification"), world.apiToken())
        .andExpect(jsonPath("$.valid").value(true));
  }

  @Test
  void creditIsUsedOnlyWhenHeldOnlyForWhatIsOpenAndOnlyInItsOwnWorkspace() throws Exception {
    UUID next = fixtures.invoice(world);
    // no credit yet: refused next to the invoice, nothing posted
    MvcResult refused = consolePost("/console/invoices/" + next + "/apply-credit");
    assertThat(refused.getFlashMap().get("error").toString())
        .contains("holds no credit in EUR to pay invoice");
    api(post("/api/v1/invoices/" + next + "/apply-credit"), world.apiToken())
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("credit.none-held"));
    assertThat(
            jdbc.sql("select count(*) from payment where workspace_id = ? and invoice_id = ?")
                .params(world.owner().workspaceId(), next)
                .query(Long.class)
                .single())
        .isZero();
    assertThat(page("/console/projects/" + world.project().id() + "/invoices", owner))
        .doesNotContain("from the client&#39;s credit")
        .doesNotContain("id=\"client-credit\"");
    assertThat(page("/portal/projects/" + world.project().id() + "/invoices", client))
        .doesNotContain("of credit with");

    // 5.00 of credit pays half of the 10.00 invoice
    consolePost(
        "/console/invoices/" + deposit + "/payments",
        "amount",
        "1005.00",
        "receivedOn",
        LocalDate.now().toString());
    api(post("/api/v1/invoices/" + next + "/apply-credit"), world.apiToken())
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.channel").value("credit"))
        .andExpect(jsonPath("$.amount.amountMinor").value(500));
    api(get("/api/v1/invoices/" + next), world.apiToken())
        .andExpect(jsonPath("$.state").value("PARTIALLY_PAID"))
        .andExpect(jsonPath("$.open.amountMinor").value(500));
    assertThat(creditMinor()).isZero();
    api(get("/api/v1/clients/" + world.client().id() + "/credit"), world.apiToken())
        .andExpect(jsonPath("$.length()").value(0));
    // a settled invoice asks for nothing
    api(post("/api/v1/invoices/" + deposit + "/apply-credit"), world.apiToken())
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("credit.nothing-open"));

    // another workspace sees neither the credit nor the invoice; a client cannot spend credit
    World other = fixtures.world("credit-other");
    api(get("/api/v1/clients/" + world.client().id() + "/credit"), other.apiToken())
        .andExpect(status().isNotFound());
    api(post("/api/v1/invoices/" + next + "/apply-credit"), other.apiToken())
        .andExpect(status().isNotFound());
    mvc.perform(post("/console/invoices/" + next + "/apply-credit").with(csrf()).with(client))
        .andExpect(status().isForbidden());
  }

  @Test
  void creditPaidBackIsRecordedOnceAndNeverMoreThanHeld() throws Exception {
    consolePost(
        "/console/invoices/" + deposit + "/payments",
        "amount",
        "1050.00",
        "receivedOn",
        LocalDate.now().toString());
    String client = "/console/clients/" + world.client().id();
    assertThat(page(client, owner)).contains("Record credit paid back").contains("value=\"50.00\"");
    // more than held: refused next to the amount, what was typed kept, nothing posted
    String refused =
        mvc.perform(
                post(client + "/credit/paid-back")
                    .with(csrf())
                    .with(owner)
                    .param("amount", "60.00")
                    .param("paidOn", LocalDate.now().toString())
                    .param("reference", "refund 1"))
            .andExpect(status().isBadRequest())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(refused)
        .contains("The amount is more than the credit the client holds (50.00 EUR)")
        .contains("value=\"60.00\"")
        .contains("value=\"refund 1\"");
    assertThat(creditMinor()).isEqualTo(5000);
    MvcResult done =
        consolePost(
            client + "/credit/paid-back",
            "amount",
            "50.00",
            "paidOn",
            LocalDate.now().toString(),
            "reference",
            "refund 1");
    assertThat(done.getFlashMap().get("saved").toString())
        .contains("50.00 EUR of the client's credit recorded as paid back");
    assertThat(creditMinor()).isZero();
    assertThat(page(client, owner)).doesNotContain("Record credit paid back");
    assertThat(
            jdbc.sql(
                    "select sum(amount_minor) from ledger_posting where workspace_id = ? and account = 'CASH:bank'")
                .param(world.owner().workspaceId())
                .query(Long.class)
                .single())
        .as("1050.00 came in, 50.00 went back")
        .isEqualTo(100000);
    assertThat(
            jdbc.sql(
                    "select count(*) from evidence_entry where workspace_id = ? and type = 'credit.paid-back'")
                .param(world.owner().workspaceId())
                .query(Long.class)
                .single())
        .isOne();
    // nothing is left to pay back, by the API either; another workspace cannot touch it
    api(
            post("/api/v1/clients/" + world.client().id() + "/credit/paid-back")
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .content(
                    "{\"amount\":{\"amount\":\"1.00\"},\"paidOn\":\"" + LocalDate.now() + "\"}"),
            world.apiToken())
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("credit.more-than-held"));
    World other = fixtures.world("credit-back-other");
    api(
            post("/api/v1/clients/" + world.client().id() + "/credit/paid-back")
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .content(
                    "{\"amount\":{\"amount\":\"1.00\"},\"paidOn\":\"" + LocalDate.now() + "\"}"),
            other.apiToken())
        .andExpect(status().isNotFound());
  }
}
