package io.tranche.app.invoice.internal;

import io.tranche.app.invoice.InvoiceView;
import io.tranche.app.invoice.PaymentView;
import io.tranche.app.platform.Download;
import io.tranche.app.platform.Pdfs;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The invoice PDF and the payment acknowledgement (receipt) PDF, each rendered once per distinct
 * content ({@link RenderedDocuments}).
 */
@Component
public class InvoicePdf {
  private final RenderedDocuments rendered;

  InvoicePdf(RenderedDocuments rendered) {
    this.rendered = rendered;
  }

  /** Who the documents are from and for. */
  public record Parties(String vendor, String client, String project) {}

  public Download invoice(UUID workspaceId, InvoiceView i, Parties p, String paymentInstructions) {
    StringBuilder h = new StringBuilder(Pdfs.open("Invoice " + i.number()));
    h.append("<h1>Invoice ")
        .append(e(i.number()))
        .append("</h1>")
        .append("<p>From <b>")
        .append(e(p.vendor()))
        .append("</b> to <b>")
        .append(e(p.client()))
        .append("</b> for the project <b>")
        .append(e(p.project()))
        .append("</b>.</p>")
        .append("<p>Issued on ")
        .append(i.issuedOn())
        .append(" · due on <b>")
        .append(i.dueOn())
        .append("</b></p>")
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
          .append(java.math.BigDecimal.valueOf(l.taxRateBasisPoints(), 2).toPlainString())
          .append(" %</td><td class=\"num\">")
          .append(e(l.gross().formatted()))
          .append("</td></tr>");
    }
    h.append("<tr><td colspan=\"4\">Net</td><td class=\"num\">")
        .append(e(i.net().formatted()))
        .append("</td></tr>")
        .append("<tr><td colspan=\"4\">Tax</td><td class=\"num\">")
        .append(e(i.tax().formatted()))
        .append("</td></tr>")
        .append("<tr><td colspan=\"4\"><b>Total</b></td><td class=\"num\"><b>")
        .append(e(i.total().formatted()))
        .append("</b></td></tr><tr><td colspan=\"4\">Paid</td><td class=\"num\">")
        .append(e(i.paid().formatted()))
        .append("</td></tr><tr><td colspan=\"4\"><b>Open</b></td><td class=\"num\"><b>")
        .append(e(i.open().formatted()))
        .append("</b></td></tr></table>")
        .append("<h2>How to pay</h2><p class=\"pre\">")
        .append(e(paymentInstructions))
        .append("</p>")
        .append("<p class=\"small\">Please quote ")
        .append(e(i.number()))
        .append(" with your payment.</p></body></html>");
    return rendered.pdf(workspaceId, i.id(), "invoice-" + i.number() + ".pdf", h.toString());
  }

  public Download receipt(UUID workspaceId, PaymentView payment, InvoiceView i, Parties p) {
    StringBuilder h = new StringBuilder(Pdfs.open("Receipt"));
    h.append("<h1>Payment acknowledgement</h1>")
        .append("<p><b>")
        .append(e(p.vendor()))
        .append("</b> acknowledges receipt of <b>")
        .append(e(payment.amount().formatted()))
        .append("</b> from <b>")
        .append(e(p.client()))
        .append("</b> on ")
        .append(payment.receivedOn())
        .append(".</p><table>")
        .append(row("For invoice", i.number() == null ? "" : i.number()))
        .append(row("Project", p.project()))
        .append(
            row(
                "Paid by",
                payment.channel()
                    + (payment.reference() == null ? "" : " · " + payment.reference())))
        .append(row("Invoice total", i.total().formatted()))
        .append(row("Paid on this invoice so far", i.paid().formatted()))
        .append(row("Still open on this invoice", i.open().formatted()))
        .append("</table><p class=\"small\">Receipt ")
        .append(payment.id())
        .append("</p></body></html>");
    return rendered.pdf(
        workspaceId, payment.id(), "receipt-" + payment.id() + ".pdf", h.toString());
  }

  private static String row(String label, String value) {
    return "<tr><th style=\"width:40%\">" + e(label) + "</th><td>" + e(value) + "</td></tr>";
  }

  private static String e(String text) {
    return Pdfs.escape(text);
  }
}
