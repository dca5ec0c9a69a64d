package io.tranche.app.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * A local HTTP stand-in for Stripe's API (WireMock), shared by the test JVM, answering as Stripe's
 * documented API does for the calls Tranche makes. Tests add their own stubs and verify requests.
 */
public final class TestStripe {
  public static final String SECRET_KEY = "sk_test_tranche";
  private static WireMockServer server;

  private TestStripe() {}

  public static synchronized WireMockServer server() {
    if (server == null) {
      server = new WireMockServer(options().dynamicPort());
      server.start();
      server.stubFor(
          post(urlEqualTo("/v1/checkout/sessions"))
              .atPriority(10)
              .willReturn(
                  aResponse()
                      .withStatus(200)
                      .withHeader("Content-Type", "application/json")
                      .withHeader("Request-Id", "req_standin")
                      .withBody(
                          """
                          {"id":"cs_test_standin","object":"checkout.session","mode":"payment",
                           "payment_status":"unpaid","status":"open","livemode":false,
                           "url":"https://checkout.stripe.test/c/pay/cs_test_standin"}""")));
    }
    return server;
  }

  public static String baseUrl() {
    return server().baseUrl();
  }
}
