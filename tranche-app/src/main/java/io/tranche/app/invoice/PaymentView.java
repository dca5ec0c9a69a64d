package io.tranche.app.invoice;

import io.tranche.app.platform.MoneyJson;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A payment against an invoice; {@code refunded} is what the provider gave back of it (all of it
 * when the status is REFUNDED).
 */
public record PaymentView(
    UUID id,
    UUID invoiceId,
    String channel,
    MoneyJson amount,
    String status,
    LocalDate receivedOn,
    @Nullable String reference,
    MoneyJson refunded,
    @Nullable String receiptNumber) {

  /** A payment nothing was refunded of yet, with no receipt issued yet. */
  public PaymentView(
      UUID id,
      UUID invoiceId,
      String channel,
      MoneyJson amount,
      String status,
      LocalDate receivedOn,
      @Nullable String reference) {
    this(
        id,
        invoiceId,
        channel,
        amount,
        status,
        receivedOn,
        reference,
        new MoneyJson(0, amount.currency()),
        null);
  }
}
