package io.tranche.app.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.tranche.app.invoice.InvoiceService;
import io.tranche.app.invoice.InvoiceView;
import io.tranche.app.support.Fixtures.World;
import io.tranche.app.support.IntegrationTest;
import io.tranche.core.invoice.InvoiceLine;
import io.tranche.core.money.Money;
import io.tranche.core.payment.WebhookSignature;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

/** Stripe webhooks signed with Stripe's real scheme: verified, deduplicated, applied once. */
@ExtendWith(OutputCaptureExtension.class)
class StripeWebhookIT extends IntegrationTest {
  @Autowired InvoiceService invoices;
  @Autowired io.tranche.app.invoice.InvoiceDocuments documents;
  @Autowired org.springframework.transaction.PlatformTransactionManager transactions;
  @Autowired javax.sql.DataSource dataSource;

  @org.springframework.beans.factory.annotation.Autowired
  io.tranche.app.invoice.PaymentService payments;

  private World world;
  private InvoiceView invoice;

  @BeforeEach
  void setUp() {
    world = fixtures.world("stripe");
    invoice =
        invoices.issueManual(
            world.owner(),
            world.project().id(),
            List.of(new InvoiceLine("Deposit", 1, Money.parse("1000.00", "EUR"), 1900)));
  }

  static String checkoutCompleted(
      String eventId, UUID invoice, long amount, String currency, String intent) {
    return """
        {"id":"%s","object":"event","type":"checkout.session.completed","data":{"object":{
          "id":"cs_test_1","object":"checkout.session","payment_status":"paid","amount_total":%d,
          "currency":"%s","payment_intent":"%s","metadata":{"invoice_id":"%s"}}}}"""
        .formatted(eventId, amount, currency, intent, invoice);
  }

  private ResultActions deliver(String body, String secret, Instant at) throws Exception {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return mvc.perform(
        post("/webhooks/stripe")
            .contentType(MediaType.APPLICATION_JSON)
            .header("Stripe-Signature", WebhookSignature.sign(bytes, secret, at))
            .content(bytes));
  }

  private long payments() {
    return jdbc.sql("select count(*) from payment where invoice_id = ?")
        .param(invoice.id())
        .query(Long.class)
        .single();
  }

  /** Delivers over a real HTTP connection to the running server; returns status and body. */
  private HttpResponse<String> deliverOverHttp(HttpClient http, String body) throws Exception {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return http.send(
        HttpRequest.newBuilder(URI.create(baseUrl() + "/webhooks/stripe"))
            .header("Content-Type", "application/json")
            .header(
                "Stripe-Signature", WebhookSignature.sign(bytes, "whsec_current", Instant.now()))
            .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static String intentEvent(String type, UUID invoice, long amount, String intent) {
    String amountField = type.equals("payment_intent.succeeded") ? "amount_received" : "amount";
    return """
        {"id":"evt_%s","type":"%s","data":{"object":{"id":"%s","object":"payment_intent",
         "%s":%d,"currency":"eur","metadata":{"invoice_id":"%s"}}}}"""
        .formatted(UUID.randomUUID(), type, intent, amountField, amount, invoice);
  }

  /** Per currency, the sum of every posting of the world's workspace: zero when balanced. */
  private List<Long> ledgerSums() {
    return jdbc.sql(
            "select sum(amount_minor) from ledger_posting where workspace_id = ? group by currency")
        .param(world.owner().workspaceId())
        .query(Long.class)
        .list();
  }

  private long balance(String account) {
    return jdbc.sql(
            "select coalesce(sum(amount_minor), 0) from ledger_posting where workspace_id = ? and account = ?")
        .params(world.owner().workspaceId(), account)
        .query(Long.class)
        .single();
  }

  private long postings() {
    return jdbc.sql(
            "select count(*) from ledger_transaction where workspace_id = ? and kind = 'payment.received'")
        .param(world.owner().workspaceId())
        .query(Long.class)
        .single();
  }

  @Test
  void aPaidCheckoutPaysTheInvoiceOnceAndAPaymentIntentEventForItAddsNothing() throws Exception {
    String evt = "evt_" + UUID.randomUUID();
    String intent = "pi_" + UUID.randomUUID();
    deliver(
            checkoutCompleted(evt, invoice.id(), 119000, "eur", intent),
            "whsec_current",
            Instant.now())
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.outcome").value("processed"));
    assertThat(invoices.invoice(world.owner(), invoice.id()).state().name()).isEqualTo("PAID");
    deliver(
            checkoutCompleted(evt, invoice.id(), 119000, "eur", intent),
            "whsec_rotated_out",
            Instant.now())
        .andExpect(jsonPath("$.outcome").value("duplicate"));
    String succeeded =
        """
        {"id":"evt_%s","type":"payment_intent.succeeded","data":{"object":{"id":"%s","amount_received":119000,
         "currency":"eur","metadata":{"invoice_id":"%s"}}}}"""
            .formatted(UUID.randomUUID(), intent, invoice.id());
    deliver(succeeded, "whsec_current", Instant.now()).andExpect(status().isOk());
    assertThat(payments()).isOne();
    assertThat(postings()).isOne();

    String refund =
        """
        {"id":"evt_%s","type":"charge.refunded","data":{"object":{"id":"ch_1","payment_intent":"%s",
         "amount_refunded":19000,"currency":"eur"}}}"""
            .formatted(UUID.randomUUID(), intent);
    deliver(refund, "whsec_current", Instant.now())
        .andExpect(jsonPath("$.outcome").value("processed"));
    InvoiceView after = invoices.invoice(world.owner(), invoice.id());
    assertThat(after.state().name()).isEqualTo("PARTIALLY_PAID");
    assertThat(after.open().amountMinor()).isEqualTo(19000);
  }

  @Test
  void refundsAreARunningTotalAndAPaymentRefundedInFullIsRefunded() throws Exception {
    String intent = "pi_" + UUID.randomUUID();
    deliver(
            checkoutCompleted("evt_" + UUID.randomUUID(), invoice.id(), 119000, "eur", intent),
            "whsec_current",
            Instant.now())
        .andExpect(jsonPath("$.outcome").value("processed"));
    refundedSoFar(intent, 19000).andExpect(jsonPath("$.outcome").value("processed"));
    // Stripe's amount_refunded is what was refunded so far: a second report of 19000 adds nothing
    refundedSoFar(intent, 19000).andExpect(jsonPath("$.outcome").value("processed"));
    assertThat(invoices.invoice(world.owner(), invoice.id()).open().amountMinor()).isEqualTo(19000);
    assertThat(paymentStatus(intent)).isEqualTo("CONFIRMED");

    refundedSoFar(intent, 119000).andExpect(jsonPath("$.outcome").value("processed"));
    InvoiceView after = invoices.invoice(world.owner(), invoice.id());
    assertThat(after.state().name()).isEqualTo("ISSUED");
    assertThat(after.open().amountMinor()).isEqualTo(119000);
    assertThat(paymentStatus(intent)).isEqualTo("REFUNDED");
    assertThat(balance("RECEIVABLE:" + world.client().id()))
        .as("refunds booked once each: 190.00, then 1000.00")
        .isEqualTo(119000);
    assertThat(balance("CASH:stripe")).isZero();
    assertThat(ledgerSums()).allMatch(sum -> sum == 0);
    // a late, older report and one beyond the payment change nothing
    refundedSoFar(intent, 50000).andExpect(jsonPath("$.outcome").value("processed"));
    refundedSoFar(intent, 119001).andExpect(jsonPath("$.outcome").value("parked"));
    assertThat(invoices.invoice(world.owner(), invoice.id()).open().amountMinor())
        .isEqualTo(119000);
    assertThat(
            jdbc.sql("select count(*) from ledger_transaction where workspace_id = ? and kind = ?")
                .params(world.owner().workspaceId(), "payment.refunded")
                .query(Long.class)
                .single())
        .isEqualTo(2);
    UUID payment =
        jdbc.sql("select id from payment where provider_ref = ?")
            .param(intent)
            .query(UUID.class)
            .single();
    assertThat(invoices.invoice(world.owner(), invoice.id()).state().name()).isEqualTo("ISSUED");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> documents.receiptPdf(world.owner(), payment))
        .hasMessageContaining("refunded");
  }

  @Test
  void refundingADoublePaymentTakesBackTheCreditAndLeavesTheInvoicePaid() throws Exception {
    // the client starts a card payment, then pays by transfer too; the card payment succeeds last
    String intent = "pi_" + UUID.randomUUID();
    processed(intentEvent("payment_intent.processing", invoice.id(), 119000, intent));
    payments.recordPayment(
        world.owner(), invoice.id(), Money.parse("1190.00", "EUR"), LocalDate.now(), "transfer");
    processed(intentEvent("payment_intent.succeeded", invoice.id(), 119000, intent));
    assertThat(balance("CLIENT_CREDIT:" + world.client().id()))
        .as("the card payment came after the transfer: all of it is credit")
        .isEqualTo(-119000);

    // the vendor refunds the card payment in Stripe, in two parts
    refundedSoFar(intent, 19000).andExpect(jsonPath("$.outcome").value("processed"));
    refundedSoFar(intent, 119000).andExpect(jsonPath("$.outcome").value("processed"));
    InvoiceView after = invoices.invoice(world.owner(), invoice.id());
    assertThat(after.state().name()).as("the transfer still pays the invoice").isEqualTo("PAID");
    assertThat(after.open().amountMinor()).isZero();
    assertThat(after.paid().amountMinor()).isEqualTo(119000);
    assertThat(paymentStatus(intent)).isEqualTo("REFUNDED");
    assertThat(balance("CLIENT_CREDIT:" + world.client().id()))
        .as("the credit went back with the refund")
        .isZero();
    assertThat(balance("RECEIVABLE:" + world.client().id())).isZero();
    assertThat(balance("CASH:stripe")).isZero();
    assertThat(ledgerSums()).containsOnly(0L);
  }

  @Test
  void refundingAPaymentThatOverpaidReopensOnlyWhatItPaidOnTheInvoice() throws Exception {
    payments.recordPayment(
        world.owner(), invoice.id(), Money.parse("400.00", "EUR"), LocalDate.now(), "transfer");
    String intent = "pi_" + UUID.randomUUID();
    processed(intentEvent("payment_intent.succeeded", invoice.id(), 119000, intent));
    InvoiceView paid = invoices.invoice(world.owner(), invoice.id());
    assertThat(paid.state().name()).isEqualTo("PAID");
    assertThat(paid.paid().amountMinor())
        .as("paid on the invoice is what it asked; the 400.00 beyond is credit")
        .isEqualTo(119000);
    assertThat(balance("CLIENT_CREDIT:" + world.client().id())).isEqualTo(-40000);

    refundedSoFar(intent, 119000).andExpect(jsonPath("$.outcome").value("processed"));
    InvoiceView after = invoices.invoice(world.owner(), invoice.id());
    assertThat(after.state().name()).isEqualTo("PARTIALLY_PAID");
    assertThat(after.paid().amountMinor()).as("the transfer").isEqualTo(40000);
    assertThat(after.open().amountMinor()).isEqualTo(79000);
    assertThat(balance("CLIENT_CREDIT:" + world.client().id())).isZero();
    assertThat(balance("RECEIVABLE:" + world.client().id()))
        .as("the ledger owes what the invoice says is open")
        .isEqualTo(79000);
    assertThat(ledgerSums()).containsOnly(0L);
  }

  @Test
  void theMigrationBringsOldOverpaymentsAndTheirRefundsToTheNewRule() throws Exception {
    // (a) transfer 400.00, then card 1190.00: 400.00 of the card payment is credit
    payments.recordPayment(
        world.owner(), invoice.id(), Money.parse("400.00", "EUR"), LocalDate.now(), "transfer");
    processed(intentEvent("payment_intent.succeeded", invoice.id(), 119000, "pi_a" + world.tag()));
    // (b) transfer 500.00, then card 1000.00 on an invoice of 1000.00: 500.00 of the card payment
    // is credit, and 700.00 of it was refunded under the old rule (more than its credit share)
    InvoiceView b = manual("Design", "1000.00");
    payments.recordPayment(
        world.owner(), b.id(), Money.parse("500.00", "EUR"), LocalDate.now(), "transfer");
    String cardB = "pi_b" + world.tag();
    processed(intentEvent("payment_intent.succeeded", b.id(), 100000, cardB));
    // (c) transfer 100.00 and card 100.00 on an invoice of 100.00: the card payment is all credit,
    // refunded in full under the old rule
    InvoiceView c = manual("Hosting", "100.00");
    String cardC = "pi_c" + world.tag();
    processed(intentEvent("payment_intent.processing", c.id(), 10000, cardC));
    payments.recordPayment(
        world.owner(), c.id(), Money.parse("100.00", "EUR"), LocalDate.now(), "transfer");
    processed(intentEvent("payment_intent.succeeded", c.id(), 10000, cardC));
    // (d) card 50.00 paying an invoice of 50.00 exactly, refunded in full under the old rule
    InvoiceView d = manual("Domain", "50.00");
    String cardD = "pi_d" + world.tag();
    processed(intentEvent("payment_intent.succeeded", d.id(), 5000, cardD));
    // (e) transfer 30.00 on an invoice of 100.00, the rest written off; a card payment of 20.00
    // came later (all credit) and was refunded under the old rule, which reopened the invoice
    InvoiceView e = manual("Support", "100.00");
    payments.recordPayment(
        world.owner(), e.id(), Money.parse("30.00", "EUR"), LocalDate.now(), "transfer");
    payments.writeOff(world.owner(), e.id(), "client closed");
    String cardE = "pi_e" + world.tag();
    processed(intentEvent("payment_intent.processing", e.id(), 2000, cardE));
    processed(intentEvent("payment_intent.succeeded", e.id(), 2000, cardE));
    new org.springframework.transaction.support.TransactionTemplate(transactions)
        .executeWithoutResult(
            status -> {
              // what the old rule had stored: the excess counted as paid, refunds all reopening
              setPaid(invoice.id(), 159000, "PAID");
              oldRefund(cardB, 70000);
              setPaid(b.id(), 80000, "PARTIALLY_PAID"); // 500.00 + 1000.00 - 700.00
              oldRefund(cardC, 10000);
              setPaid(c.id(), 0, "ISSUED");
              oldRefund(cardD, 5000);
              setPaid(d.id(), 0, "ISSUED");
              oldRefund(cardE, 2000);
              setPaid(e.id(), 1000, "PARTIALLY_PAID");
              try {
                io.tranche.app.invoice.internal.PaidWithoutExcessMigration.apply(
                    org.springframework.jdbc.datasource.DataSourceUtils.getConnection(dataSource),
                    Instant.now());
              } catch (java.sql.SQLException failed) {
                throw new IllegalStateException(failed);
              }
              assertThat(paidMinor(invoice.id())).isEqualTo(119000);
              assertThat(stateOf(invoice.id())).isEqualTo("PAID");
              assertThat(paidMinor(b.id()))
                  .as("500.00 of the 700.00 refunded was credit; 200.00 is owed again")
                  .isEqualTo(80000);
              assertThat(stateOf(b.id())).isEqualTo("PARTIALLY_PAID");
              assertThat(paidMinor(c.id())).isEqualTo(10000);
              assertThat(stateOf(c.id()))
                  .as("the transfer pays it; only the credit went back")
                  .isEqualTo("PAID");
              assertThat(paidMinor(d.id())).as("no credit share: left as it was").isZero();
              assertThat(stateOf(d.id())).isEqualTo("ISSUED");
              assertThat(paidMinor(e.id())).isEqualTo(3000);
              assertThat(stateOf(e.id())).isEqualTo("WRITTEN_OFF");
              assertThat(balance("RECEIVABLE:" + world.client().id()))
                  .as("owed: 200.00 on (b) and 50.00 on (d), as the invoices say")
                  .isEqualTo(25000);
              assertThat(balance("CLIENT_CREDIT:" + world.client().id()))
                  .as("credit held: the 400.00 of (a)")
                  .isEqualTo(-40000);
              assertThat(
                      jdbc.sql(
                              """
                              select count(*) from (select transaction_id from ledger_posting
                              where workspace_id = ? group by transaction_id
                              having sum(amount_minor) <> 0) unbalanced
                              """)
                          .param(world.owner().workspaceId())
                          .query(Long.class)
                          .single())
                  .as("every transaction balances")
                  .isZero();
              assertThat(
                      jdbc.sql(
                              "select count(*) from ledger_transaction where workspace_id = ?"
                                  + " and kind = 'payment.refund-rebooked'")
                          .param(world.owner().workspaceId())
                          .query(Long.class)
                          .single())
                  .as("one rebooking per refunded payment with a credit share: b, c, e")
                  .isEqualTo(3);
              status.setRollbackOnly();
            });
  }

  @Test
  void flywayRanMigration36AsAJavaMigration() {
    assertThat(
            jdbc.sql(
                    "select type from flyway_schema_history where version = '36' and success = true")
                .query(String.class)
                .list())
        .containsExactly("JDBC");
  }

  private InvoiceView manual(String what, String net) {
    return invoices.issueManual(
        world.owner(),
        world.project().id(),
        List.of(new InvoiceLine(what, 1, Money.parse(net, "EUR"), 0)));
  }

  private void setPaid(UUID invoiceId, long paidMinor, String state) {
    jdbc.sql("update invoice set paid_minor = ?, state = ? where id = ?")
        .params(paidMinor, state, invoiceId)
        .update();
  }

  /** A refund as the old rule booked it: all of it back on the receivable. */
  private void oldRefund(String intent, long minor) {
    UUID payment =
        jdbc.sql("select id from payment where provider_ref = ?")
            .param(intent)
            .query(UUID.class)
            .single();
    jdbc.sql("update payment set refunded_minor = ? where id = ?").params(minor, payment).update();
    UUID t = UUID.randomUUID();
    jdbc.sql(
            "insert into ledger_transaction (id, workspace_id, kind, reference, occurred_at)"
                + " values (?, ?, 'payment.refunded', ?, current_timestamp)")
        .params(t, world.owner().workspaceId(), payment)
        .update();
    String insert =
        "insert into ledger_posting (transaction_id, position_no, workspace_id, account,"
            + " amount_minor, currency) values (?, ?, ?, ?, ?, 'EUR')";
    jdbc.sql(insert)
        .params(t, 0, world.owner().workspaceId(), "RECEIVABLE:" + world.client().id(), minor)
        .update();
    jdbc.sql(insert).params(t, 1, world.owner().workspaceId(), "CASH:stripe", -minor).update();
  }

  private long paidMinor(UUID invoiceId) {
    return jdbc.sql("select paid_minor from invoice where id = ?")
        .param(invoiceId)
        .query(Long.class)
        .single();
  }

  private String stateOf(UUID invoiceId) {
    return jdbc.sql("select state from invoice where id = ?")
        .param(invoiceId)
        .query(String.class)
        .single();
  }

  /** Delivers a signed event that must be processed. */
  private void processed(String event) throws Exception {
    deliver(event, "whsec_current", Instant.now())
        .andExpect(jsonPath("$.outcome").value("processed"));
  }

  private org.springframework.test.web.servlet.ResultActions refundedSoFar(
      String intent, long amountRefunded) throws Exception {
    return deliver(
        """
        {"id":"evt_%s","type":"charge.refunded","data":{"object":{"id":"ch_1","payment_intent":"%s",
         "amount_refunded":%d,"currency":"eur"}}}"""
            .formatted(UUID.randomUUID(), intent, amountRefunded),
        "whsec_current",
        Instant.now());
  }

  private String paymentStatus(String intent) {
    return jdbc.sql("select status from payment where provider_ref = ?")
        .param(intent)
        .query(String.class)
        .single();
  }

  @Test
  void twoHundredConcurrentDeliveriesOfOneEventMakeOnePaymentAndOnePosting() throws Exception {
    String body =
        checkoutCompleted(
            "evt_" + UUID.randomUUID(), invoice.id(), 119000, "eur", "pi_" + UUID.randomUUID());
    ExecutorService pool = Executors.newFixedThreadPool(16);
    List<Callable<Integer>> deliveries = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      deliveries.add(
          () ->
              deliver(body, "whsec_current", Instant.now()).andReturn().getResponse().getStatus());
    }
    for (Future<Integer> f : pool.invokeAll(deliveries)) {
      assertThat(f.get()).isEqualTo(200);
    }
    pool.shutdown();
    assertThat(payments()).isOne();
    assertThat(postings()).isOne();
  }

  @Test
  void refusesBadSignaturesAndStaleOrFutureTimestampsAndPostsNothing() throws Exception {
    String body =
        checkoutCompleted("evt_" + UUID.randomUUID(), invoice.id(), 119000, "eur", "pi_x");
    deliver(body, "whsec_wrong", Instant.now())
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("webhook.bad-signature"));
    deliver(body, "whsec_current", Instant.now().minusSeconds(600))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("webhook.stale-timestamp"));
    deliver(body, "whsec_current", Instant.now().plusSeconds(600))
        .andExpect(jsonPath("$.code").value("webhook.stale-timestamp"));
    mvc.perform(post("/webhooks/stripe").contentType(MediaType.APPLICATION_JSON).content(body))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("webhook.bad-header"));
    assertThat(payments()).isZero();
  }

  @Test
  void parksUnknownInvoicesAndOtherCurrenciesWithALogLine(CapturedOutput output) throws Exception {
    String unknown = "evt_" + UUID.randomUUID();
    deliver(
            checkoutCompleted(unknown, UUID.randomUUID(), 119000, "eur", "pi_" + UUID.randomUUID()),
            "whsec_current",
            Instant.now())
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.outcome").value("parked"));
    String usd = "evt_" + UUID.randomUUID();
    deliver(
            checkoutCompleted(usd, invoice.id(), 119000, "usd", "pi_" + UUID.randomUUID()),
            "whsec_current",
            Instant.now())
        .andExpect(jsonPath("$.outcome").value("parked"));
    String tooMuch = "evt_" + UUID.randomUUID();
    deliver(
            checkoutCompleted(tooMuch, invoice.id(), 999999, "eur", "pi_" + UUID.randomUUID()),
            "whsec_current",
            Instant.now())
        .andExpect(jsonPath("$.outcome").value("parked"));
    assertThat(payments()).isZero();
    assertThat(postings()).isZero();
    assertThat(output.getAll()).contains("exceeds the invoice total");
    assertThat(output.getAll())
        .contains(unknown + " (")
        .contains("parked for review")
        .contains("payment.currency-mismatch");
  }

  @Test
  void twoHundredConcurrentDeliveriesOfDistinctEventsForOnePaymentPostItOnceAndAllAnswer200()
      throws Exception {
    String intent = "pi_" + UUID.randomUUID();
    List<String> bodies = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      bodies.add(
          switch (i % 3) {
            case 0 ->
                checkoutCompleted("evt_" + UUID.randomUUID(), invoice.id(), 119000, "eur", intent);
            case 1 -> intentEvent("payment_intent.succeeded", invoice.id(), 119000, intent);
            default -> intentEvent("payment_intent.processing", invoice.id(), 119000, intent);
          });
    }
    // one thread per delivery, all released at once, so that they overlap on the server
    ExecutorService pool = Executors.newFixedThreadPool(bodies.size());
    CountDownLatch go = new CountDownLatch(1);
    List<Future<HttpResponse<String>>> answers = new ArrayList<>();
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    try {
      for (String body : bodies) {
        answers.add(
            pool.submit(
                () -> {
                  go.await();
                  return deliverOverHttp(http, body);
                }));
      }
      go.countDown();
      for (Future<HttpResponse<String>> answer : answers) {
        HttpResponse<String> response = answer.get();
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("\"processed\"");
      }
    } finally {
      pool.shutdown();
    }
    assertThat(payments()).isOne();
    assertThat(postings()).isOne();
    assertThat(
            jdbc.sql("select status from payment where invoice_id = ?")
                .param(invoice.id())
                .query(String.class)
                .single())
        .isEqualTo("CONFIRMED");
    assertThat(invoices.invoice(world.owner(), invoice.id()).state().name()).isEqualTo("PAID");
    assertThat(ledgerSums()).containsOnly(0L);
    assertThat(
            jdbc.sql(
                    "select count(*) from provider_event where status = 'PROCESSED' and event_id in (:ids)")
                .param("ids", bodies.stream().map(b -> b.substring(7, b.indexOf('"', 7))).toList())
                .query(Long.class)
                .single())
        .isEqualTo(200);
  }

  @Test
  void signedButMalformedPayloadsAreRefusedWith400OrParkedAndNeverAnswer500() throws Exception {
    String longId = "evt_" + "x".repeat(10_000);
    String deep = "[".repeat(100_000) + "]".repeat(100_000);
    String deepInside =
        "{\"id\":\"evt_"
            + UUID.randomUUID()
            + "\",\"type\":\"charge.refunded\",\"data\":"
            + "{\"a\":".repeat(50_000)
            + "1"
            + "}".repeat(50_000)
            + "}";
    Map<String, String> refused =
        Map.of(
            "not json",
            "this is not JSON {",
            "a JSON array",
            "[1,2,3]",
            "a 10,000-character event id",
            intentEvent("payment_intent.succeeded", invoice.id(), 119000, "pi_1")
                .replaceFirst("evt_[0-9a-f-]+", longId),
            "100,000-deep nesting",
            deep,
            "deep nesting inside an event",
            deepInside,
            "an id that is a number",
            "{\"id\":42,\"type\":\"payment_intent.succeeded\"}",
            "no type",
            "{\"id\":\"evt_" + UUID.randomUUID() + "\"}",
            "a NUL character in the event id",
            "{\"id\":\"evt_\\u0000\",\"type\":\"payment_intent.succeeded\"}");
    for (Map.Entry<String, String> body : refused.entrySet()) {
      deliver(body.getValue(), "whsec_current", Instant.now())
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.code").value("webhook.bad-payload"));
    }
    String longIntent = "pi_" + "y".repeat(10_000);
    List<String> parked =
        List.of(
            intentEvent("payment_intent.succeeded", invoice.id(), 119000, longIntent),
            intentEvent("payment_intent.processing", invoice.id(), 119000, longIntent),
            checkoutCompleted("evt_" + UUID.randomUUID(), invoice.id(), 119000, "eur", longIntent),
            intentEvent("payment_intent.succeeded", invoice.id(), 119000, "pi_2")
                .replace("119000", "1" + "0".repeat(400)),
            intentEvent("payment_intent.succeeded", invoice.id(), 119000, "pi_3")
                .replace("119000", "1.5e300"),
            intentEvent("payment_intent.succeeded", invoice.id(), 119000, "pi_4")
                .replace("\"eur\"", "\"" + "E".repeat(5000) + "\""),
            intentEvent("payment_intent.succeeded", invoice.id(), 119000, "pi_5")
                .replace("\"invoice_id\":\"" + invoice.id() + "\"", "\"invoice_id\":{\"a\":1}"),
            intentEvent("payment_intent.succeeded", invoice.id(), 119000, "pi_\\u0000"),
            intentEvent("payment_intent.succeeded", invoice.id(), 119000, "pi_6")
                .replace("\"eur\"", "\"e\\u0000r\""),
            """
            {"id":"evt_%s","type":"charge.refunded","data":"not an object"}"""
                .formatted(UUID.randomUUID()),
            """
            {"id":"evt_%s","type":"charge.dispute.created","data":{"object":{"id":"%s",
             "payment_intent":"%s","amount":100,"currency":"eur"}}}"""
                .formatted(UUID.randomUUID(), "dp_" + "z".repeat(10_000), longIntent));
    for (String body : parked) {
      deliver(body, "whsec_current", Instant.now())
          .andExpect(status().isOk())
          .andExpect(jsonPath("$.outcome").value("parked"));
    }
    assertThat(payments()).isZero();
    assertThat(postings()).isZero();
  }

  @Test
  void aPaymentIdOfTheLongestLengthStripeUsesIsRecordedNot500() throws Exception {
    // Stripe ids are at most 255 characters; the payment's reference column holds them all.
    String intent = "pi_" + "q".repeat(252);
    deliver(
            intentEvent("payment_intent.succeeded", invoice.id(), 119000, intent),
            "whsec_current",
            Instant.now())
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.outcome").value("processed"));
    assertThat(payments()).isOne();
  }

  @Test
  void aProcessingPaymentThatSucceedsAfterTheInvoiceWasPaidByTransferBecomesClientCredit()
      throws Exception {
    String intent = "pi_" + UUID.randomUUID();
    deliver(
            intentEvent("payment_intent.processing", invoice.id(), 119000, intent),
            "whsec_current",
            Instant.now())
        .andExpect(jsonPath("$.outcome").value("processed"));
    payments.recordPayment(
        world.owner(), invoice.id(), Money.parse("1190.00", "EUR"), LocalDate.now(), "transfer");
    assertThat(invoices.invoice(world.owner(), invoice.id()).state().name()).isEqualTo("PAID");

    String succeeded = intentEvent("payment_intent.succeeded", invoice.id(), 119000, intent);
    deliver(succeeded, "whsec_current", Instant.now())
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.outcome").value("processed"));
    deliver(succeeded, "whsec_current", Instant.now())
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.outcome").value("duplicate"));
    deliver(
            intentEvent("payment_intent.succeeded", invoice.id(), 119000, intent),
            "whsec_current",
            Instant.now())
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.outcome").value("processed"));

    assertThat(
            jdbc.sql("select status from payment where provider_ref = ?")
                .param(intent)
                .query(String.class)
                .single())
        .isEqualTo("CONFIRMED");
    InvoiceView after = invoices.invoice(world.owner(), invoice.id());
    assertThat(after.state().name()).isEqualTo("PAID");
    assertThat(after.paid().amountMinor()).isEqualTo(119000);
    // the transfer settled the receivable; the card payment is the client's credit, posted once
    assertThat(postings()).isEqualTo(2);
    assertThat(balance("RECEIVABLE:" + world.client().id())).isZero();
    assertThat(balance("CLIENT_CREDIT:" + world.client().id())).isEqualTo(-119000);
    assertThat(balance("CASH:stripe")).isEqualTo(119000);
    assertThat(ledgerSums()).containsOnly(0L);
  }
}
