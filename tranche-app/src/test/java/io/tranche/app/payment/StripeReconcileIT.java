package io.tranche.app.payment;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.tranche.app.invoice.InvoiceService;
import io.tranche.app.invoice.InvoiceView;
import io.tranche.app.support.Fixtures.World;
import io.tranche.app.support.IntegrationTest;
import io.tranche.app.support.TestStripe;
import io.tranche.core.invoice.InvoiceLine;
import io.tranche.core.money.Money;
import io.tranche.core.payment.WebhookSignature;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/** A payment whose outcome is unknown stays UNKNOWN, never PAID, until Stripe says otherwise. */
class StripeReconcileIT extends IntegrationTest {
  @Autowired InvoiceService invoices;

  @org.springframework.beans.factory.annotation.Autowired
  io.tranche.app.invoice.PaymentService payments;

  @Autowired io.tranche.app.invoice.ExposureService exposures;
  @Autowired StripeReconciler reconciler;
  private World world;
  private InvoiceView invoice;
  private String intent;

  @BeforeEach
  void setUp() throws Exception {
    world = fixtures.world("reconcile");
    invoice =
        invoices.issueManual(
            world.owner(),
            world.project().id(),
            List.of(new InvoiceLine("Deposit", 1, Money.parse("500.00", "EUR"), 0)));
    intent = "pi_" + UUID.randomUUID().toString().replace("-", "");
    String body =
        """
        {"id":"evt_%s","type":"checkout.session.completed","data":{"object":{"payment_status":"unpaid",
         "amount_total":50000,"currency":"eur","payment_intent":"%s","metadata":{"invoice_id":"%s"}}}}"""
            .formatted(UUID.randomUUID(), intent, invoice.id());
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    mvc.perform(
            post("/webhooks/stripe")
                .contentType(MediaType.APPLICATION_JSON)
                .header(
                    "Stripe-Signature",
                    WebhookSignature.sign(bytes, "whsec_current", Instant.now()))
                .content(bytes))
        .andExpect(status().isOk());
  }

  private String paymentStatus() {
    return jdbc.sql("select status from payment where provider_ref = ?")
        .param(intent)
        .query(String.class)
        .single();
  }

  private void due() {
    jdbc.sql("update payment set next_check_at = ? where provider_ref = ?")
        .params(java.sql.Timestamp.from(Instant.now().minusSeconds(1)), intent)
        .update();
  }

  private void stripeSays(int httpStatus, String status) {
    TestStripe.server()
        .stubFor(
            get(urlEqualTo("/v1/payment_intents/" + intent))
                .willReturn(
                    aResponse()
                        .withStatus(httpStatus)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                            httpStatus == 200
                                ? "{\"id\":\""
                                    + intent
                                    + "\",\"object\":\"payment_intent\",\"status\":\""
                                    + status
                                    + "\",\"amount\":50000,\"amount_received\":50000,\"currency\":\"eur\"}"
                                : "{\"error\":{\"type\":\"api_error\",\"message\":\"down\"}}")));
  }

  @Test
  void staysUnknownAndUnpaidUntilTheReconcilerHearsItSucceeded() {
    assertThat(paymentStatus()).isEqualTo("UNKNOWN");
    assertThat(invoices.invoice(world.owner(), invoice.id()).state().name()).isEqualTo("ISSUED");
    assertThat(exposures.exposure(world.owner(), world.project().id()).received().amountMinor())
        .isZero();

    stripeSays(200, "processing");
    due();
    reconciler.reconcile();
    assertThat(paymentStatus()).isEqualTo("UNKNOWN");
    assertThat(
            jdbc.sql("select check_attempts from payment where provider_ref = ?")
                .param(intent)
                .query(Integer.class)
                .single())
        .isEqualTo(1);

    stripeSays(200, "succeeded");
    due();
    reconciler.reconcile();
    assertThat(paymentStatus()).isEqualTo("CONFIRMED");
    assertThat(invoices.invoice(world.owner(), invoice.id()).state().name()).isEqualTo("PAID");
  }

  @Test
  void aCanceledIntentFailsAndPostsNothingAndAnOutageChangesNothing() {
    stripeSays(500, "");
    due();
    reconciler.reconcile();
    assertThat(paymentStatus()).isEqualTo("UNKNOWN");
    stripeSays(200, "canceled");
    due();
    reconciler.reconcile();
    assertThat(paymentStatus()).isEqualTo("FAILED");
    assertThat(invoices.invoice(world.owner(), invoice.id()).state().name()).isEqualTo("ISSUED");
    assertThat(
            jdbc.sql(
                    "select count(*) from ledger_transaction where workspace_id = ? and kind = 'payment.received'")
                .param(world.owner().workspaceId())
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void aPaymentThatSucceedsAfterTheInvoiceWasPaidByTransferBecomesClientCreditOnce() {
    payments.recordPayment(
        world.owner(),
        invoice.id(),
        Money.parse("500.00", "EUR"),
        java.time.LocalDate.now(),
        "transfer");
    stripeSays(200, "succeeded");
    due();
    assertThat(reconciler.reconcile()).isOne();
    assertThat(paymentStatus()).isEqualTo("CONFIRMED");
    assertThat(invoices.invoice(world.owner(), invoice.id()).state().name()).isEqualTo("PAID");
    due();
    assertThat(reconciler.reconcile()).isZero();
    assertThat(
            jdbc.sql(
                    "select coalesce(sum(amount_minor), 0) from ledger_posting where workspace_id = ? and account = ?")
                .params(world.owner().workspaceId(), "CLIENT_CREDIT:" + world.client().id())
                .query(Long.class)
                .single())
        .isEqualTo(-50000);
    assertThat(
            jdbc.sql(
                    "select sum(amount_minor) from ledger_posting where workspace_id = ? group by currency")
                .param(world.owner().workspaceId())
                .query(Long.class)
                .list())
        .containsOnly(0L);
  }
}
