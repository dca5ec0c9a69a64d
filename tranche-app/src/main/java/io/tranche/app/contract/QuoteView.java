package io.tranche.app.contract;

import io.tranche.app.platform.MoneyJson;
import io.tranche.core.contract.QuoteContent;
import io.tranche.core.contract.QuoteStatus;
import io.tranche.core.milestone.PaymentTrigger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A quote version as the API and pages show it, with its totals and document hash. */
public record QuoteView(
    UUID id,
    UUID projectId,
    UUID quoteNo,
    int version,
    QuoteStatus status,
    String scope,
    String timeline,
    List<Line> lines,
    int taxRateBasisPoints,
    MoneyJson net,
    MoneyJson tax,
    MoneyJson gross,
    List<PlannedPart> milestones,
    LocalDate validUntil,
    Terms terms,
    String documentHash,
    @Nullable String changeComment,
    Instant createdAt,
    @Nullable Instant sentAt,
    @Nullable UUID amends) {

  /** Whether this version amends a signed contract (its id is {@link #amends}). */
  public boolean amendment() {
    return amends != null;
  }

  /** A line item. */
  public record Line(String description, long quantity, MoneyJson unitPrice, MoneyJson total) {}

  /** A milestone of the quoted payment plan. */
  public record PlannedPart(String name, MoneyJson amount, PaymentTrigger trigger) {}

  /** The quoted terms. */
  public record Terms(
      int reviewDays,
      int modificationDays,
      MoneyJson creditLimit,
      boolean earlyCiphertextDownload) {}

  static QuoteView of(
      UUID id,
      UUID projectId,
      UUID quoteNo,
      int version,
      QuoteStatus status,
      QuoteContent c,
      String documentHash,
      @Nullable String changeComment,
      Instant createdAt,
      @Nullable Instant sentAt,
      @Nullable UUID amends) {
    return new QuoteView(
        id,
        projectId,
        quoteNo,
        version,
        status,
        c.scope(),
        c.timeline(),
        c.lines().stream()
            .map(
                l ->
                    new Line(
                        l.description(),
                        l.quantity(),
                        MoneyJson.of(l.unitPrice()),
                        MoneyJson.of(l.total())))
            .toList(),
        c.taxRateBasisPoints(),
        MoneyJson.of(c.net()),
        MoneyJson.of(c.tax()),
        MoneyJson.of(c.gross()),
        c.plan().milestones().stream()
            .map(m -> new PlannedPart(m.name(), MoneyJson.of(m.amount()), m.trigger()))
            .toList(),
        c.validUntil(),
        new Terms(
            c.terms().reviewDays(),
            c.terms().modificationDays(),
            MoneyJson.of(c.terms().creditLimit()),
            c.terms().earlyCiphertextDownload()),
        documentHash,
        changeComment,
        createdAt,
        sentAt,
        amends);
  }

  /** The tax rate as a percentage for pages, e.g. {@code 19.00 %}. */
  public String taxRate() {
    return java.math.BigDecimal.valueOf(taxRateBasisPoints, 2).toPlainString() + " %";
  }
}
