package io.tranche.app.dunning.web;

import io.tranche.app.dunning.Receivables;
import io.tranche.app.platform.Dates;
import io.tranche.app.project.StopWork;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * What pages show of dunning beside their own content ({@code @dunningViews} in templates): the
 * stop-work notice on every page of a paused project, and an invoice's reminders.
 */
@Component("dunningViews")
public class DunningViews {
  private final StopWork stopWork;
  private final Receivables receivables;

  DunningViews(StopWork stopWork, Receivables receivables) {
    this.stopWork = stopWork;
    this.receivables = receivables;
  }

  /**
   * The pause the page's project is in, for the signed-in person (the page itself checked that they
   * may see the project).
   */
  public Optional<StopWork.Pause> pause(UUID projectId) {
    return io.tranche.app.platform.CurrentActor.get()
        .flatMap(actor -> stopWork.of(actor.workspaceId(), projectId));
  }

  /** The notice's words for the vendor, or for the client. */
  public String words(StopWork.Pause pause, boolean vendor) {
    String invoice =
        "invoice "
            + pause.invoiceNumber()
            + " ("
            + pause.open()
            + ", due "
            + Dates.day(pause.dueOn())
            + ")";
    return vendor
        ? "Stop-work: "
            + invoice
            + " is overdue. New deliveries, previews and preview licences of this project are"
            + " paused; releases already paid for are not touched. Payment lifts it by itself."
        : "Work on this project is paused until "
            + invoice
            + " is paid. Paying it lifts the pause at once; what you have already paid for stays"
            + " available.";
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
