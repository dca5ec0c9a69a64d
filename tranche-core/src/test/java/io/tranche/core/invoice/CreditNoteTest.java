package io.tranche.core.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import io.tranche.core.money.Money;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class CreditNoteTest {
  private static Invoice invoice(InvoiceLine... lines) {
    return Invoice.draft(
            UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), null, List.of(lines))
        .issue("2026-0001", LocalDate.parse("2026-11-26"), 14);
  }

  private static Money eur(String amount) {
    return Money.parse(amount, "EUR");
  }

  @Test
  void aCreditOnASingleRateInvoiceSplitsIntoNetAndTaxAtThatRate() {
    Invoice i = invoice(new InvoiceLine("Web shop", 1, eur("1000.00"), 1900));
    List<CreditNote.Share> shares = CreditNote.split(i, eur("119.00"));
    assertThat(shares).containsExactly(new CreditNote.Share(1900, eur("100.00"), eur("19.00")));
  }

  @Test
  void aCreditOnAMixedRateInvoiceTakesBackFromEachRateInProportion() {
    Invoice i =
        invoice(
            new InvoiceLine("Design", 1, eur("1000.00"), 1900), // 1190.00 gross
            new InvoiceLine("Book", 1, eur("100.00"), 700), // 107.00 gross
            new InvoiceLine("Hosting abroad", 1, eur("200.00"), 0)); // 200.00 gross
    CreditNote note =
        new CreditNote(
            UUID.randomUUID(),
            i.id(),
            CreditNote.number("", 2026, 1),
            LocalDate.parse("2026-12-01"),
            "Hosting was not needed",
            CreditNote.split(i, i.total()));
    assertThat(note.total()).isEqualTo(i.total());
    assertThat(note.net()).isEqualTo(i.net());
    assertThat(note.tax()).isEqualTo(i.tax());
    assertThat(note.shares())
        .extracting(CreditNote.Share::taxRateBasisPoints)
        .containsExactly(0, 700, 1900);
    assertThat(note.shares().get(0).tax().isZero()).isTrue();
    assertThat(note.number()).isEqualTo("CN-2026-0001");
  }

  @Property
  void theSharesAddUpExactlyToWhatIsTakenBack(
      @ForAll @LongRange(min = 1, max = 10_000_000) long firstMinor,
      @ForAll @LongRange(min = 1, max = 10_000_000) long secondMinor,
      @ForAll @IntRange(min = 0, max = 2500) int firstRate,
      @ForAll @IntRange(min = 0, max = 2500) int secondRate,
      @ForAll @LongRange(min = 1, max = 1000) long permille) {
    Invoice i =
        invoice(
            new InvoiceLine("a", 1, Money.of(firstMinor, "EUR"), firstRate),
            new InvoiceLine("b", 2, Money.of(secondMinor, "EUR"), secondRate));
    Money amount = Money.of(Math.max(1, i.total().amountMinor() * permille / 1000), "EUR");
    List<CreditNote.Share> shares = CreditNote.split(i, amount);
    assertThat(shares.stream().map(CreditNote.Share::gross).reduce(Money::plus).orElseThrow())
        .isEqualTo(amount);
    for (CreditNote.Share s : shares) {
      assertThat(s.net().isNegative() || s.tax().isNegative()).isFalse();
    }
  }
}
