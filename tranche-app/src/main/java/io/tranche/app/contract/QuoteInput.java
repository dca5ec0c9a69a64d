package io.tranche.app.contract;

import io.tranche.app.platform.Errors;
import io.tranche.app.platform.MoneyInput;
import io.tranche.core.contract.ContractErrors;
import io.tranche.core.contract.QuoteContent;
import io.tranche.core.contract.QuoteLine;
import io.tranche.core.contract.QuoteTerms;
import io.tranche.core.error.DomainException;
import io.tranche.core.error.ErrorCode;
import io.tranche.core.error.ErrorKind;
import io.tranche.core.error.FieldChecks;
import io.tranche.core.error.Validation;
import io.tranche.core.milestone.PaymentPlan;
import io.tranche.core.milestone.PaymentTrigger;
import io.tranche.core.milestone.PlannedMilestone;
import io.tranche.core.money.Money;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A quote as the API takes it. Milestones give either {@code amount} each or {@code
 * percentBasisPoints} each; without milestones the gross total is split 1/3 at signature, 1/3 at
 * acceptance, 1/3 at the final demo. Percentages are shares of the total, split by their ratio:
 * they add up to 10000, or to within the rounding of percentages written to two decimals (half a
 * basis point per part), so thirds written as 33.33 % each are thirds, not 99.99 % of the total.
 */
public record QuoteInput(
    @Nullable String scope,
    @Nullable String timeline,
    @Nullable String currency,
    @Nullable Integer taxRateBasisPoints,
    @Nullable LocalDate validUntil,
    @Nullable List<LineBody> lines,
    @Nullable List<PartBody> milestones,
    @Nullable TermsBody terms) {

  public static final ErrorCode PERCENT_SUM =
      new ErrorCode(
          "plan.percent-sum",
          ErrorKind.INVALID,
          "the parts' percentages must add up to 100 %; they add up to {percent} %");
  public static final ErrorCode MIXED =
      new ErrorCode(
          "plan.mixed-parts",
          ErrorKind.INVALID,
          "give every milestone an amount, or every milestone a percentage, not both");

  /** A line item. */
  public record LineBody(
      @Nullable String description, @Nullable Long quantity, @Nullable MoneyInput unitPrice) {}

  /** A milestone of the plan. */
  public record PartBody(
      @Nullable String name,
      @Nullable PaymentTrigger trigger,
      @Nullable MoneyInput amount,
      @Nullable Long percentBasisPoints) {}

  /** The terms. */
  public record TermsBody(
      @Nullable Integer reviewDays,
      @Nullable Integer modificationDays,
      @Nullable MoneyInput creditLimit,
      @Nullable Boolean earlyCiphertextDownload) {}

  /** The quote content this input describes; refusals name the field. */
  public QuoteContent toContent(String projectCurrency) {
    // every field is checked, and every refusal reported at once; nothing is built before
    FieldChecks checks = new FieldChecks();
    String given =
        currency == null
            ? projectCurrency
            : checks.check(
                "currency",
                () -> Errors.at("currency", () -> Money.currency(currency)).getCurrencyCode());
    String cur = given == null ? projectCurrency : given;
    checks.check("scope", () -> Validation.text("scope", scope, 50_000));
    checks.check("timeline", () -> Validation.text("timeline", timeline, 10_000));
    checks.check("validUntil", () -> Validation.required("validUntil", validUntil));
    List<LineBody> lineBodies = lines == null ? List.of() : lines;
    List<QuoteLine> quoteLines = new ArrayList<>();
    for (int i = 0; i < lineBodies.size(); i++) {
      LineBody l = lineBodies.get(i);
      String at = "lines[" + i + "]";
      QuoteLine line =
          checks.check(
              at,
              () -> {
                if (l == null) {
                  throw DomainException.field(Validation.REQUIRED, at, Map.of("field", at));
                }
                Money unit =
                    Validation.required(at + ".unitPrice", l.unitPrice())
                        .toMoney(at + ".unitPrice", cur);
                return Errors.at(
                    at,
                    () ->
                        new QuoteLine(
                            l.description(), l.quantity() == null ? 1 : l.quantity(), unit));
              });
      if (line != null) {
        quoteLines.add(line);
      }
    }
    if (lineBodies.isEmpty()) {
      checks.refuse(DomainException.field(ContractErrors.NO_LINES, "lines", Map.of()));
    }
    int tax = taxRateBasisPoints == null ? 0 : taxRateBasisPoints;
    checks.check(
        "taxRateBasisPoints", () -> Validation.range("taxRateBasisPoints", tax, 0, 10_000));
    TermsBody t = terms == null ? new TermsBody(null, null, null, null) : terms;
    QuoteTerms quoteTerms =
        checks.check(
            "terms",
            () ->
                new QuoteTerms(
                    t.reviewDays() == null ? QuoteTerms.DEFAULT_REVIEW_DAYS : t.reviewDays(),
                    t.modificationDays() == null
                        ? QuoteTerms.DEFAULT_MODIFICATION_DAYS
                        : t.modificationDays(),
                    t.creditLimit() == null
                        ? Money.zero(Money.currency(cur))
                        : t.creditLimit().toMoney("terms.creditLimit", cur),
                    !Boolean.FALSE.equals(t.earlyCiphertextDownload())));
    PaymentPlan plan = null;
    if (checks.passed("currency") && quoteLines.size() == lineBodies.size()) {
      // the plan splits the total, so it is checked once the lines are right
      Money net = Money.zero(Money.currency(cur));
      for (QuoteLine l : quoteLines) {
        net = net.plus(l.total());
      }
      Money gross = net.plus(QuoteContent.tax(net, Math.max(0, Math.min(tax, 10_000))));
      plan = checks.check("milestones", () -> plan(gross, cur));
    } else if (milestones != null
        && !milestones.isEmpty()
        && milestones.stream()
            .allMatch(m -> m != null && (m.percentBasisPoints() != null || m.amount() != null))) {
      // no total to split while the lines are wrong: the shares are still checked, so all that
      // needs fixing is said at once (a part that could not be read is refused on its own)
      checks.check("milestones", this::requireShares);
    }
    checks.throwIfAny();
    return new QuoteContent(
        scope,
        timeline,
        quoteLines,
        tax,
        java.util.Objects.requireNonNull(plan),
        validUntil,
        quoteTerms);
  }

  /**
   * Refuses shares that are neither all percentages nor all amounts, and percentages that do not
   * add up to 100 %; no total is needed for that. Whether the shares are percentages.
   */
  private boolean requireShares() {
    List<PartBody> parts = java.util.Objects.requireNonNull(milestones);
    boolean percents =
        parts.stream()
            .allMatch(m -> m != null && m.percentBasisPoints() != null && m.amount() == null);
    boolean amounts =
        parts.stream()
            .allMatch(m -> m != null && m.amount() != null && m.percentBasisPoints() == null);
    if (!percents && !amounts) {
      throw DomainException.field(MIXED, "milestones", Map.of());
    }
    if (percents) {
      long[] ratios = parts.stream().mapToLong(PartBody::percentBasisPoints).toArray();
      long sum = java.util.Arrays.stream(ratios).sum();
      if (2 * Math.abs(sum - 10_000) > ratios.length
          || java.util.Arrays.stream(ratios).anyMatch(r -> r < 0)) {
        throw DomainException.field(
            PERCENT_SUM,
            "milestones",
            Map.of(
                "sum",
                sum,
                "percent",
                java.math.BigDecimal.valueOf(sum, 2).stripTrailingZeros().toPlainString()));
      }
    }
    return percents;
  }

  private PaymentPlan plan(Money gross, String cur) {
    if (milestones == null || milestones.isEmpty()) {
      return PaymentPlan.thirds(gross);
    }
    boolean percents = requireShares();
    List<PlannedMilestone> planned = new ArrayList<>();
    if (percents) {
      long[] ratios = milestones.stream().mapToLong(PartBody::percentBasisPoints).toArray();
      List<Money> parts = gross.allocate(ratios);
      for (int i = 0; i < milestones.size(); i++) {
        PartBody p = milestones.get(i);
        Money amount = parts.get(i);
        planned.add(
            Errors.at(
                "milestones[" + i + "]",
                () -> new PlannedMilestone(p.name(), amount, p.trigger())));
      }
    } else {
      for (int i = 0; i < milestones.size(); i++) {
        PartBody p = milestones.get(i);
        String at = "milestones[" + i + "]";
        Money amount = p.amount().toMoney(at + ".amount", cur);
        planned.add(Errors.at(at, () -> new PlannedMilestone(p.name(), amount, p.trigger())));
      }
    }
    Money sum = Money.zero(gross.currency());
    for (PlannedMilestone p : planned) {
      sum = sum.plus(p.amount());
    }
    return new PaymentPlan(sum, planned);
  }
}
