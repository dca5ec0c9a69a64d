package io.tranche.core.invoice;

/**
 * Where an invoice stands. OVERDUE is not stored: an issued or partially paid invoice whose due
 * date has passed reads as overdue ({@link Invoice#stateAt}). An issued invoice is never edited; a
 * credit note corrects it. WRITTEN_OFF: the vendor gave up on what was open; nothing more is owed,
 * but it was not paid. CREDITED: credit notes alone reduced what it asks for to nothing; nothing is
 * owed, and nothing was paid. See {@link Invoice} for when an invoice is PAID.
 */
public enum InvoiceState {
  DRAFT,
  ISSUED,
  PARTIALLY_PAID,
  PAID,
  OVERDUE,
  WRITTEN_OFF,
  CREDITED,
  VOID;

  /** Whether an invoice in this state still asks for money (payments can settle it). */
  public boolean owesMoney() {
    return this == ISSUED || this == PARTIALLY_PAID || this == OVERDUE;
  }
}
