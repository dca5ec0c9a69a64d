package io.tranche.core.ledger;

import io.tranche.core.error.DomainException;
import io.tranche.core.error.Validation;
import io.tranche.core.money.Money;
import java.time.Instant;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A balanced double-entry transaction: its postings sum to zero in every currency, so it cannot be
 * constructed unbalanced. Corrections are new, reversing transactions; nothing is ever edited.
 *
 * @param kind what happened, e.g. {@code invoice.issued}, {@code payment.received}
 * @param reference the invoice, payment or credit note it belongs to
 */
public record LedgerTransaction(
    UUID id, String kind, UUID reference, Instant at, List<Posting> postings) {
  public LedgerTransaction {
    Validation.required("id", id);
    kind = Validation.text("kind", kind, 40);
    Validation.required("reference", reference);
    Validation.required("at", at);
    postings =
        Validation.required("postings", postings).stream()
            .filter(p -> !p.amount().isZero())
            .toList();
    if (postings.size() < 2) {
      throw new DomainException(LedgerErrors.TOO_FEW_POSTINGS, Map.of());
    }
    Map<Currency, Money> sums = new LinkedHashMap<>();
    for (Posting p : postings) {
      sums.merge(p.amount().currency(), p.amount(), Money::plus);
    }
    for (Money sum : sums.values()) {
      if (!sum.isZero()) {
        throw new DomainException(
            LedgerErrors.UNBALANCED,
            Map.of("currency", sum.currency().getCurrencyCode(), "sum", sum.toDecimalString()));
      }
    }
  }

  /** The transaction that undoes this one. */
  public LedgerTransaction reversal(UUID id, Instant at) {
    return new LedgerTransaction(
        id,
        "reversal",
        this.id,
        at,
        postings.stream().map(p -> new Posting(p.account(), p.amount().negate())).toList());
  }
}
