package io.tranche.app.payment.web;

import io.swagger.v3.oas.annotations.Hidden;
import io.tranche.app.payment.StripeWebhooks;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Stripe's webhook endpoint: public (Stripe cannot sign in), authenticated by the signature over
 * the raw body instead. The body is held to the request body cap before it is read (a larger one is
 * a 413, see {@code RequestBodyLimit}), and parsed only once its signature is verified. A bad
 * signature or a signed body that is not an event is a 400 problem; anything else is acknowledged
 * with 200, including duplicates and parked events, so Stripe does not retry them.
 */
@RestController
@Hidden
class StripeWebhookController {
  private final StripeWebhooks webhooks;

  StripeWebhookController(StripeWebhooks webhooks) {
    this.webhooks = webhooks;
  }

  @PostMapping("/webhooks/stripe")
  Map<String, Object> receive(
      @RequestBody byte[] body,
      @RequestHeader(name = "Stripe-Signature", required = false, defaultValue = "")
          String signature) {
    return Map.of(
        "received",
        true,
        "outcome",
        webhooks.receive(body, signature).name().toLowerCase(java.util.Locale.ROOT));
  }
}
