package io.tranche.app.portal;

import io.tranche.app.invoice.InvoiceView;
import io.tranche.app.invoice.PaymentView;
import io.tranche.core.project.Timeline;
import java.util.List;

/**
 * An invoice with money open on it, as the client's panel shows it, with the transfers the client
 * reported that wait for the vendor's confirmation.
 */
public record OpenInvoice(InvoiceView invoice, Timeline.Owed owed, List<PaymentView> reported) {
  public OpenInvoice {
    reported = List.copyOf(reported);
  }

  /** The due date in words, or nothing when the invoice has none. */
  public String due() {
    return owed.dueOn() == null ? "" : Timeline.day(owed.dueOn());
  }
}
