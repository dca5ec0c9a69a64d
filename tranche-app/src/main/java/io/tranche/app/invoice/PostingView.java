package io.tranche.app.invoice;

import io.tranche.app.platform.MoneyJson;
import java.time.Instant;
import java.util.UUID;

/** One posting of a ledger transaction: debit positive, credit negative. */
public record PostingView(
    UUID transactionId, String kind, Instant at, String account, MoneyJson amount) {}
