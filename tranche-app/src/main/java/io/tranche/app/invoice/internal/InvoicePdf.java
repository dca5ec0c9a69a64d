package io.tranche.app.invoice.internal;

import io.tranche.app.invoice.InvoiceView;
import io.tranche.app.invoice.PaymentView;
import io.tranche.app.platform.Dates;
import io.tranche.app.platform.Download;
import io.tranche.app.platform.MoneyJson;
import io.tranche.app.platform.Pdfs;
import io.tranche.core.invoice.CreditNote;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The invoice PDF and the payment acknowledgement (receipt) PDF, each rendered once per distinct
 * content ({@link RenderedDocuments}). An invoice says what EU invoicing rules ask for: both
 * parties with address and VAT or tax id, its number, issue and supply dates, each line, and net,
 * tax and gross per tax rate; and, for a milestone, what paying it unlocks.
 */
@Component
public class InvoicePdf {
  private final RenderedDocuments rendered;
  private final LedgerRepository ledger;
  private final InvoiceRepository invoices;

  InvoicePdf(RenderedDocuments rendered, LedgerRepository ledger, InvoiceRepository invoices) {
    this.rendered = rendered;
    this.ledger = ledger;
    this.invoices = invoices;
  }

  /** A business as a document names it. */
  public record Party(String name, @Nullable String address, @Nullable String taxId) {}

  /**
   * Who the documents are from and for (with the vendor's logo as a {@code data:} URI, if it has
   * one), the project, and for a milestone's invoice the milestone and the deliverables its payment
   * unlocks.
   */
  public record Parties(
      Party vendor,
      Party client,
      String project,
      @Nullable String milestone,
      List<String> unlocks,
      @Nullable String vendorLogo) {}

  public Download invoice(
      UUID workspaceId,
      InvoiceView i,
      Parties p,
      String paymentInstructions,
      @Nullable String taxNote) {
    StringBuilder h = new StringBuilder(Pdfs.open("Invoice " + i.number()));
    h.append("<h1>Invoice ").append(e(i.number())).append("</h1>").append(parties(p));
    h.append("<table>")
        .append(row("Invoice number", i.number() == null ? "" : i.number()))
        .append(row("Issue date", Dates.day(i.issuedOn())))
        .append(row("Supply date", Dates.day(i.issuedOn())))
        .append(row("Due date", Dates.day(i.dueOn())))
        .append(row("Project", p.project()));
    if (p.milestone() != null) {
      h.append(row("Milestone", p.milestone()));
    }
    h.append("</table>")
        .append(
            "<table><tr><th>Item</th><th class=\"num\">Qty</th><th class=\"num\">Unit price</th>")
        .append("<th class=\"num\">Tax</th><th class=\"num\">Total</th></tr>");
    for (InvoiceView.Line l : i.lines()) {
      h.append("<tr><td>")
          .append(e(l.description()))
          .append("</td><td class=\"num\">")
          .append(l.quantity())
          .append("</td><td class=\"num\">")
          .append(e(l.unitPrice().formatted()))
          .append("</td><td class=\"num\">")
          .append(rate(l.taxRateBasisPoints()))
          .append("</td><td class=\"num\">")
          .append(e(l.gross().formatted()))
          .append("</td></tr>");
    }
    h.append("</table>").append(perRate(i));
    if (i.lines().stream().anyMatch(l -> l.taxRateBasisPoints() == 0)) {
      h.append(taxNote(taxNote));
    }
    h.append("<table>")
        .append(money("Net", i.net(), false))
        .append(money("Tax", i.tax(), false))
        .append(money("Total", i.total(), true));
    if (i.credited().amountMinor() > 0) {
      // the credit notes are documents of their own; the invoice shows what they took off
      h.append(
          money(
              "Less credit notes",
              new MoneyJson(-i.credited().amountMinor(), i.credited().currency()),
              false));
    }
    h.append(money("Paid", i.paid(), false))
        .append(money("Open", i.open(), true))
        .append("</table>");
    boolean owes = i.state().owesMoney();
    boolean paid = i.state() == io.tranche.core.invoice.InvoiceState.PAID;
    if (p.milestone() != null && !p.unlocks().isEmpty() && (owes || paid)) {
      h.append(
              owes
                  ? "<h2>What paying this invoice unlocks</h2><p>The deliverables of "
                  : "<h2>What this invoice paid for</h2><p>The deliverables of ")
          .append(e(p.milestone()))
          .append(": <b>")
          .append(e(String.join(", ", p.unlocks())))
          .append(
              owes
                  ? "</b>. Each is sealed until this invoice is paid; its delivery receipt"
                  : "</b>. Paying it released them, unless a dispute holds them; each delivery"
                      + " receipt")
          .append(" proves what it contains.</p>");
    }
    if (owes) {
      h.append("<h2>How to pay</h2><p class=\"pre\">")
          .append(e(paymentInstructions))
          .append("</p>")
          .append("<p class=\"small\">Please quote ")
          .append(e(i.number()))
          .append(" with your payment.</p>");
    } else {
      h.append("<h2>")
          .append(paid ? "Paid" : "Nothing to pay")
          .append("</h2><p>")
          .append(
              paid
                  ? "This invoice is paid in full. Thank you."
                  : i.state() == io.tranche.core.invoice.InvoiceState.CREDITED
                      ? "Credit notes cancelled what this invoice asked for: nothing is to be"
                          + " paid on it."
                      : "Nothing is to be paid on this invoice any more.")
          .append("</p>");
    }
    h.append("</body></html>");
    return rendered.pdf(workspaceId, i.id(), "invoice-" + i.number() + ".pdf", h.toString());
  }

  /**
   * A payment's acknowledgement: what was paid on its invoice so far and what was still open as
   * they stood when the payment was posted (for a receipt issued before those were kept, as the
   * invoice stands), and what the payment that settled a part's invoice opened.
   */
  public Download receipt(UUID workspaceId, PaymentView payment, InvoiceView i, Parties p) {
    var kept = invoices.receiptFigures(workspaceId, payment.id());
    InvoiceRepository.ReceiptFigures figures =
        kept.orElseGet(() -> new InvoiceRepository.ReceiptFigures(i.paid(), i.open()));
    String number =
        payment.receiptNumber() == null ? payment.id().toString() : payment.receiptNumber();
    StringBuilder h = new StringBuilder(Pdfs.open("Receipt " + number));
    h.append("<h1>Payment acknowledgement</h1><p><b>Receipt ")
        .append(e(number))
        .append("</b></p>")
        .append(parties(p))
        .append("<p><b>");
    if (io.tranche.app.invoice.ClientCredits.CHANNEL.equals(payment.channel())) {
      h.append(e(p.vendor().name()))
          .append("</b> applied <b>")
          .append(e(payment.amount().formatted()))
          .append("</b> of the credit <b>")
          .append(e(p.client().name()))
          .append("</b> holds to this invoice on ")
          .append(Dates.day(payment.receivedOn()))
          .append(". No new money was received: the credit came from an earlier payment.");
    } else {
      h.append(e(p.vendor().name()))
          .append("</b> acknowledges receipt of <b>")
          .append(e(payment.amount().formatted()))
          .append("</b> from <b>")
          .append(e(p.client().name()))
          .append("</b> on ")
          .append(Dates.day(payment.receivedOn()))
          .append(".");
    }
    h.append("</p><table>")
        .append(row("For invoice", i.number() == null ? "" : i.number()))
        .append(row("Project", p.project()));
    if (p.milestone() != null) {
      h.append(row("Milestone", p.milestone()));
    }
    h.append(
            row(
                "Paid by",
                switch (payment.channel()) {
                      case "bank" -> "bank transfer";
                      case "stripe" -> "card (online)";
                      case io.tranche.app.invoice.ClientCredits.CHANNEL ->
                          "your credit with " + p.vendor().name();
                      default -> payment.channel();
                    }
                    + (payment.reference() == null ? "" : " · " + payment.reference())))
        .append(row("Invoice total", i.total().formatted()))
        .append(row("Paid on this invoice so far", figures.paidSoFar().formatted()))
        .append(row("Still open on this invoice", figures.stillOpen().formatted()))
        .append("</table>");
    MoneyJson credit = keptAsCredit(workspaceId, payment);
    if (credit.amountMinor() > 0) {
      h.append("<p>")
          .append(e(credit.formatted()))
          .append(" of this was more than the invoice asked for when it arrived. It is kept as ")
          .append(e(p.client().name()))
          .append("'s credit with ")
          .append(e(p.vendor().name()))
          .append(", to pay a later invoice or to be paid back.</p>");
    }
    // the payment that settled the invoice (not money that arrived after it was settled), told
    // only by a receipt that kept its figures: an older one cannot know which payment that was
    if (kept.isPresent()
        && figures.stillOpen().amountMinor() == 0
        && credit.amountMinor() < payment.amount().amountMinor()
        && p.milestone() != null
        && !p.unlocks().isEmpty()) {
      h.append("<h2>What this payment opened</h2><p>With it, invoice ")
          .append(e(i.number()))
          .append(" is paid in full: the deliverables of ")
          .append(e(p.milestone()))
          .append(" (<b>")
          .append(e(String.join(", ", p.unlocks())))
          .append("</b>) are released to you, unless a dispute holds them.</p>");
    }
    h.append("<p class=\"small\">Receipt ").append(e(number)).append("</p></body></html>");
    return rendered.pdf(workspaceId, payment.id(), "receipt-" + number + ".pdf", h.toString());
  }

  /** The part of a payment that went to the client's credit when it was posted. */
  private MoneyJson keptAsCredit(UUID workspaceId, PaymentView payment) {
    long kept =
        ledger.postings(workspaceId, List.of(payment.id())).stream()
            .filter(x -> x.kind().equals("payment.received"))
            .filter(
                x ->
                    io.tranche.core.ledger.Account.parse(x.account()).kind()
                        == io.tranche.core.ledger.Account.Kind.CLIENT_CREDIT)
            .mapToLong(x -> -x.amount().amountMinor())
            .sum();
    return new MoneyJson(kept, payment.amount().currency());
  }

  /**
   * A credit note as a PDF: both businesses, its own number and date, the invoice it corrects (its
   * number, issue and supply date), why, and net, tax and gross taken back at each tax rate.
   */
  public Download creditNote(
      UUID workspaceId, CreditNote note, InvoiceView i, Parties p, @Nullable String taxNote) {
    StringBuilder h = new StringBuilder(Pdfs.open("Credit note " + note.number()));
    h.append("<h1>Credit note ").append(e(note.number())).append("</h1>").append(parties(p));
    h.append("<table>")
        .append(row("Credit note number", note.number()))
        .append(row("Issue date", Dates.day(note.issuedOn())))
        .append(row("Corrects invoice", i.number() == null ? "" : i.number()))
        .append(row("Invoice date", Dates.day(i.issuedOn())))
        .append(row("Supply date", Dates.day(i.issuedOn())))
        .append(row("Project", p.project()));
    if (p.milestone() != null) {
      h.append(row("Milestone", p.milestone()));
    }
    h.append(row("Reason", note.reason()))
        .append("</table>")
        .append("<table><tr><th>Tax rate</th><th class=\"num\">Net</th>")
        .append("<th class=\"num\">Tax</th><th class=\"num\">Gross</th></tr>");
    for (CreditNote.Share s : note.shares()) {
      h.append("<tr><td>")
          .append(rate(s.taxRateBasisPoints()))
          .append("</td><td class=\"num\">")
          .append(e(MoneyJson.of(s.net().negate()).formatted()))
          .append("</td><td class=\"num\">")
          .append(e(MoneyJson.of(s.tax().negate()).formatted()))
          .append("</td><td class=\"num\">")
          .append(e(MoneyJson.of(s.gross().negate()).formatted()))
          .append("</td></tr>");
    }
    h.append("</table><table>")
        .append(money("Net", MoneyJson.of(note.net().negate()), false))
        .append(money("Tax", MoneyJson.of(note.tax().negate()), false))
        .append(money("Total credited", MoneyJson.of(note.total().negate()), true))
        .append("</table>")
        .append(
            note.shares().stream().anyMatch(s -> s.taxRateBasisPoints() == 0)
                ? taxNote(taxNote)
                : "")
        .append("<p>This credit note reduces what invoice ")
        .append(e(i.number()))
        .append(" asks for by ")
        .append(e(MoneyJson.of(note.total()).formatted()))
        .append(".</p></body></html>");
    return rendered.pdf(
        workspaceId, note.id(), "credit-note-" + note.number() + ".pdf", h.toString());
  }

  /** Why lines carry no tax, in the workspace's words, when it gave them. */
  private static String taxNote(@Nullable String note) {
    return note == null || note.isBlank() ? "" : "<p class=\"tax-note\"><b>" + e(note) + "</b></p>";
  }

  /** The two businesses side by side: who it is from, who it is for. */
  private static String parties(Parties p) {
    String logo =
        p.vendorLogo() == null
            ? ""
            : "<p><img src=\""
                + e(p.vendorLogo())
                + "\" alt=\""
                + e(p.vendor().name())
                + "\" style=\"max-height:60px;max-width:240px\"/></p>";
    return logo
        + "<table class=\"parties\"><tr><th>From</th><th>To</th></tr><tr><td>"
        + party(p.vendor())
        + "</td><td>"
        + party(p.client())
        + "</td></tr></table>";
  }

  private static String party(Party party) {
    return Pdfs.party(party.name(), party.address(), party.taxId());
  }

  /** Net, tax and gross for each tax rate the lines use. */
  private static String perRate(InvoiceView i) {
    Map<Integer, long[]> byRate = new TreeMap<>();
    for (InvoiceView.Line l : i.lines()) {
      long net = l.unitPrice().amountMinor() * l.quantity();
      long[] sums = byRate.computeIfAbsent(l.taxRateBasisPoints(), k -> new long[3]);
      sums[0] += net;
      sums[1] += l.gross().amountMinor() - net;
      sums[2] += l.gross().amountMinor();
    }
    String currency = i.total().currency();
    StringBuilder h =
        new StringBuilder(
            "<table><tr><th>Tax rate</th><th class=\"num\">Net</th><th class=\"num\">Tax</th>"
                + "<th class=\"num\">Gross</th></tr>");
    byRate.forEach(
        (bp, sums) ->
            h.append("<tr><td>")
                .append(rate(bp))
                .append("</td><td class=\"num\">")
                .append(e(new MoneyJson(sums[0], currency).formatted()))
                .append("</td><td class=\"num\">")
                .append(e(new MoneyJson(sums[1], currency).formatted()))
                .append("</td><td class=\"num\">")
                .append(e(new MoneyJson(sums[2], currency).formatted()))
                .append("</td></tr>"));
    return h.append("</table>").toString();
  }

  private static String rate(int basisPoints) {
    return BigDecimal.valueOf(basisPoints, 2).stripTrailingZeros().toPlainString() + " %";
  }

  private static String money(String label, MoneyJson amount, boolean bold) {
    String value = e(amount.formatted());
    return "<tr><td>"
        + (bold ? "<b>" + e(label) + "</b>" : e(label))
        + "</td><td class=\"num\">"
        + (bold ? "<b>" + value + "</b>" : value)
        + "</td></tr>";
  }

  private static String row(String label, String value) {
    return Pdfs.row(label, value);
  }

  private static String e(@Nullable String text) {
    return Pdfs.escape(text == null ? "" : text);
  }
}
