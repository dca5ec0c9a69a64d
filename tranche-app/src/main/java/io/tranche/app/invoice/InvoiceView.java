package io.tranche.app.invoice;

import io.tranche.app.platform.MoneyJson;
import io.tranche.core.invoice.Invoice;
import io.tranche.core.invoice.InvoiceState;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An invoice as the API and pages show it; {@code state} is as of the request (OVERDUE read). */
public record InvoiceView(
    UUID id,
    UUID projectId,
    UUID clientId,
    @Nullable UUID milestoneId,
    @Nullable String number,
    InvoiceState state,
    List<Line> lines,
    MoneyJson net,
    MoneyJson tax,
    MoneyJson total,
    MoneyJson paid,
    MoneyJson credited,
    MoneyJson open,
    @Nullable LocalDate issuedOn,
    @Nullable LocalDate dueOn) {

  /** A line with its totals. */
  public record Line(
      String description,
      long quantity,
      MoneyJson unitPrice,
      int taxRateBasisPoints,
      MoneyJson gross) {}

  public static InvoiceView of(Invoice i, Instant now) {
    return new InvoiceView(
        i.id(),
        i.projectId(),
        i.clientId(),
        i.milestoneId(),
        i.number(),
        i.stateAt(now),
        i.lines().stream()
            .map(
                l ->
                    new Line(
                        l.description(),
                        l.quantity(),
                        MoneyJson.of(l.unitPrice()),
                        l.taxRateBasisPoints(),
                        MoneyJson.of(l.gross())))
            .toList(),
        MoneyJson.of(i.net()),
        MoneyJson.of(i.tax()),
        MoneyJson.of(i.total()),
        MoneyJson.of(i.paid()),
        MoneyJson.of(i.credited()),
        MoneyJson.of(i.open()),
        i.issuedOn(),
        i.dueOn());
  }
}
