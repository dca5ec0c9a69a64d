package io.tranche.core.contract;

import io.tranche.core.error.DomainException;
import io.tranche.core.error.Validation;
import io.tranche.core.evidence.CanonicalJson;
import io.tranche.core.evidence.EvidenceChain;
import io.tranche.core.milestone.PaymentPlan;
import io.tranche.core.milestone.PlannedMilestone;
import io.tranche.core.money.Money;
import io.tranche.core.money.MoneyErrors;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a quote version says: scope, timeline, line items, tax rate, payment plan, validity and
 * terms. Its {@link #documentHash()} — SHA-256 of its canonical JSON — is what a signature binds
 * to.
 *
 * <p>Tax is one rate on the net total, in basis points (1900 = 19 %), rounded half up to the minor
 * unit; the payment plan's milestones sum exactly to the gross total.
 */
public record QuoteContent(
    String scope,
    String timeline,
    List<QuoteLine> lines,
    int taxRateBasisPoints,
    PaymentPlan plan,
    LocalDate validUntil,
    QuoteTerms terms) {
  /** The most lines a quote may have, as for an invoice. */
  public static final int MAX_LINES = 500;

  public QuoteContent {
    scope = Validation.text("scope", scope, 50_000);
    timeline = Validation.text("timeline", timeline, 10_000);
    lines = List.copyOf(Validation.atMost("lines", Validation.required("lines", lines), MAX_LINES));
    if (lines.isEmpty()) {
      throw DomainException.field(ContractErrors.NO_LINES, "lines", Map.of());
    }
    Validation.range("taxRateBasisPoints", taxRateBasisPoints, 0, 10_000);
    Validation.required("plan", plan);
    Validation.required("validUntil", validUntil);
    Validation.required("terms", terms);
    Money net = net(lines);
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).unitPrice().currency().equals(net.currency())) {
        throw DomainException.field(
            MoneyErrors.CURRENCY_MISMATCH,
            "lines[" + i + "].unitPrice",
            Map.of(
                "left", net.currency().getCurrencyCode(),
                "right", lines.get(i).unitPrice().currency().getCurrencyCode()));
      }
    }
    Money gross = net.plus(tax(net, taxRateBasisPoints));
    if (!plan.total().equals(gross)) {
      throw DomainException.field(
          io.tranche.core.milestone.MilestoneErrors.PLAN_SUM_MISMATCH,
          "milestones",
          Map.of("sum", plan.total().toString(), "total", gross.toString()));
    }
    if (!terms.creditLimit().currency().equals(net.currency())) {
      throw DomainException.field(
          MoneyErrors.CURRENCY_MISMATCH,
          "terms.creditLimit",
          Map.of(
              "left", net.currency().getCurrencyCode(),
              "right", terms.creditLimit().currency().getCurrencyCode()));
    }
  }

  /** The sum of the lines, before tax. */
  public Money net() {
    return net(lines);
  }

  public Money tax() {
    return tax(net(), taxRateBasisPoints);
  }

  public Money gross() {
    return net().plus(tax());
  }

  /** Tax on {@code net} at {@code basisPoints}, rounded half up to the minor unit. */
  public static Money tax(Money net, int basisPoints) {
    BigInteger[] qr =
        BigInteger.valueOf(net.amountMinor())
            .multiply(BigInteger.valueOf(basisPoints))
            .divideAndRemainder(BigInteger.valueOf(10_000));
    long tax = qr[0].longValueExact();
    if (qr[1].abs().multiply(BigInteger.TWO).compareTo(BigInteger.valueOf(10_000)) >= 0) {
      tax += qr[1].signum();
    }
    return new Money(tax, net.currency());
  }

  private static Money net(List<QuoteLine> lines) {
    Money sum = Money.zero(lines.get(0).unitPrice().currency());
    for (QuoteLine line : lines) {
      sum = sum.plus(line.total());
    }
    return sum;
  }

  /** The content as a map of plain values, in the form the document hash is computed over. */
  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("scope", scope);
    map.put("timeline", timeline);
    List<Object> lineMaps = new ArrayList<>();
    for (QuoteLine l : lines) {
      lineMaps.add(
          Map.of(
              "description", l.description(),
              "quantity", l.quantity(),
              "unitPriceMinor", l.unitPrice().amountMinor(),
              "totalMinor", l.total().amountMinor()));
    }
    map.put("lines", lineMaps);
    map.put("currency", net().currency().getCurrencyCode());
    map.put("netMinor", net().amountMinor());
    map.put("taxRateBasisPoints", taxRateBasisPoints);
    map.put("taxMinor", tax().amountMinor());
    map.put("grossMinor", gross().amountMinor());
    List<Object> plannedMaps = new ArrayList<>();
    for (PlannedMilestone m : plan.milestones()) {
      plannedMaps.add(
          Map.of(
              "name",
              m.name(),
              "amountMinor",
              m.amount().amountMinor(),
              "trigger",
              m.trigger().name()));
    }
    map.put("milestones", plannedMaps);
    map.put("validUntil", validUntil.toString());
    Map<String, Object> termsMap = new LinkedHashMap<>();
    termsMap.put("reviewDays", terms.reviewDays());
    termsMap.put("modificationDays", terms.modificationDays());
    termsMap.put("creditLimitMinor", terms.creditLimit().amountMinor());
    if (!terms.earlyCiphertextDownload()) {
      // only written when it differs from the default, so earlier documents keep their hashes
      termsMap.put("earlyCiphertextDownload", false);
    }
    map.put("terms", termsMap);
    return map;
  }

  /**
   * The hash a signature binds to: SHA-256 of the canonical JSON of the content together with the
   * quote's identity ({@code project}, {@code quote}, {@code version}).
   */
  public String documentHash(String projectId, String quoteId, int version) {
    return documentHash(projectId, quoteId, version, null);
  }

  /**
   * As {@link #documentHash(String, String, int)}, for an amendment: the document also names the
   * contract it amends, so a signature on it cannot be taken for one on a first contract.
   */
  public String documentHash(
      String projectId,
      String quoteId,
      int version,
      @org.jspecify.annotations.Nullable String amends) {
    Map<String, Object> document = new LinkedHashMap<>(toMap());
    document.put("project", projectId);
    document.put("quote", quoteId);
    document.put("version", version);
    if (amends != null) {
      document.put("amends", amends);
    }
    return EvidenceChain.sha256(CanonicalJson.write(document));
  }
}
