package io.tranche.core.contract;

import io.tranche.core.error.DomainException;
import io.tranche.core.error.Validation;
import io.tranche.core.money.Money;
import io.tranche.core.money.MoneyErrors;
import java.util.Map;

/**
 * The terms a quote carries into the contract.
 *
 * @param reviewDays days the client has to accept delivered work before it counts as accepted
 * @param modificationDays days after release in which minor changes are free
 * @param creditLimit value that may be handed over beyond what was paid
 * @param earlyCiphertextDownload whether the client may download sealed deliverables (and their
 *     receipts) before paying, to check them in advance; the key still comes only with payment
 */
public record QuoteTerms(
    int reviewDays, int modificationDays, Money creditLimit, boolean earlyCiphertextDownload) {
  public static final int DEFAULT_REVIEW_DAYS = 7;
  public static final int DEFAULT_MODIFICATION_DAYS = 7;

  /** Terms with early ciphertext download allowed (the default). */
  public QuoteTerms(int reviewDays, int modificationDays, Money creditLimit) {
    this(reviewDays, modificationDays, creditLimit, true);
  }

  public QuoteTerms {
    Validation.range("terms.reviewDays", reviewDays, 1, 365);
    Validation.range("terms.modificationDays", modificationDays, 0, 365);
    Validation.required("terms.creditLimit", creditLimit);
    if (creditLimit.isNegative()) {
      throw DomainException.field(
          MoneyErrors.NEGATIVE,
          "terms.creditLimit",
          Map.of("value", creditLimit.toDecimalString()));
    }
  }
}
