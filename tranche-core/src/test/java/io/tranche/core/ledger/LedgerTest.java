package io.tranche.core.ledger;

import static io.tranche.core.DomainAssertions.assertCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tranche.core.money.Money;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LedgerTest {
  static final Instant T = Instant.parse("2026-11-26T00:00:00Z");

  @Test
  void refusesAnUnbalancedTransaction() {
    assertCode(
        () ->
            new LedgerTransaction(
                UUID.randomUUID(),
                "bad",
                UUID.randomUUID(),
                T,
                List.of(
                    Posting.debit(Account.REVENUE, Money.of(100, "EUR")),
                    Posting.credit(Account.FEES, Money.of(99, "EUR")))),
        "ledger.unbalanced");
    assertCode(
        () ->
            new LedgerTransaction(
                UUID.randomUUID(),
                "bad",
                UUID.randomUUID(),
                T,
                List.of(
                    Posting.debit(Account.REVENUE, Money.of(100, "EUR")),
                    Posting.credit(Account.FEES, Money.of(100, "USD")))),
        "ledger.unbalanced");
    assertCode(
        () ->
            new LedgerTransaction(
                UUID.randomUUID(),
                "bad",
                UUID.randomUUID(),
                T,
                List.of(Posting.debit(Account.REVENUE, Money.of(0, "EUR")))),
        "ledger.too-few-postings");
  }

  @Test
  void aRefundTakesBackThePaymentsCreditFirst() {
    // a payment of 1190.00 that settled 990.00 and left 200.00 of credit
    Money credit = eur("200.00");

    // refunded in full at once: the credit, and 990.00 off the invoice
    assertThat(Ledger.refundFromCredit(credit, eur("0.00"), eur("1190.00"))).isEqualTo(credit);
    // in steps: 150.00, then 150.00 more, then the rest
    assertThat(Ledger.refundFromCredit(credit, eur("0.00"), eur("150.00")))
        .isEqualTo(eur("150.00"));
    assertThat(Ledger.refundFromCredit(credit, eur("150.00"), eur("300.00")))
        .isEqualTo(eur("50.00"));
    assertThat(Ledger.refundFromCredit(credit, eur("300.00"), eur("1190.00")))
        .isEqualTo(eur("0.00"));
    // a payment that left no credit reopens its invoice by the whole refund
    assertThat(Ledger.refundFromCredit(eur("0.00"), eur("0.00"), eur("400.00")))
        .isEqualTo(eur("0.00"));
  }

  private static Money eur(String amount) {
    return Money.parse(amount, "EUR");
  }

  @Test
  void anOverpaymentBecomesClientCredit() {
    UUID client = UUID.randomUUID();
    LedgerTransaction t =
        Ledger.paymentReceived(
            UUID.randomUUID(),
            UUID.randomUUID(),
            T,
            client,
            "bank",
            Money.of(150, "EUR"),
            Money.of(100, "EUR"));
    assertThat(Ledger.balance(List.of(t), Account.receivable(client), Money.currency("EUR")))
        .isEqualTo(Money.of(-100, "EUR"));
    assertThat(Ledger.balance(List.of(t), Account.clientCredit(client), Money.currency("EUR")))
        .isEqualTo(Money.of(-50, "EUR"));
  }

  @Test
  void appliedCreditSettlesAReceivableWithoutCash() {
    UUID client = UUID.randomUUID();
    Money eur = Money.of(0, "EUR");
    LedgerTransaction first =
        Ledger.invoiceIssued(
            UUID.randomUUID(), UUID.randomUUID(), T, client, Money.of(100, "EUR"), eur);
    LedgerTransaction overpaid =
        Ledger.paymentReceived(
            UUID.randomUUID(),
            UUID.randomUUID(),
            T,
            client,
            "bank",
            Money.of(150, "EUR"),
            Money.of(100, "EUR"));
    LedgerTransaction next =
        Ledger.invoiceIssued(
            UUID.randomUUID(), UUID.randomUUID(), T, client, Money.of(80, "EUR"), eur);
    LedgerTransaction applied =
        Ledger.creditApplied(UUID.randomUUID(), UUID.randomUUID(), T, client, Money.of(50, "EUR"));
    List<LedgerTransaction> all = List.of(first, overpaid, next, applied);
    assertThat(applied.kind()).isEqualTo("credit.applied");
    assertThat(Ledger.balance(all, Account.clientCredit(client), Money.currency("EUR")))
        .as("the credit is used up")
        .isEqualTo(eur);
    assertThat(Ledger.balance(all, Account.receivable(client), Money.currency("EUR")))
        .as("0.30 of the second invoice is still owed")
        .isEqualTo(Money.of(30, "EUR"));
    assertThat(Ledger.balance(all, Account.cash("bank"), Money.currency("EUR")))
        .as("only the transfer moved cash")
        .isEqualTo(Money.of(150, "EUR"));
  }

  @Test
  void creditPaidBackLeavesTheCashAndTheCredit() {
    UUID client = UUID.randomUUID();
    LedgerTransaction overpaid =
        Ledger.paymentReceived(
            UUID.randomUUID(),
            UUID.randomUUID(),
            T,
            client,
            "bank",
            Money.of(150, "EUR"),
            Money.of(100, "EUR"));
    LedgerTransaction back =
        Ledger.creditPaidBack(
            UUID.randomUUID(), UUID.randomUUID(), T, client, "bank", Money.of(50, "EUR"));
    List<LedgerTransaction> all = List.of(overpaid, back);
    assertThat(Ledger.balance(all, Account.clientCredit(client), Money.currency("EUR")))
        .isEqualTo(Money.of(0, "EUR"));
    assertThat(Ledger.balance(all, Account.cash("bank"), Money.currency("EUR")))
        .isEqualTo(Money.of(100, "EUR"));
  }

  @Test
  void aRefundOfAnOverpaymentTakesItsExcessFromTheCreditAndReopensOnlyTheRest() {
    UUID client = UUID.randomUUID();
    Money none = Money.of(0, "EUR");
    LedgerTransaction issued =
        Ledger.invoiceIssued(
            UUID.randomUUID(), UUID.randomUUID(), T, client, Money.of(100, "EUR"), none);
    UUID payment = UUID.randomUUID();
    LedgerTransaction overpaid =
        Ledger.paymentReceived(
            UUID.randomUUID(),
            payment,
            T,
            client,
            "card",
            Money.of(150, "EUR"),
            Money.of(100, "EUR"));
    LedgerTransaction refunded =
        Ledger.refund(
            UUID.randomUUID(),
            payment,
            T,
            client,
            "card",
            Money.of(150, "EUR"),
            Money.of(50, "EUR"));
    List<LedgerTransaction> all = List.of(issued, overpaid, refunded);
    assertThat(Ledger.balance(all, Account.clientCredit(client), Money.currency("EUR")))
        .as("the excess went back: no credit is left")
        .isEqualTo(none);
    assertThat(Ledger.balance(all, Account.receivable(client), Money.currency("EUR")))
        .as("the invoice is owed again, not more")
        .isEqualTo(Money.of(100, "EUR"));
    assertThat(Ledger.balance(all, Account.cash("card"), Money.currency("EUR"))).isEqualTo(none);
    assertThatThrownBy(
            () ->
                Ledger.refund(
                    UUID.randomUUID(),
                    payment,
                    T,
                    client,
                    "card",
                    Money.of(10, "EUR"),
                    Money.of(11, "EUR")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aReversalUndoesATransaction() {
    UUID client = UUID.randomUUID();
    LedgerTransaction issued =
        Ledger.invoiceIssued(
            UUID.randomUUID(),
            UUID.randomUUID(),
            T,
            client,
            Money.of(100, "EUR"),
            Money.of(19, "EUR"));
    LedgerTransaction undone = issued.reversal(UUID.randomUUID(), T);
    assertThat(
            Ledger.balance(
                    List.of(issued, undone), Account.receivable(client), Money.currency("EUR"))
                .isZero())
        .isTrue();
    assertThat(Account.parse(Account.receivable(client).key()))
        .isEqualTo(Account.receivable(client));
  }
}
