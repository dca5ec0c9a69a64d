package io.tranche.app.payment;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.param.checkout.SessionCreateParams;
import io.tranche.app.invoice.InvoiceService;
import io.tranche.app.invoice.InvoiceView;
import io.tranche.app.platform.Actor;
import io.tranche.app.platform.BaseUrl;
import io.tranche.core.error.DomainException;
import io.tranche.core.error.ErrorCode;
import io.tranche.core.error.ErrorKind;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The portal's pay button: a Stripe Checkout Session for what is open on an invoice, created with
 * Stripe's official client. The invoice id travels in the session's and the payment intent's
 * metadata, so the webhook can apply the payment; an idempotency key per invoice and amount means a
 * double click opens one session. Payment counts only when the signed webhook says so.
 */
@Service
public class StripeCheckout {
  private static final Logger log = LoggerFactory.getLogger(StripeCheckout.class);
  public static final ErrorCode NOT_CONFIGURED =
      new ErrorCode(
          "payment.online-unavailable",
          ErrorKind.CONFLICT,
          "online payment is not set up for this workspace; pay by bank transfer");
  public static final ErrorCode PROVIDER_FAILED =
      new ErrorCode(
          "payment.provider-unavailable",
          ErrorKind.CONFLICT,
          "the payment provider could not be reached; nothing was charged; try again or pay by bank transfer");
  public static final ErrorCode NOTHING_OPEN =
      new ErrorCode("payment.nothing-open", ErrorKind.CONFLICT, "nothing is open on this invoice");

  private final InvoiceService invoices;
  private final BaseUrl baseUrl;
  private final @Nullable StripeClient stripe;

  StripeCheckout(
      InvoiceService invoices,
      BaseUrl baseUrl,
      @Value("${tranche.stripe.secret-key:}") String secretKey,
      @Value("${tranche.stripe.api-base}") String apiBase) {
    this.invoices = invoices;
    this.baseUrl = baseUrl;
    this.stripe =
        secretKey.isBlank()
            ? null
            : StripeClient.builder()
                .setApiKey(secretKey)
                .setApiBase(apiBase)
                .setConnectTimeout(5_000)
                .setReadTimeout(15_000)
                .setMaxNetworkRetries(2)
                .build();
  }

  /** Whether the pay button is shown. */
  public boolean enabled() {
    return stripe != null;
  }

  /** The Checkout URL for what is open on an invoice the caller may see. */
  public String checkoutUrl(Actor actor, UUID invoiceId) {
    InvoiceView invoice = invoices.invoice(actor, invoiceId);
    if (stripe == null) {
      throw new DomainException(NOT_CONFIGURED, Map.of());
    }
    long open = invoice.open().amountMinor();
    if (open <= 0) {
      throw new DomainException(NOTHING_OPEN, Map.of());
    }
    String back = baseUrl.get() + "/portal/projects/" + invoice.projectId() + "/invoices";
    SessionCreateParams params =
        SessionCreateParams.builder()
            .setMode(SessionCreateParams.Mode.PAYMENT)
            .setClientReferenceId(invoice.id().toString())
            .putMetadata("invoice_id", invoice.id().toString())
            .setPaymentIntentData(
                SessionCreateParams.PaymentIntentData.builder()
                    .putMetadata("invoice_id", invoice.id().toString())
                    .build())
            .addLineItem(
                SessionCreateParams.LineItem.builder()
                    .setQuantity(1L)
                    .setPriceData(
                        SessionCreateParams.LineItem.PriceData.builder()
                            .setCurrency(invoice.open().currency().toLowerCase(Locale.ROOT))
                            .setUnitAmount(open)
                            .setProductData(
                                SessionCreateParams.LineItem.PriceData.ProductData.builder()
                                    .setName("Invoice " + invoice.number())
                                    .build())
                            .build())
                    .build())
            .setSuccessUrl(back + "?paid")
            .setCancelUrl(back)
            .build();
    try {
      Session session =
          stripe
              .checkout()
              .sessions()
              .create(
                  params,
                  RequestOptions.builder()
                      .setIdempotencyKey("checkout-" + invoice.id() + "-" + open)
                      .build());
      return session.getUrl();
    } catch (StripeException e) {
      log.warn(
          "stripe checkout for invoice {} failed: {} (request id {})",
          invoice.id(),
          e.getClass().getSimpleName(),
          e.getRequestId());
      throw new DomainException(PROVIDER_FAILED, Map.of());
    }
  }
}
