package io.tranche.app.dunning.web;

import io.tranche.app.dunning.Receivables;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * What pages show of dunning beside their own content ({@code @dunningViews} in templates): an
 * invoice's reminders. (The stop-work notice every page of a paused project shows comes with the
 * project's tabs, {@code io.tranche.app.pages.PageParts}.)
 */
@Component("dunningViews")
public class DunningViews {
  private final Receivables receivables;

  DunningViews(Receivables receivables) {
    this.receivables = receivables;
  }

  /** The reminders sent about the invoices a page shows, read at once: {@code .of(invoiceId)}. */
  public Histories reminders(List<io.tranche.app.invoice.InvoiceView> shown) {
    return new Histories(
        io.tranche.app.platform.CurrentActor.get()
            .map(actor -> receivables.reminders(actor, shown))
            .orElse(Map.of()));
  }

  /** Reminder histories by invoice. */
  public record Histories(Map<UUID, List<Receivables.Reminder>> byInvoice) {
    public List<Receivables.Reminder> of(UUID invoiceId) {
      return byInvoice.getOrDefault(invoiceId, List.of());
    }
  }

  /** The reminders sent about an invoice the signed-in person may see. */
  public List<Receivables.Reminder> reminders(UUID invoiceId) {
    return io.tranche.app.platform.CurrentActor.get()
        .map(actor -> receivables.reminders(actor, invoiceId))
        .orElse(List.of());
  }
}
