package io.tranche.core.invoice;

import static io.tranche.core.DomainAssertions.assertCode;
import static org.assertj.core.api.Assertions.assertThat;

import io.tranche.core.money.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class InvoiceTest {
  static Invoice issued() {
    return Invoice.draft(
            UUID.randomUUID(),
            UUID.randomUUID(),
            UUID.randomUUID(),
            null,
            List.of(new InvoiceLine("Deposit", 1, Money.parse("1000.00", "EUR"), 1900)))
        .issue("2026-0001", LocalDate.parse("2026-11-26"), 14);
  }

  @Test
  void computesTaxPerLineAndTheDueDate() {
    Invoice i = issued();
    assertThat(i.total()).isEqualTo(Money.parse("1190.00", "EUR"));
    assertThat(i.dueOn()).isEqualTo(LocalDate.parse("2026-12-10"));
  }

  @Test
  void movesThroughPartialPaymentToPaid() {
    Invoice partly = issued().pay(Money.parse("190.00", "EUR"));
    assertThat(partly.state()).isEqualTo(InvoiceState.PARTIALLY_PAID);
    assertThat(partly.open()).isEqualTo(Money.parse("1000.00", "EUR"));
    Invoice paid = partly.pay(Money.parse("1000.00", "EUR"));
    assertThat(paid.state()).isEqualTo(InvoiceState.PAID);
    assertCode(() -> paid.pay(Money.of(1, "EUR")), "invoice.illegal-transition");
  }

  @Test
  void onlyWhatWasOpenCountsAsPaidOnTheInvoice() {
    Invoice partly = issued().pay(Money.parse("400.00", "EUR"));
    Invoice paid = partly.pay(Money.parse("1190.00", "EUR"));
    assertThat(paid.state()).isEqualTo(InvoiceState.PAID);
    assertThat(paid.paid())
        .as("the 400.00 beyond the total is the client's credit, not this invoice's")
        .isEqualTo(Money.parse("1190.00", "EUR"));
    assertThat(paid.refund(Money.parse("790.00", "EUR")).open())
        .as("refunding the card payment's share on the invoice reopens just that")
        .isEqualTo(Money.parse("790.00", "EUR"));
  }

  @Test
  void readsOverdueAfterTheDueDate() {
    assertThat(issued().stateAt(Instant.parse("2026-12-11T00:00:00Z")))
        .isEqualTo(InvoiceState.OVERDUE);
    assertThat(issued().stateAt(Instant.parse("2026-12-10T23:00:00Z")))
        .isEqualTo(InvoiceState.ISSUED);
  }

  @Test
  void aCreditNoteReducesWhatIsOpen() {
    Invoice credited = issued().credit(Money.parse("190.00", "EUR"));
    assertThat(credited.state()).isEqualTo(InvoiceState.ISSUED);
    assertThat(credited.open()).isEqualTo(Money.parse("1000.00", "EUR"));
  }

  @Test
  void anInvoiceReducedToZeroByCreditNotesAloneIsCreditedNotPaid() {
    Invoice credited =
        issued().credit(Money.parse("190.00", "EUR")).credit(Money.parse("1000.00", "EUR"));
    assertThat(credited.state()).isEqualTo(InvoiceState.CREDITED);
    assertThat(credited.open().isZero()).isTrue();
    assertThat(credited.paid().isZero()).isTrue();
    assertThat(credited.stateAt(Instant.parse("2027-06-01T00:00:00Z")))
        .isEqualTo(InvoiceState.CREDITED);
  }

  @Test
  void anInvoiceIsPaidWhenPaymentsCoverWhatIsOwedAfterCreditNotesInEitherOrder() {
    Invoice creditFirst =
        issued().credit(Money.parse("190.00", "EUR")).pay(Money.parse("1000.00", "EUR"));
    assertThat(creditFirst.state()).isEqualTo(InvoiceState.PAID);
    Invoice payFirst =
        issued().pay(Money.parse("1000.00", "EUR")).credit(Money.parse("190.00", "EUR"));
    assertThat(payFirst.state()).isEqualTo(InvoiceState.PAID);
    assertThat(payFirst.open().isZero()).isTrue();
  }

  @Test
  void aCreditedInvoiceTakesNoPaymentCreditOrWriteOffAndCannotBeVoided() {
    Invoice credited = issued().credit(Money.parse("1190.00", "EUR"));
    assertCode(() -> credited.pay(Money.of(1, "EUR")), "invoice.illegal-transition");
    assertCode(() -> credited.credit(Money.of(1, "EUR")), "invoice.illegal-transition");
    assertCode(credited::writeOff, "invoice.illegal-transition");
    assertCode(credited::voided, "invoice.illegal-transition");
  }

  @Test
  void aRefundOfThePaymentPartReopensWhatTheCreditNoteDidNotCover() {
    Invoice paid = issued().credit(Money.parse("190.00", "EUR")).pay(Money.parse("1000.00", "EUR"));
    Invoice refunded = paid.refund(Money.parse("1000.00", "EUR"));
    assertThat(refunded.state()).isEqualTo(InvoiceState.ISSUED);
    assertThat(refunded.open()).isEqualTo(Money.parse("1000.00", "EUR"));
  }

  @Test
  void aWriteOffClosesWhatIsOpenWithoutCallingItPaid() {
    Invoice partly = issued().pay(Money.parse("190.00", "EUR"));
    Invoice written = partly.writeOff();
    assertThat(written.state()).isEqualTo(InvoiceState.WRITTEN_OFF);
    assertThat(written.open().isZero()).isTrue();
    assertThat(written.paid()).isEqualTo(Money.parse("190.00", "EUR"));
    assertThat(written.stateAt(Instant.parse("2027-06-01T00:00:00Z")))
        .isEqualTo(InvoiceState.WRITTEN_OFF);
    assertCode(() -> written.pay(Money.of(1, "EUR")), "invoice.illegal-transition");
    assertCode(written::writeOff, "invoice.illegal-transition");
  }

  @Test
  void numbersAreGaplessLookingAndPrefixed() {
    assertThat(InvoiceNumbers.format("", 2026, 42)).isEqualTo("2026-0042");
    assertThat(InvoiceNumbers.format("INV-", 2026, 12345)).isEqualTo("INV-2026-12345");
    assertCode(() -> InvoiceNumbers.format("<script>", 2026, 1), "invoice.bad-prefix");
  }

  @Test
  void refusesToVoidAPaidInvoiceOrIssueTwice() {
    assertCode(() -> issued().pay(Money.of(1, "EUR")).voided(), "invoice.illegal-transition");
    assertCode(() -> issued().issue("x", LocalDate.now(), 1), "invoice.illegal-transition");
  }
}
