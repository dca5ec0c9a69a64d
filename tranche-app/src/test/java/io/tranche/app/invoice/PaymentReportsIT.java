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
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Transfers a client reports: they count only once the vendor confirms them, the vendor can say one
 * never arrived, a client cannot report more than is open or pay a settled invoice, and money
 * confirmed for an invoice settled in the meantime is kept as the client's credit.
 */
class PaymentReportsIT extends IntegrationTest {
  @Autowired PaymentService payments;
  private World world;
  private UUID invoice;
  private RequestPostProcessor client;
  private RequestPostProcessor owner;

  @BeforeEach
  void setUp() {
    world = fixtures.world("reports");
    fixtures.signedContract(world);
    invoice =
        jdbc.sql("select id from invoice where workspace_id = ? and project_id = ?")
            .params(world.owner().workspaceId(), world.project().id())
            .query(UUID.class)
            .single();
    client = authentication(Sessions.of(world.contactActor()));
    owner = authentication(Sessions.of(world.owner()));
  }

  private MvcResult report(String amount, String reference) throws Exception {
    return mvc.perform(
            post("/portal/invoices/" + invoice + "/reports")
                .with(csrf())
                .with(client)
                .param("amount", amount)
                .param("paidOn", "2026-11-25")
                .param("reference", reference))
        .andExpect(status().is3xxRedirection())
        .andReturn();
  }

  private MvcResult decide(UUID payment, String what) throws Exception {
    return mvc.perform(post("/console/payments/" + payment + "/" + what).with(csrf()).with(owner))
        .andExpect(status().is3xxRedirection())
        .andReturn();
  }

  private UUID paymentWith(String reference) {
    return jdbc.sql("select id from payment where workspace_id = ? and reference = ?")
        .params(world.owner().workspaceId(), reference)
        .query(UUID.class)
        .single();
  }

  private String statusOf(UUID payment) {
    return jdbc.sql("select status from payment where workspace_id = ? and id = ?")
        .params(world.owner().workspaceId(), payment)
        .query(String.class)
        .single()
        .trim();
  }

  private String invoiceState() {
    return jdbc.sql("select state from invoice where workspace_id = ? and id = ?")
        .params(world.owner().workspaceId(), invoice)
        .query(String.class)
        .single()
        .trim();
  }

  private long payments() {
    return jdbc.sql("select count(*) from payment where workspace_id = ? and invoice_id = ?")
        .params(world.owner().workspaceId(), invoice)
        .query(Long.class)
        .single();
  }

  private String page(String path, RequestPostProcessor who) throws Exception {
    return mvc.perform(get(path).with(who))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  @Test
  void aClientCannotReportMoreThanIsOpenOrNothingAndNothingIsKept() throws Exception {
    MvcResult refused = report("99999.00", "too much");
    String tooMuch = (String) refused.getFlashMap().get("error");
    assertThat(tooMuch)
        .contains("more than is open on this invoice (1000.00 EUR)")
        .contains("tell us in a message");
    // the page after the refusal keeps what was typed and says what is wrong next to the form
    String again =
        mvc.perform(
                get("/portal/projects/" + world.project().id() + "/invoices")
                    .with(client)
                    .requestAttr(
                        org.springframework.web.servlet.DispatcherServlet.INPUT_FLASH_MAP_ATTRIBUTE,
                        refused.getFlashMap()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(again)
        .contains("value=\"99999.00\"")
        .contains("value=\"2026-11-25\"")
        .contains("value=\"too much\"")
        .contains("id=\"report-error\"")
        .contains("aria-describedby=\"report-error\"")
        .contains(">Paid on</label>");
    assertThat(again.replaceAll("\\s+", " "))
        .as("the refusal is next to the amount, the field it is about")
        .containsPattern(
            "name=\"amount\"[^>]*aria-invalid=\"true\"[^>]*aria-describedby=\"report-error\"")
        .containsPattern("name=\"paidOn\"[^>]*aria-invalid=\"false\"");
    // a missing date is said next to the date
    MvcResult noDate =
        mvc.perform(
                post("/portal/invoices/" + invoice + "/reports")
                    .with(csrf())
                    .with(client)
                    .param("amount", "10.00")
                    .param("paidOn", ""))
            .andExpect(status().is3xxRedirection())
            .andReturn();
    String dateMissing =
        mvc.perform(
                get("/portal/projects/" + world.project().id() + "/invoices")
                    .with(client)
                    .requestAttr(
                        org.springframework.web.servlet.DispatcherServlet.INPUT_FLASH_MAP_ATTRIBUTE,
                        noDate.getFlashMap()))
            .andReturn()
            .getResponse()
            .getContentAsString()
            .replaceAll("\\s+", " ");
    assertThat(dateMissing)
        .containsPattern(
            "name=\"paidOn\"[^>]*aria-invalid=\"true\"[^>]*aria-describedby=\"report-error\"")
        .containsPattern("name=\"amount\"[^>]*aria-invalid=\"false\"");
    String zero = (String) report("0", "nothing").getFlashMap().get("error");
    assertThat(zero).isEqualTo("The amount must be more than zero, was 0.00.");
    assertThat(payments()).isZero();
    assertThat(report("1000.00", "all of it").getFlashMap().get("error")).isNull();
    assertThat(payments()).isOne();
    // the page then says the report waits for the vendor, and keeps the form for money sent
    // besides folded away, so the same transfer is not reported twice by mistake
    String after =
        page("/portal/projects/" + world.project().id() + "/invoices", client)
            .replaceAll("\\s+", " ");
    assertThat(after)
        .contains("You told us you paid <strong>1000.00 EUR</strong> on")
        .contains("there is nothing more to do meanwhile")
        .contains("<details class=\"report-another\">")
        .contains("I sent another payment for invoice");
  }

  @Test
  void anAmountNoOneCanReadIsRefusedNextToItsFieldInWordsOnBothSides() throws Exception {
    // the client: the refusal names the amount, not the code's name of its part
    String clientError = (String) report("about 100 €", "typed").getFlashMap().get("error");
    assertThat(clientError)
        .isEqualTo("Write the amount like 1234.50 ('about 100 €' is not an amount).");
    String empty = (String) report("", "typed").getFlashMap().get("error");
    assertThat(empty).isEqualTo("Please fill in the amount.");
    // the vendor records a payment: the same words, next to the amount, with what was typed
    MvcResult refused =
        mvc.perform(
                post("/console/invoices/" + invoice + "/payments")
                    .with(csrf())
                    .with(owner)
                    .param("amount", "1 000 GBP")
                    .param("receivedOn", "2026-11-25")
                    .param("reference", "SEPA 12"))
            .andExpect(status().is3xxRedirection())
            .andReturn();
    assertThat((String) refused.getFlashMap().get("error"))
        .isEqualTo("Write the amount like 1234.50 ('1 000 GBP' is not an amount).");
    String again =
        mvc.perform(
                get("/console/projects/" + world.project().id() + "/invoices")
                    .with(owner)
                    .requestAttr(
                        org.springframework.web.servlet.DispatcherServlet.INPUT_FLASH_MAP_ATTRIBUTE,
                        refused.getFlashMap()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString()
            .replaceAll("\\s+", " ");
    assertThat(again)
        .doesNotContain("amount.amount")
        .doesNotContain("id=\"payment-error\"")
        .contains("money received <span>0.00 EUR</span> · nothing handed over before payment")
        .as("the form the refusal is about stays open")
        .containsPattern("<details class=\"record-payment-form\" open=\"open\">")
        .contains(">Amount received</label>")
        .contains("value=\"1 000 GBP\"")
        .contains("value=\"SEPA 12\"")
        .containsPattern(
            "name=\"amount\"[^>]*value=\"1 000 GBP\"[^>]*aria-invalid=\"true\"[^>]*"
                + "aria-describedby=\"pay-error\"")
        .containsPattern("name=\"receivedOn\"[^>]*aria-invalid=\"false\"")
        .contains("id=\"pay-error\" role=\"alert\">Write the amount like 1234.50");
    assertThat(payments()).isZero();
    // the amount as a German client types it, with its currency's sign, is read
    assertThat(report("1.000,00 €", "typed").getFlashMap().get("error")).isNull();
    assertThat(payments()).isOne();
    // once the invoice is paid its form is gone: a late refusal is said above, not next to it
    assertThat(record("1000.00").getFlashMap().get("error")).isNull();
    MvcResult late = record("10.00");
    assertThat((String) late.getFlashMap().get("error")).isNotBlank();
    assertThat(late.getFlashMap().containsKey("payForm")).isFalse();
    assertThat(
            mvc.perform(
                    get("/console/projects/" + world.project().id() + "/invoices")
                        .with(owner)
                        .requestAttr(
                            org.springframework.web.servlet.DispatcherServlet
                                .INPUT_FLASH_MAP_ATTRIBUTE,
                            late.getFlashMap()))
                .andReturn()
                .getResponse()
                .getContentAsString())
        .contains("id=\"payment-error\"");
  }

  private MvcResult record(String amount) throws Exception {
    return mvc.perform(
            post("/console/invoices/" + invoice + "/payments")
                .with(csrf())
                .with(owner)
                .param("amount", amount)
                .param("receivedOn", "2026-11-25"))
        .andExpect(status().is3xxRedirection())
        .andReturn();
  }

  @Test
  void theVendorCanSayAReportedTransferNeverArrivedAndItCountsForNothing() throws Exception {
    report("400.00", "transfer 1");
    UUID payment = paymentWith("transfer 1");
    // a mistaken report blocks the right one; the refusal says how the client gets out of it
    assertThat((String) report("1000.00", "the real one").getFlashMap().get("error"))
        .contains("You already reported 400.00 EUR")
        .contains("If that report was a mistake, say so in a message");
    String invoices = "/console/projects/" + world.project().id() + "/invoices";
    assertThat(page(invoices, owner))
        .contains("reference: transfer 1")
        .contains("/console/payments/" + payment + "/not-received");
    assertThat(page("/console", owner)).contains("Confirm the transfer of 400.00 EUR");
    String project = "/portal/projects/" + world.project().id();
    assertThat(page(project, client))
        .contains("You told us you paid")
        .contains("<strong>400.00 EUR</strong> on <span>25 Nov 2026</span>")
        .doesNotContain("Paid by transfer already?");

    MvcResult declined = decide(payment, "not-received");
    assertThat((String) declined.getFlashMap().get("saved")).contains("Marked as not received");
    assertThat(statusOf(payment)).isEqualTo("NOT_RECEIVED");
    assertThat(invoiceState()).isEqualTo("ISSUED");
    assertThat(page("/console", owner)).doesNotContain("Confirm the transfer of 400.00 EUR");
    assertThat(page(project, client))
        .doesNotContain("You told us you paid")
        .contains("Paid by transfer already?");
    assertThat(page(invoices, owner))
        .contains("reported, not received")
        .doesNotContain("/console/payments/" + payment + "/confirm");
    assertThat(page("/portal/projects/" + world.project().id() + "/invoices", client))
        .contains("400.00 EUR reported, not received by")
        .doesNotContain("/portal/payments/" + payment + "/receipt");
    assertThat(
            jdbc.sql(
                    "select count(*) from evidence_entry where workspace_id = ? and type ="
                        + " 'payment.not-received' and payload like ?")
                .params(world.owner().workspaceId(), "%" + payment + "%")
                .query(Long.class)
                .single())
        .isOne();

    // decided once: neither a confirmation nor a second refusal changes it, and the page says so
    assertThat((String) decide(payment, "confirm").getFlashMap().get("error"))
        .contains("already decided");
    assertThat((String) decide(payment, "not-received").getFlashMap().get("error"))
        .contains("already decided");
    assertThat(statusOf(payment)).isEqualTo("NOT_RECEIVED");
    mvc.perform(
            post("/api/v1/payments/" + payment + "/not-received")
                .header("Authorization", "Bearer " + world.apiToken()))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("invoice.illegal-transition"));

    // a client cannot decide it for the vendor
    report("100.00", "transfer 2");
    UUID second = paymentWith("transfer 2");
    mvc.perform(post("/console/payments/" + second + "/not-received").with(csrf()).with(client))
        .andExpect(status().isForbidden());
    assertThat(statusOf(second)).isEqualTo("REPORTED");
    mvc.perform(
            post("/api/v1/payments/" + second + "/not-received")
                .header("Authorization", "Bearer " + world.apiToken()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("NOT_RECEIVED"));
  }

  @Test
  void moneyConfirmedForAnInvoiceSettledMeanwhileIsKeptAsCreditAndASettledInvoiceTakesNoReport()
      throws Exception {
    report("1000.00", "first");
    // a second click is not a second payment: what waits counts against what is open
    assertThat((String) report("1000.00", "second").getFlashMap().get("error"))
        .contains("You already reported 1000.00 EUR for this invoice");
    assertThat(payments()).isOne();
    UUID second = paymentWith("first");
    // the vendor records the transfer by hand meanwhile; the invoice is settled
    payments.recordPayment(
        world.owner(),
        invoice,
        io.tranche.core.money.Money.parse("1000.00", "EUR"),
        java.time.LocalDate.now(),
        "bank statement");
    assertThat(invoiceState()).isEqualTo("PAID");

    String invoices = "/console/projects/" + world.project().id() + "/invoices";
    assertThat(page(invoices, owner)).contains("This invoice is already settled");
    assertThat((String) decide(second, "confirm").getFlashMap().get("saved"))
        .contains("kept as the client's credit");
    assertThat(statusOf(second)).isEqualTo("CONFIRMED");
    assertThat(invoiceState()).isEqualTo("PAID");
    assertThat(page("/console", owner)).doesNotContain("Confirm the transfer");

    String refused = (String) report("10.00", "late").getFlashMap().get("error");
    assertThat(refused).contains("has nothing open to pay");
    assertThat(payments()).isEqualTo(2);
    assertThat(
            jdbc.sql(
                    "select count(*) from ledger_posting where workspace_id = ? and account like"
                        + " 'CLIENT_CREDIT%'")
                .param(world.owner().workspaceId())
                .query(Long.class)
                .single())
        .as("the second 1000.00 went to the client's credit")
        .isPositive();
  }
}
