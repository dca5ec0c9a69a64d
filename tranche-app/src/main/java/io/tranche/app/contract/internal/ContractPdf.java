package io.tranche.app.contract.internal;

import io.tranche.app.contract.QuoteView;
import io.tranche.app.contract.SignatureView;
import io.tranche.app.platform.Pdfs;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Renders a contract as a PDF with openhtmltopdf: both parties (name, address, VAT or tax id), the
 * accepted quote (scope, timeline, lines, totals, payment plan, terms), the workspace's signing key
 * fingerprint and the document hash, and a final certificate of completion listing every signature.
 * Fonts are embedded (DejaVu Sans, shipped with the app); nothing is fetched from the network.
 */
@Component
public class ContractPdf {
  /** A signature's moment as people read it, to the millisecond the evidence log keeps it. */
  private static final java.time.format.DateTimeFormatter SIGNED_AT =
      java.time.format.DateTimeFormatter.ofPattern(
              "d MMM yyyy, HH:mm:ss.SSS 'UTC'", java.util.Locale.ENGLISH)
          .withZone(java.time.ZoneOffset.UTC);

  /** A party as the contract names it: the business, its address and VAT or tax id. */
  public record Party(
      String name,
      @org.jspecify.annotations.Nullable String address,
      @org.jspecify.annotations.Nullable String taxId) {}

  /** What goes into a contract's PDF. */
  public record Contents(
      String contractId,
      Party vendor,
      Party client,
      String projectName,
      QuoteView quote,
      String signingKeyFingerprint,
      List<SignatureView> signatures) {}

  public byte[] render(Contents c) {
    return Pdfs.render(html(c));
  }

  static String html(Contents c) {
    QuoteView q = c.quote();
    StringBuilder h = new StringBuilder();
    h.append(Pdfs.open("Contract"));
    h.append("<h1>Contract</h1>");
    h.append("<p>Between <b>")
        .append(e(c.vendor().name()))
        .append("</b> (the vendor) and <b>")
        .append(e(c.client().name()))
        .append("</b> (the client), for the project <b>")
        .append(e(c.projectName()))
        .append("</b>.</p>");
    h.append("<table class=\"parties\"><tr><th>The vendor</th><th>The client</th></tr><tr><td>")
        .append(party(c.vendor()))
        .append("</td><td>")
        .append(party(c.client()))
        .append("</td></tr></table>");
    // the offer's validity ended its part when it was signed: the contract names its version
    h.append("<p class=\"small\">Contract ")
        .append(e(c.contractId()))
        .append(" · quote version ")
        .append(q.version())
        .append("</p>");
    h.append("<h2>Scope</h2><p class=\"pre\">").append(e(q.scope())).append("</p>");
    h.append("<h2>Timeline</h2><p class=\"pre\">").append(e(q.timeline())).append("</p>");
    h.append("<h2>Price</h2><table><tr><th>Item</th><th class=\"num\">Qty</th>")
        .append("<th class=\"num\">Unit price</th><th class=\"num\">Total</th></tr>");
    for (QuoteView.Line l : q.lines()) {
      h.append("<tr><td>")
          .append(e(l.description()))
          .append("</td><td class=\"num\">")
          .append(l.quantity())
          .append("</td><td class=\"num\">")
          .append(e(l.unitPrice().formatted()))
          .append("</td><td class=\"num\">")
          .append(e(l.total().formatted()))
          .append("</td></tr>");
    }
    h.append("<tr><td colspan=\"3\">Net</td><td class=\"num\">")
        .append(e(q.net().formatted()))
        .append("</td></tr><tr><td colspan=\"3\">Tax ")
        .append(e(q.taxRate()))
        .append("</td><td class=\"num\">")
        .append(e(q.tax().formatted()))
        .append("</td></tr><tr><td colspan=\"3\"><b>Total</b></td><td class=\"num\"><b>")
        .append(e(q.gross().formatted()))
        .append("</b></td></tr></table>");
    h.append("<h2>Payment plan</h2><table><tr><th>#</th><th>Milestone</th><th>Invoiced at</th>")
        .append("<th class=\"num\">Amount</th></tr>");
    int i = 1;
    for (QuoteView.PlannedPart p : q.milestones()) {
      h.append("<tr><td>")
          .append(i++)
          .append("</td><td>")
          .append(e(p.name()))
          .append("</td><td>")
          .append(e(trigger(p.trigger().name())))
          .append("</td><td class=\"num\">")
          .append(e(p.amount().formatted()))
          .append("</td></tr>");
    }
    h.append("</table>");
    h.append("<h2>Terms</h2><ul>")
        .append("<li>Review period for accepting delivered work: ")
        .append(q.terms().reviewDays())
        .append(" days; work not refused within it counts as accepted.</li>")
        .append("<li>Modification window after release: ")
        .append(q.terms().modificationDays())
        .append(" days for minor changes; larger changes are quoted as change orders.</li>")
        .append("<li>Credit limit (value handed over beyond payments received): ")
        .append(e(q.terms().creditLimit().formatted()))
        .append(".</li>")
        .append(
            "<li>Each payment releases the part of the work it covers; sealed deliverables come")
        .append(" with signed delivery receipts.")
        .append(
            q.terms().earlyCiphertextDownload()
                ? " The client may download sealed deliverables and their receipts before paying."
                : " Sealed deliverables are downloadable once released.")
        .append("</li></ul>");
    h.append("<h2>Verification</h2><p class=\"hash\">Document SHA-256: ")
        .append(e(q.documentHash()))
        .append("<br/>Vendor signing key (Ed25519) fingerprint: ")
        .append(e(c.signingKeyFingerprint()))
        .append("</p>");
    h.append("<div class=\"cert\"><h1>Certificate of completion</h1>")
        .append("<p>Every signature below binds to document SHA-256 <span class=\"hash\">")
        .append(e(q.documentHash()))
        .append("</span>.</p>");
    for (SignatureView s : c.signatures()) {
      h.append("<h2>")
          .append(e(s.role().equals("CLIENT") ? "Client signature" : "Vendor signature"))
          .append("</h2><table>")
          .append(row("Typed name", s.typedName()))
          .append(row("Account", s.signerEmail() + " (" + s.signer() + ")"))
          .append(row("Signed at", SIGNED_AT.format(s.signedAt())))
          .append(row("Network address", s.ip()))
          .append(row("Browser", s.userAgent()))
          .append(row("Document SHA-256", s.documentHash()))
          .append(row("Consent", s.consentText()))
          .append("</table>");
    }
    h.append("</div></body></html>");
    return h.toString();
  }

  private static String party(Party p) {
    StringBuilder s = new StringBuilder("<b>").append(e(p.name())).append("</b>");
    if (p.address() != null && !p.address().isBlank()) {
      for (String line : p.address().strip().split("\\R")) {
        s.append("<br/>").append(e(line));
      }
    }
    if (p.taxId() != null && !p.taxId().isBlank()) {
      s.append("<br/>VAT/tax id: ").append(e(p.taxId()));
    }
    return s.toString();
  }

  private static String row(String label, String value) {
    return "<tr><th style=\"width:32%\">"
        + e(label)
        + "</th><td class=\"hash\">"
        + e(value)
        + "</td></tr>";
  }

  private static String trigger(String trigger) {
    return switch (trigger) {
      case "CONTRACT_SIGNED" -> "contract signature";
      case "ACCEPTANCE" -> "acceptance of the work";
      case "FINAL_DEMO" -> "acceptance of the final demo, before release";
      default -> trigger;
    };
  }

  private static String e(String text) {
    return Pdfs.escape(text);
  }
}
