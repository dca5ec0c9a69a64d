package io.tranche.core.invoice;

import static io.tranche.core.DomainAssertions.assertCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tranche.core.error.DomainException;
import io.tranche.core.money.Money;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class InvoiceLimitsTest {
  private static final Money PRICE = Money.parse("10.00", "EUR");

  @Test
  void refusesALineWhoseTotalIsBeyondTheLargestAmountNamingTheQuantity() {
    assertThatThrownBy(
            () -> new InvoiceLine("Days", 1_000_000, Money.of(Money.MAX_MINOR, "EUR"), 0))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> {
              assertThat(e.code().slug()).isEqualTo("money.too-large");
              assertThat(e.field()).isEqualTo("quantity");
            });
  }

  @Test
  void refusesALineWhoseTaxPushesItBeyondTheLargestAmount() {
    assertCode(
        () -> new InvoiceLine("All", 1, Money.of(Money.MAX_MINOR, "EUR"), 1900), "money.too-large");
  }

  @Test
  void refusesLinesWhoseSumIsBeyondTheLargestAmountWhenTheInvoiceIsBuilt() {
    InvoiceLine big = new InvoiceLine("Half", 1, Money.of(Money.MAX_MINOR / 2 + 1, "EUR"), 0);
    assertThatThrownBy(() -> draft(List.of(big, big)))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> {
              assertThat(e.code().slug()).isEqualTo("money.too-large");
              assertThat(e.field()).isEqualTo("lines");
            });
  }

  @Test
  void acceptsFiveHundredLinesAndRefusesMore() {
    InvoiceLine line = new InvoiceLine("Hour", 1, PRICE, 0);
    assertThat(draft(Collections.nCopies(Invoice.MAX_LINES, line)).lines()).hasSize(500);
    assertThatThrownBy(() -> draft(Collections.nCopies(Invoice.MAX_LINES + 1, line)))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> {
              assertThat(e.code().slug()).isEqualTo("validation.too-many");
              assertThat(e.field()).isEqualTo("lines");
            });
  }

  private static Invoice draft(List<InvoiceLine> lines) {
    return Invoice.draft(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), null, lines);
  }
}
