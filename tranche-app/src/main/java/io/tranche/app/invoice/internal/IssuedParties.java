package io.tranche.app.invoice.internal;

import io.tranche.app.invoice.InvoiceView;
import io.tranche.app.platform.Actor;
import io.tranche.core.invoice.Invoice;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who an invoice is from and for, kept as it was on the day it was issued (both businesses'
 * details, the logo, the project and part, what paying unlocks, how to pay, why a line carries no
 * tax). The invoice, its receipts and its credit notes are rendered from this, so a business that
 * changes its name, address or logo later does not rewrite documents already sent. Invoices issued
 * before this was kept have none and show the current details.
 */
@Component
public class IssuedParties {
  /**
   * The parties and payment instructions of an issued invoice, and the workspace's note for lines
   * without tax (none in snapshots kept before it was).
   */
  public record Snapshot(
      InvoicePdf.Parties parties,
      String paymentInstructions,
      @org.jspecify.annotations.Nullable String taxNote) {}

  private final JdbcClient jdbc;
  private final JsonMapper json;
  private final DocumentParties parties;
  private final PaymentInstructions instructions;
  private final io.tranche.app.workspace.SettingsService settings;
  private final Clock clock;

  IssuedParties(
      JdbcClient jdbc,
      JsonMapper json,
      DocumentParties parties,
      PaymentInstructions instructions,
      io.tranche.app.workspace.SettingsService settings,
      Clock clock) {
    this.jdbc = jdbc;
    this.json = json;
    this.parties = parties;
    this.instructions = instructions;
    this.settings = settings;
    this.clock = clock;
  }

  /** Keeps the parties of an invoice being issued, in the issuing transaction. */
  public void keep(Invoice issued) {
    var workspace = settings.settings(issued.workspaceId());
    Snapshot snapshot =
        new Snapshot(
            parties.of(
                Actor.workspace(issued.workspaceId(), "documents"),
                InvoiceView.of(issued, clock.instant())),
            instructions.of(workspace),
            workspace.taxNote());
    jdbc.sql(
            """
            insert into invoice_parties (invoice_id, workspace_id, snapshot) values (?, ?, ?)
            """)
        .params(issued.id(), issued.workspaceId(), json.writeValueAsString(snapshot))
        .update();
  }

  /**
   * What an invoice's documents say about lines without tax: the note it was issued with; for one
   * issued before parties were kept, today's; none for one kept before the note was.
   */
  public @org.jspecify.annotations.Nullable String taxNote(UUID workspaceId, UUID invoiceId) {
    Optional<Snapshot> kept = of(workspaceId, invoiceId);
    return kept.isPresent() ? kept.get().taxNote() : settings.settings(workspaceId).taxNote();
  }

  /** The parties an invoice was issued with, if they were kept. */
  public Optional<Snapshot> of(UUID workspaceId, UUID invoiceId) {
    return jdbc.sql(
            "select snapshot from invoice_parties where workspace_id = ? and invoice_id = ?")
        .params(workspaceId, invoiceId)
        .query(String.class)
        .optional()
        .map(text -> json.readValue(text, Snapshot.class));
  }
}
