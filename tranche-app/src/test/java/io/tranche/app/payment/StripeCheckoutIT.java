package io.tranche.app.payment;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.tranche.app.invoice.InvoiceService;
import io.tranche.app.invoice.InvoiceView;
import io.tranche.app.support.Fixtures.World;
import io.tranche.app.support.IntegrationTest;
import io.tranche.app.support.Sessions;
import io.tranche.app.support.TestStripe;
import io.tranche.core.invoice.InvoiceLine;
import io.tranche.core.money.Money;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The pay button: a Checkout Session through Stripe's official client, against a local stand-in.
 */
class StripeCheckoutIT extends IntegrationTest {
  @Autowired InvoiceService invoices;

  @Test
  void opensACheckoutSessionForWhatIsOpenWithTheInvoiceInItsMetadata() throws Exception {
    World world = fixtures.world("checkout");
    InvoiceView invoice =
        invoices.issueManual(
            world.owner(),
            world.project().id(),
            List.of(new InvoiceLine("Deposit", 1, Money.parse("1000.00", "EUR"), 1900)));
    String location =
        mvc.perform(
                post("/portal/invoices/" + invoice.id() + "/checkout")
                    .with(csrf())
                    .with(authentication(Sessions.of(world.contactActor()))))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    assertThat(location).isEqualTo("https://checkout.stripe.test/c/pay/cs_test_standin");
    TestStripe.server()
        .verify(
            postRequestedFor(urlEqualTo("/v1/checkout/sessions"))
                .withHeader("Authorization", equalTo("Bearer " + TestStripe.SECRET_KEY))
                .withHeader("Idempotency-Key", equalTo("checkout-" + invoice.id() + "-119000"))
                .withRequestBody(
                    containing("metadata[invoice_id]=" + invoice.id())
                        .or(containing("metadata%5Binvoice_id%5D=" + invoice.id())))
                .withRequestBody(containing("119000"))
                .withRequestBody(containing("eur")));
  }

  @Test
  void aProviderFailureChargesNothingAndSaysSo() throws Exception {
    World world = fixtures.world("checkout-fail");
    InvoiceView invoice =
        invoices.issueManual(
            world.owner(),
            world.project().id(),
            List.of(new InvoiceLine("Deposit", 1, Money.parse("10.00", "EUR"), 0)));
    TestStripe.server()
        .stubFor(
            com.github.tomakehurst.wiremock.client.WireMock.post(
                    urlEqualTo("/v1/checkout/sessions"))
                .atPriority(1)
                .withRequestBody(containing(invoice.id().toString()))
                .willReturn(
                    aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                            "{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"No such thing\"}}")));
    var result =
        mvc.perform(
                post("/portal/invoices/" + invoice.id() + "/checkout")
                    .with(csrf())
                    .with(authentication(Sessions.of(world.contactActor()))))
            .andExpect(status().is3xxRedirection())
            .andReturn();
    assertThat(result.getResponse().getRedirectedUrl())
        .endsWith("/portal/projects/" + world.project().id() + "/invoices");
    assertThat(result.getFlashMap().get("error").toString()).contains("nothing was charged");
    assertThat(invoices.invoice(world.owner(), invoice.id()).state().name()).isEqualTo("ISSUED");
  }
}
