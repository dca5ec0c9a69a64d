package io.tranche.app.invoice;

import io.tranche.app.invoice.internal.CreditNoteRepository;
import io.tranche.app.invoice.internal.InvoiceAccess;
import io.tranche.app.invoice.internal.LedgerRepository;
import io.tranche.app.invoice.internal.Settlement;
import io.tranche.app.platform.Access;
import io.tranche.app.platform.Actor;
import io.tranche.app.workspace.WorkspaceService;
import io.tranche.core.error.DomainException;
import io.tranche.core.error.Validation;
import io.tranche.core.invoice.CreditNote;
import io.tranche.core.invoice.Invoice;
import io.tranche.core.ledger.Ledger;
import io.tranche.core.money.Money;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Credit notes: the documents that correct an issued invoice without editing it. A member issues
 * one for part or all of what is open; voiding an invoice issues one for what it asked. Each is
 * numbered in its own series, posted to the ledger at each tax rate, kept as evidence, and mailed
 * to the client's contacts with its PDF.
 */
@Service
public class CreditNotes {
  private final InvoiceAccess access;
  private final CreditNoteRepository notes;
  private final LedgerRepository ledger;
  private final Settlement settlement;
  private final WorkspaceService workspaces;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  CreditNotes(
      InvoiceAccess access,
      CreditNoteRepository notes,
      LedgerRepository ledger,
      Settlement settlement,
      WorkspaceService workspaces,
      ApplicationEventPublisher events,
      Clock clock) {
    this.access = access;
    this.notes = notes;
    this.ledger = ledger;
    this.settlement = settlement;
    this.workspaces = workspaces;
    this.events = events;
    this.clock = clock;
  }

  /** A member credits part or all of what is open on an issued invoice. */
  @Transactional
  public InvoiceView issue(Actor actor, UUID invoiceId, Money amount, String reason) {
    Access.member(actor);
    String why = Validation.text("reason", reason, 1000);
    Invoice invoice = access.load(actor, invoiceId);
    Settlement.requireCurrency(invoice, amount);
    if (amount.compareTo(invoice.open()) > 0 || amount.isNegative() || amount.isZero()) {
      throw DomainException.field(
          InvoiceService.TOO_MUCH_CREDIT, "amount", Map.of("open", invoice.open().toString()));
    }
    Invoice next = invoice.credit(amount);
    record(invoice, amount, why, actor.label());
    settlement.store(invoice, next);
    settlement.afterSettlement(invoice, next);
    return InvoiceView.of(next, clock.instant());
  }

  /**
   * Issues the credit note document for {@code amount} of {@code invoice}: numbered, its shares per
   * tax rate posted to the ledger, announced (evidence, and a mail with its PDF). The caller
   * changes the invoice's state.
   */
  @Transactional
  public CreditNote record(Invoice invoice, Money amount, String reason, String actor) {
    UUID ws = invoice.workspaceId();
    LocalDate today = workspaces.today(ws);
    CreditNote note =
        new CreditNote(
            UUID.randomUUID(),
            invoice.id(),
            CreditNote.number(
                workspaces.invoiceSettings(ws).prefix(),
                today.getYear(),
                notes.nextSequence(ws, today.getYear())),
            today,
            reason,
            CreditNote.split(invoice, amount));
    notes.insert(ws, note, clock.instant());
    ledger.append(
        ws,
        Ledger.creditNote(
            note.id(), // the credit note's own transaction, referencing the invoice
            invoice.id(),
            clock.instant(),
            invoice.clientId(),
            note.net(),
            note.tax()));
    events.publishEvent(
        new InvoiceEvent.CreditNoteIssued(
            ws,
            invoice.projectId(),
            actor,
            invoice.id(),
            note.id(),
            note.number(),
            amount,
            reason));
    return note;
  }

  /** The credit notes of an invoice the caller may see, oldest first. */
  @Transactional(readOnly = true)
  public List<CreditNote> of(Actor actor, UUID invoiceId) {
    access.load(actor, invoiceId);
    return notes.ofInvoice(actor.workspaceId(), invoiceId);
  }

  /** The credit notes of a page of invoices the caller has already been shown, by invoice. */
  @Transactional(readOnly = true)
  public Map<UUID, List<CreditNote>> ofInvoices(Actor actor, List<UUID> invoiceIds) {
    return notes.ofInvoices(actor.workspaceId(), invoiceIds);
  }
}
