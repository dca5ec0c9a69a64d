package io.tranche.core.ledger;

import io.tranche.core.money.Money;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

/**
 * The postings that money events make, and balances derived from postings (never stored).
 *
 * <p>Design note: the accounts follow the usual small-business chart — receivable per client, cash
 * per channel, revenue, tax payable, client credit, fees, write-off. An invoice debits the client's
 * receivable with the gross and credits revenue (net) and tax payable; a payment debits cash and
 * credits the receivable up to what is open, the rest to the client's credit.
 */
public final class Ledger {
  private Ledger() {}

  /** An invoice was issued: the client owes the gross amount. */
  public static LedgerTransaction invoiceIssued(
      UUID id, UUID invoiceId, Instant at, UUID clientId, Money net, Money tax) {
    return new LedgerTransaction(
        id,
        "invoice.issued",
        invoiceId,
        at,
        List.of(
            Posting.debit(Account.receivable(clientId), net.plus(tax)),
            Posting.credit(Account.REVENUE, net),
            Posting.credit(Account.TAX_PAYABLE, tax)));
  }

  /**
   * A payment arrived on {@code channel}: it settles up to {@code open} of the receivable; any
   * excess becomes the client's credit.
   */
  public static LedgerTransaction paymentReceived(
      UUID id,
      UUID paymentId,
      Instant at,
      UUID clientId,
      String channel,
      Money amount,
      Money open) {
    Money excess = beyondOpen(amount, open);
    Money settled = amount.minus(excess);
    List<Posting> postings = new ArrayList<>();
    postings.add(Posting.debit(Account.cash(channel), amount));
    postings.add(Posting.credit(Account.receivable(clientId), settled));
    postings.add(Posting.credit(Account.clientCredit(clientId), excess));
    return new LedgerTransaction(id, "payment.received", paymentId, at, postings);
  }

  /**
   * Credit the client holds settles part of an invoice: the credit shrinks and so does the
   * receivable; no cash moves. {@code paymentId} is the payment that records it on the invoice.
   */
  public static LedgerTransaction creditApplied(
      UUID id, UUID paymentId, Instant at, UUID clientId, Money amount) {
    return new LedgerTransaction(
        id,
        "credit.applied",
        paymentId,
        at,
        List.of(
            Posting.debit(Account.clientCredit(clientId), amount),
            Posting.credit(Account.receivable(clientId), amount)));
  }

  /**
   * Credit the client held was paid back to them on {@code channel}: the credit and the cash
   * shrink. {@code reference} identifies the pay-back.
   */
  public static LedgerTransaction creditPaidBack(
      UUID id, UUID reference, Instant at, UUID clientId, String channel, Money amount) {
    return new LedgerTransaction(
        id,
        "credit.paid-back",
        reference,
        at,
        List.of(
            Posting.debit(Account.clientCredit(clientId), amount),
            Posting.credit(Account.cash(channel), amount)));
  }

  /** The part of {@code amount} beyond what is {@code open}: it becomes the client's credit. */
  public static Money beyondOpen(Money amount, Money open) {
    Money owed = open.isNegative() ? Money.zero(amount.currency()) : open;
    return amount.compareTo(owed) <= 0 ? Money.zero(amount.currency()) : amount.minus(owed);
  }

  /**
   * How much of a refund takes back the payment's credit rather than reopening its invoice. The
   * part of a payment that became credit ({@code credit}, paid beyond what was open) goes back
   * first: of the payment's refunds so far, the first {@code credit} came out of credit. This
   * refund moves the refunded total from {@code refundedBefore} to {@code refundedSoFar}; the rest
   * of it was paid on the invoice and reopens it.
   */
  public static Money refundFromCredit(Money credit, Money refundedBefore, Money refundedSoFar) {
    return least(refundedSoFar, credit).minus(least(refundedBefore, credit));
  }

  private static Money least(Money a, Money b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  /** A provider kept a fee from a payment. */
  public static LedgerTransaction fee(
      UUID id, UUID paymentId, Instant at, String channel, Money fee) {
    return new LedgerTransaction(
        id,
        "payment.fee",
        paymentId,
        at,
        List.of(Posting.debit(Account.FEES, fee), Posting.credit(Account.cash(channel), fee)));
  }

  /**
   * Money went back to the client. {@code fromCredit} of it is the part of the payment that had
   * become the client's credit (paid beyond what was open): that credit shrinks. The rest is owed
   * again: the receivable grows back.
   */
  public static LedgerTransaction refund(
      UUID id,
      UUID paymentId,
      Instant at,
      UUID clientId,
      String channel,
      Money amount,
      Money fromCredit) {
    if (fromCredit.isNegative() || fromCredit.compareTo(amount) > 0) {
      throw new IllegalArgumentException(
          "a refund of " + amount + " cannot take " + fromCredit + " from credit");
    }
    return new LedgerTransaction(
        id,
        "payment.refunded",
        paymentId,
        at,
        List.of(
            Posting.debit(Account.receivable(clientId), amount.minus(fromCredit)),
            Posting.debit(Account.clientCredit(clientId), fromCredit),
            Posting.credit(Account.cash(channel), amount)));
  }

  /**
   * A credit note reduces what an invoice asked for: revenue, tax and receivable shrink. The
   * transaction references the invoice it corrects, so the invoice's postings include it.
   */
  public static LedgerTransaction creditNote(
      UUID id, UUID invoiceId, Instant at, UUID clientId, Money net, Money tax) {
    return new LedgerTransaction(
        id,
        "credit-note.issued",
        invoiceId,
        at,
        List.of(
            Posting.debit(Account.REVENUE, net),
            Posting.debit(Account.TAX_PAYABLE, tax),
            Posting.credit(Account.receivable(clientId), net.plus(tax))));
  }

  /** A receivable is given up on. */
  public static LedgerTransaction writeOff(
      UUID id, UUID invoiceId, Instant at, UUID clientId, Money amount) {
    return new LedgerTransaction(
        id,
        "invoice.written-off",
        invoiceId,
        at,
        List.of(
            Posting.debit(Account.WRITE_OFF, amount),
            Posting.credit(Account.receivable(clientId), amount)));
  }

  /** The balance of an account in a currency, summed from postings. */
  public static Money balance(
      List<LedgerTransaction> transactions, Account account, Currency currency) {
    Money sum = Money.zero(currency);
    for (LedgerTransaction t : transactions) {
      for (Posting p : t.postings()) {
        if (p.account().equals(account) && p.amount().currency().equals(currency)) {
          sum = sum.plus(p.amount());
        }
      }
    }
    return sum;
  }
}
