package io.tranche.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.tranche.core.money.Money;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

class LedgerProperties {
  static final Currency EUR = Currency.getInstance("EUR");
  static final Instant T = Instant.parse("2026-11-26T00:00:00Z");
  static final List<UUID> CLIENTS =
      List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());

  /** One money event: issue an invoice, pay one, credit-note one, refund, fee or write-off. */
  record Op(int kind, int client, int invoice, long amount, long tax) {}

  @Provide
  Arbitrary<Op> ops() {
    return Combinators.combine(
            Arbitraries.integers().between(0, 5),
            Arbitraries.integers().between(0, CLIENTS.size() - 1),
            Arbitraries.integers().between(0, 20),
            Arbitraries.longs().between(1, 1_000_000),
            Arbitraries.longs().between(0, 200_000))
        .as(Op::new);
  }

  @Property(tries = 500)
  void everyTransactionBalancesAndReceivablesEqualOpenInvoices(
      @ForAll @Size(max = 60) List<@From("ops") Op> ops) {
    List<LedgerTransaction> ledger = new ArrayList<>();
    List<UUID> invoiceClient = new ArrayList<>();
    List<Money> open = new ArrayList<>();
    Map<UUID, Money> credit = new HashMap<>();
    for (Op op : ops) {
      UUID client = CLIENTS.get(op.client());
      switch (op.kind()) {
        case 0 -> {
          Money net = new Money(op.amount(), EUR);
          Money tax = new Money(op.tax(), EUR);
          ledger.add(
              Ledger.invoiceIssued(UUID.randomUUID(), UUID.randomUUID(), T, client, net, tax));
          invoiceClient.add(client);
          open.add(net.plus(tax));
        }
        case 1, 2 -> {
          if (invoiceClient.isEmpty()) {
            continue;
          }
          int i = op.invoice() % invoiceClient.size();
          UUID owner = invoiceClient.get(i);
          Money amount = new Money(op.amount(), EUR);
          Money owed = open.get(i);
          ledger.add(
              Ledger.paymentReceived(
                  UUID.randomUUID(), UUID.randomUUID(), T, owner, "bank", amount, owed));
          Money settled = amount.compareTo(owed) <= 0 ? amount : owed;
          open.set(i, owed.minus(settled));
          credit.merge(owner, amount.minus(settled), Money::plus);
        }
        case 3 -> {
          if (invoiceClient.isEmpty()) {
            continue;
          }
          int i = op.invoice() % invoiceClient.size();
          Money owed = open.get(i);
          if (owed.isZero()) {
            continue;
          }
          Money net = new Money(Math.min(op.amount(), owed.amountMinor()), EUR);
          ledger.add(
              Ledger.creditNote(
                  UUID.randomUUID(),
                  UUID.randomUUID(),
                  T,
                  invoiceClient.get(i),
                  net,
                  Money.zero(EUR)));
          open.set(i, owed.minus(net));
        }
        case 4 ->
            ledger.add(
                Ledger.fee(
                    UUID.randomUUID(),
                    UUID.randomUUID(),
                    T,
                    "stripe",
                    new Money(op.amount(), EUR)));
        default -> {
          if (invoiceClient.isEmpty()) {
            continue;
          }
          int i = op.invoice() % invoiceClient.size();
          Money owed = open.get(i);
          if (!owed.isZero()) {
            ledger.add(
                Ledger.writeOff(
                    UUID.randomUUID(), UUID.randomUUID(), T, invoiceClient.get(i), owed));
            open.set(i, Money.zero(EUR));
          }
        }
      }
    }
    Money total = Money.zero(EUR);
    for (LedgerTransaction t : ledger) {
      Money sum = Money.zero(EUR);
      for (Posting p : t.postings()) {
        sum = sum.plus(p.amount());
      }
      assertThat(sum.isZero()).isTrue();
      total = total.plus(sum);
    }
    assertThat(total.isZero()).isTrue();
    for (UUID client : CLIENTS) {
      Money openOfClient = Money.zero(EUR);
      for (int i = 0; i < invoiceClient.size(); i++) {
        if (invoiceClient.get(i).equals(client)) {
          openOfClient = openOfClient.plus(open.get(i));
        }
      }
      assertThat(Ledger.balance(ledger, Account.receivable(client), EUR)).isEqualTo(openOfClient);
      assertThat(Ledger.balance(ledger, Account.clientCredit(client), EUR))
          .isEqualTo(credit.getOrDefault(client, Money.zero(EUR)).negate());
    }
  }
}
