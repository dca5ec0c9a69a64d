package io.tranche.core.invoice;

import io.tranche.core.error.Validation;
import io.tranche.core.money.Money;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A credit note: a numbered document of its own that reduces what an issued invoice asks for (an
 * issued invoice is never edited). It names the invoice it corrects and why, and, as EU invoicing
 * rules ask, the net, tax and gross it takes back at each tax rate the invoice used.
 *
 * <p>Its numbers run in a series of their own, gapless per workspace and year: {@code
 * CN-<prefix><year>-<sequence>}, e.g. {@code CN-2026-0001}.
 */
public record CreditNote(
    UUID id, UUID invoiceId, String number, LocalDate issuedOn, String reason, List<Share> shares) {

  /** What the note takes back at one tax rate. */
  public record Share(int taxRateBasisPoints, Money net, Money tax) {
    public Share {
      Objects.requireNonNull(net, "net");
      Objects.requireNonNull(tax, "tax");
    }

    public Money gross() {
      return net.plus(tax);
    }
  }

  public CreditNote {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(invoiceId, "invoiceId");
    Objects.requireNonNull(number, "number");
    Objects.requireNonNull(issuedOn, "issuedOn");
    reason = Validation.text("reason", reason, 1000);
    shares = List.copyOf(shares);
    if (shares.isEmpty()) {
      throw new IllegalArgumentException("a credit note takes back something");
    }
  }

  /** The note's number in its own series. */
  public static String number(String prefix, int year, long sequence) {
    return "CN-" + InvoiceNumbers.format(prefix, year, sequence);
  }

  public Money net() {
    return shares.stream().map(Share::net).reduce(Money::plus).orElseThrow();
  }

  public Money tax() {
    return shares.stream().map(Share::tax).reduce(Money::plus).orElseThrow();
  }

  public Money total() {
    return net().plus(tax());
  }

  /**
   * Splits a gross amount taken back from {@code invoice} over its tax rates, in proportion to what
   * each rate adds to the invoice's total, and within a rate into net and tax in the proportion the
   * invoice's lines at that rate have. The shares add up exactly to {@code amount}.
   */
  public static List<Share> split(Invoice invoice, Money amount) {
    Map<Integer, Money[]> byRate = new TreeMap<>();
    for (InvoiceLine line : invoice.lines()) {
      Money[] sums =
          byRate.computeIfAbsent(
              line.taxRateBasisPoints(),
              r -> new Money[] {Money.zero(amount.currency()), Money.zero(amount.currency())});
      sums[0] = sums[0].plus(line.net());
      sums[1] = sums[1].plus(line.tax());
    }
    List<Integer> rates = new ArrayList<>(byRate.keySet());
    long[] weights = new long[rates.size()];
    for (int i = 0; i < weights.length; i++) {
      Money[] sums = byRate.get(rates.get(i));
      weights[i] = sums[0].plus(sums[1]).amountMinor();
    }
    List<Money> perRate =
        java.util.Arrays.stream(weights).allMatch(w -> w == 0)
            ? evenly(amount, weights.length)
            : amount.allocate(weights);
    List<Share> shares = new ArrayList<>();
    for (int i = 0; i < rates.size(); i++) {
      Money gross = perRate.get(i);
      if (gross.isZero()) {
        continue;
      }
      Money[] sums = byRate.get(rates.get(i));
      List<Money> netTax =
          sums[1].isZero()
              ? List.of(gross, Money.zero(gross.currency()))
              : gross.allocate(sums[0].amountMinor(), sums[1].amountMinor());
      shares.add(new Share(rates.get(i), netTax.get(0), netTax.get(1)));
    }
    return shares;
  }

  private static List<Money> evenly(Money amount, int parts) {
    long[] ones = new long[parts];
    java.util.Arrays.fill(ones, 1);
    return amount.allocate(ones);
  }
}
