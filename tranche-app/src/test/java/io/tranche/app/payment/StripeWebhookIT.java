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
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
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
}
