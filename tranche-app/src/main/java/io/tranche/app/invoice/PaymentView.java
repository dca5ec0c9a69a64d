package io.tranche.app.invoice;

import io.tranche.app.platform.MoneyJson;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A payment against an invoice. */
public record PaymentView(
    UUID id,
    UUID invoiceId,
    String channel,
    MoneyJson amount,
    String status,
    LocalDate receivedOn,
    @Nullable String reference) {}
