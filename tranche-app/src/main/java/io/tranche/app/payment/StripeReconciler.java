package io.tranche.app.payment;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import io.tranche.app.invoice.InvoiceService;
import io.tranche.app.invoice.UnknownPayment;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Resolves payments of unknown outcome against Stripe: asks for each due payment intent's status;
 * succeeded → posted, canceled or failed → FAILED, anything else (or no answer) → checked again
 * later, backing off. A payment never counts as paid on anything but Stripe's word.
 */
@Component
public class StripeReconciler {
  private static final Logger log = LoggerFactory.getLogger(StripeReconciler.class);

  private final InvoiceService invoices;
  private final io.tranche.app.invoice.ProviderPayments providerPayments;
  private final @Nullable StripeClient stripe;

  StripeReconciler(
      InvoiceService invoices,
      io.tranche.app.invoice.ProviderPayments providerPayments,
      @Value("${tranche.stripe.secret-key:}") String secretKey,
      @Value("${tranche.stripe.api-base}") String apiBase) {
    this.invoices = invoices;
    this.providerPayments = providerPayments;
    this.stripe =
        secretKey.isBlank()
            ? null
            : StripeClient.builder()
                .setApiKey(secretKey)
                .setApiBase(apiBase)
                .setReadTimeout(15_000)
                .build();
  }

  /** One pass over the due payments; returns how many were resolved. */
  @Scheduled(fixedDelayString = "${tranche.stripe.reconcile-interval:60s}")
  public int reconcile() {
    if (stripe == null) {
      return 0;
    }
    int resolved = 0;
    for (UnknownPayment due : providerPayments.dueChecks(StripeWebhooks.CHANNEL, 100)) {
      try {
        PaymentIntent intent = stripe.paymentIntents().retrieve(due.providerRef());
        String status = intent.getStatus();
        if ("succeeded".equals(status)) {
          providerPayments.resolveUnknown(
              due.workspaceId(), due.id(), true, "reconciled: succeeded");
          resolved++;
        } else if ("canceled".equals(status) || "requires_payment_method".equals(status)) {
          providerPayments.resolveUnknown(
              due.workspaceId(), due.id(), false, "reconciled: " + status);
          resolved++;
        } else {
          providerPayments.checkLater(due.workspaceId(), due.id(), due.attempts());
        }
      } catch (StripeException | RuntimeException e) {
        log.warn("payment {} still unknown: {}", due.id(), e.getClass().getSimpleName());
        providerPayments.checkLater(due.workspaceId(), due.id(), due.attempts());
      }
    }
    return resolved;
  }
}
