package io.tranche.core.contract;

import static io.tranche.core.DomainAssertions.assertCode;
import static org.assertj.core.api.Assertions.assertThat;

import io.tranche.core.milestone.PaymentPlan;
import io.tranche.core.money.Money;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuoteContentTest {
  static final QuoteTerms TERMS = new QuoteTerms(7, 7, Money.of(0, "EUR"));

  static QuoteContent quote(int taxBp, Money gross) {
    return new QuoteContent(
        "A web shop",
        "Six weeks",
        List.of(
            new QuoteLine("Design", 2, Money.parse("500.00", "EUR")),
            new QuoteLine("Build", 1, Money.parse("2000.00", "EUR"))),
        taxBp,
        PaymentPlan.thirds(gross),
        LocalDate.parse("2026-12-31"),
        TERMS);
  }

  @Test
  void addsTaxRoundedHalfUpAndSplitsTheGross() {
    QuoteContent q = quote(1900, Money.parse("3570.00", "EUR"));
    assertThat(q.net()).isEqualTo(Money.parse("3000.00", "EUR"));
    assertThat(q.tax()).isEqualTo(Money.parse("570.00", "EUR"));
    assertThat(QuoteContent.tax(Money.of(5, "EUR"), 1000)).isEqualTo(Money.of(1, "EUR"));
    assertThat(QuoteContent.tax(Money.of(4, "EUR"), 1000)).isEqualTo(Money.of(0, "EUR"));
  }

  @Test
  void refusesAPlanThatDoesNotSumToTheGross() {
    assertCode(() -> quote(1900, Money.parse("3000.00", "EUR")), "plan.sum-mismatch");
  }

  @Test
  void hashesTheDocumentWithItsIdentity() {
    QuoteContent q = quote(0, Money.parse("3000.00", "EUR"));
    String h1 = q.documentHash("p", "q", 1);
    assertThat(h1)
        .hasSize(64)
        .isEqualTo(quote(0, Money.parse("3000.00", "EUR")).documentHash("p", "q", 1));
    assertThat(q.documentHash("p", "q", 2)).isNotEqualTo(h1);
  }

  @Test
  void checksASignatureRequest() {
    assertCode(() -> new SignatureRequest("  ", true, "h").check("h"), "validation.required");
    assertCode(
        () -> new SignatureRequest("Ann", false, "h").check("h"), "signature.consent-required");
    assertCode(
        () -> new SignatureRequest("Ann", true, "old").check("h"), "signature.document-changed");
    assertThat(new SignatureRequest(" Ann Lee ", true, "h").check("h")).isEqualTo("Ann Lee");
  }

  @Test
  void refusesAQuoteWithoutLines() {
    assertCode(
        () ->
            new QuoteContent(
                "s",
                "t",
                List.of(),
                0,
                PaymentPlan.thirds(Money.of(0, "EUR")),
                LocalDate.MAX,
                TERMS),
        "quote.no-lines");
  }
}
