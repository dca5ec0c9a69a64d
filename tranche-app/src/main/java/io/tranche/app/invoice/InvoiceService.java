package io.tranche.app.invoice;

import io.tranche.app.invoice.internal.InvoiceAccess;
import io.tranche.app.invoice.internal.InvoiceRepository;
import io.tranche.app.invoice.internal.LedgerRepository;
import io.tranche.app.invoice.internal.Settlement;
import io.tranche.app.platform.Access;
import io.tranche.app.platform.Actor;
import io.tranche.app.platform.Errors;
import io.tranche.app.platform.PageOf;
import io.tranche.app.platform.Paging;
import io.tranche.app.project.MilestoneService;
import io.tranche.app.project.ProjectService;
import io.tranche.core.error.DomainException;
import io.tranche.core.error.ErrorCode;
import io.tranche.core.error.ErrorKind;
import io.tranche.core.invoice.Invoice;
import io.tranche.core.invoice.InvoiceLine;
import io.tranche.core.invoice.InvoiceState;
import io.tranche.core.invoice.MilestoneInvoices;
import io.tranche.core.ledger.Account;
import io.tranche.core.milestone.Milestone;
import io.tranche.core.milestone.MilestoneAction;
import io.tranche.core.money.Money;
import io.tranche.core.money.MoneyErrors;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invoices: milestone invoices issued on their trigger, invoices issued by hand, and reading them
 * with their payments and postings. Money moves through {@link PaymentService} (members and
 * clients) and {@link ProviderPayments} (payment providers); a milestone invoice that becomes PAID
 * marks its milestone PAID; one that credit notes alone settle (CREDITED) leaves it where it was.
 */
@Service
public class InvoiceService {
  public static final ErrorCode WRONG_CURRENCY =
      new ErrorCode(
          "payment.currency-mismatch",
          ErrorKind.INVALID,
          "the invoice is in {expected}; a payment in {given} cannot settle it");
  public static final ErrorCode TOO_MUCH_CREDIT =
      new ErrorCode(
          "credit-note.too-large",
          ErrorKind.INVALID,
          "a credit note can reduce at most what is open ({open})");

  private final InvoiceRepository invoices;
  private final LedgerRepository ledger;
  private final ProjectService projects;
  private final MilestoneService milestones;
  private final InvoiceAccess access;
  private final Settlement settlement;
  private final Clock clock;

  InvoiceService(
      InvoiceRepository invoices,
      LedgerRepository ledger,
      ProjectService projects,
      MilestoneService milestones,
      InvoiceAccess access,
      Settlement settlement,
      Clock clock) {
    this.invoices = invoices;
    this.ledger = ledger;
    this.projects = projects;
    this.milestones = milestones;
    this.access = access;
    this.settlement = settlement;
    this.clock = clock;
  }

  /**
   * Issues the invoice of a milestone whose trigger fired, and moves the milestone to INVOICED; at
   * most one live invoice per milestone.
   */
  @Transactional
  public @Nullable InvoiceView issueForMilestone(UUID workspaceId, UUID milestoneId, String actor) {
    Milestone m =
        milestones
            .find(workspaceId, milestoneId)
            .orElseThrow(Errors.notFoundSupplier("milestone", milestoneId));
    if (invoices.existsForMilestone(workspaceId, milestoneId)) {
      return null;
    }
    UUID project = m.projectId().value();
    List<InvoiceLine> lines =
        MilestoneInvoices.lines(m.name(), m.amount(), projects.taxRateOf(workspaceId, project));
    Invoice issued =
        settlement.issue(
            Invoice.draft(
                workspaceId, project, projects.clientOf(workspaceId, project), milestoneId, lines),
            actor);
    milestones.transitionAsSystem(workspaceId, milestoneId, MilestoneAction.INVOICE);
    return InvoiceView.of(issued, clock.instant());
  }

  /** Issues an invoice by hand (members): lines of the project's currency. */
  @Transactional
  public InvoiceView issueManual(Actor actor, UUID projectId, List<InvoiceLine> lines) {
    Access.member(actor);
    projects.requireVisible(actor, projectId);
    String currency = projects.currencyOf(actor.workspaceId(), projectId);
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).unitPrice().currency().getCurrencyCode().equals(currency)) {
        throw DomainException.field(
            MoneyErrors.CURRENCY_MISMATCH,
            "lines[" + i + "].unitPrice",
            Map.of(
                "left", currency, "right", lines.get(i).unitPrice().currency().getCurrencyCode()));
      }
    }
    Invoice draft =
        Invoice.draft(
            actor.workspaceId(),
            projectId,
            projects.clientOf(actor.workspaceId(), projectId),
            null,
            lines);
    return InvoiceView.of(settlement.issue(draft, actor.label()), clock.instant());
  }

  /**
   * Posts a late fee for an overdue invoice as an invoice of its own (a system step of dunning):
   * one line, no tax (a late fee is compensation, not a supply), mailed like any invoice.
   */
  @Transactional
  public InvoiceView issueLateFee(
      UUID workspaceId, UUID invoiceId, Money fee, String description, String actor) {
    Invoice late =
        invoices
            .find(workspaceId, invoiceId)
            .orElseThrow(Errors.notFoundSupplier("invoice", invoiceId));
    Invoice draft =
        Invoice.draft(
            workspaceId,
            late.projectId(),
            late.clientId(),
            null,
            List.of(new InvoiceLine(description, 1, fee, 0)));
    Invoice issued = settlement.issue(draft, actor);
    invoices.markLateFee(workspaceId, issued.id(), invoiceId);
    return InvoiceView.of(issued, clock.instant());
  }

  /** A page of a project's invoices, oldest first. */
  @Transactional(readOnly = true)
  public PageOf<InvoiceView> invoices(Actor actor, UUID projectId, Paging paging) {
    projects.requireVisible(actor, projectId);
    Instant now = clock.instant();
    return invoices
        .ofProject(actor.workspaceId(), projectId, paging)
        .map(i -> InvoiceView.of(i, now));
  }

  /** A project's invoices that still ask for money, oldest first: what its client owes. */
  @Transactional(readOnly = true)
  public List<InvoiceView> owing(Actor actor, UUID projectId) {
    projects.requireVisible(actor, projectId);
    Instant now = clock.instant();
    return invoices.owingOfProject(actor.workspaceId(), projectId).stream()
        .map(i -> InvoiceView.of(i, now))
        .toList();
  }

  @Transactional(readOnly = true)
  public InvoiceView invoice(Actor actor, UUID id) {
    return InvoiceView.of(access.load(actor, id), clock.instant());
  }

  @Transactional(readOnly = true)
  public List<PaymentView> payments(Actor actor, UUID invoiceId) {
    access.load(actor, invoiceId);
    return invoices.payments(actor.workspaceId(), invoiceId);
  }

  /** The payments of a project's invoices, by invoice id (one statement for a whole page). */
  @Transactional(readOnly = true)
  public Map<UUID, List<PaymentView>> paymentsOfProject(Actor actor, UUID projectId) {
    projects.requireVisible(actor, projectId);
    return invoices.paymentsOfProject(actor.workspaceId(), projectId);
  }

  /**
   * The ledger postings of invoices a page shows and of their payments, by invoice, in one
   * statement (members). The invoices and payments are ones the caller was given by access-checked
   * reads.
   */
  @Transactional(readOnly = true)
  public Map<UUID, List<PostingView>> postings(
      Actor actor, List<InvoiceView> shown, Map<UUID, List<PaymentView>> payments) {
    Access.member(actor);
    Map<UUID, UUID> invoiceOf = new HashMap<>();
    for (InvoiceView i : shown) {
      invoiceOf.put(i.id(), i.id());
      payments.getOrDefault(i.id(), List.of()).forEach(p -> invoiceOf.put(p.id(), i.id()));
    }
    Map<UUID, List<PostingView>> byInvoice = new HashMap<>();
    ledger.postings(
        actor.workspaceId(),
        List.copyOf(invoiceOf.keySet()),
        (ref, posting) ->
            byInvoice.computeIfAbsent(invoiceOf.get(ref), k -> new ArrayList<>()).add(posting));
    return byInvoice;
  }

  /** The ledger postings of an invoice and its payments (members). */
  @Transactional(readOnly = true)
  public List<PostingView> postings(Actor actor, UUID invoiceId) {
    Access.member(actor);
    access.load(actor, invoiceId);
    List<UUID> refs = new ArrayList<>(List.of(invoiceId));
    invoices.payments(actor.workspaceId(), invoiceId).forEach(p -> refs.add(p.id()));
    return ledger.postings(actor.workspaceId(), refs);
  }

  /** A page of the caller's workspace's invoices, overdue first, optionally in one state. */
  @Transactional(readOnly = true)
  public PageOf<InvoiceView> workspaceInvoices(
      Actor actor, @Nullable InvoiceState state, Paging paging) {
    Access.member(actor);
    Instant now = clock.instant();
    return invoices
        .ofWorkspace(actor.workspaceId(), state, settlement.today(actor.workspaceId()), paging)
        .map(i -> InvoiceView.of(i, now));
  }

  /**
   * The money facts the release rule looks at for one milestone (a system step, no access check):
   * whether it has a live invoice and what is still unpaid on it — from the ledger, the receivable
   * postings of the invoice and its payments (a write-off is not a payment), and never less than
   * the invoice itself says — whether credit notes alone settled it (CREDITED: nothing open, but
   * nothing paid either), and the project's money received and credit limit. (What was handed over
   * is the release's to count.)
   */
  @Transactional(readOnly = true)
  public MilestoneMoney milestoneMoney(UUID workspaceId, UUID projectId, UUID milestoneId) {
    java.util.Optional<Invoice> invoice =
        invoices.ofProject(workspaceId, projectId).stream()
            .filter(i -> milestoneId.equals(i.milestoneId()))
            .filter(i -> i.state() != InvoiceState.VOID && i.state() != InvoiceState.DRAFT)
            .findFirst();
    long open = 0;
    if (invoice.isPresent()) {
      Invoice i = invoice.get();
      List<UUID> refs = new ArrayList<>(List.of(i.id()));
      invoices.payments(workspaceId, i.id()).forEach(p -> refs.add(p.id()));
      String receivable = Account.receivable(i.clientId()).key();
      // what is owed, from the receivable postings of the invoice, its payments, refunds and
      // credit notes; a write-off closes the receivable but pays nothing, so it does not count
      long fromLedger =
          ledger.postings(workspaceId, refs).stream()
              .filter(p -> p.account().equals(receivable))
              .filter(p -> !p.kind().equals("invoice.written-off"))
              .mapToLong(p -> p.amount().amountMinor())
              .sum();
      open = Math.max(fromLedger, i.open().amountMinor());
    }
    String currency = projects.currencyOf(workspaceId, projectId);
    return new MilestoneMoney(
        invoice.isPresent(),
        invoice.map(Invoice::id).orElse(null),
        Money.of(open, currency),
        invoice.filter(i -> i.state() == InvoiceState.CREDITED).isPresent(),
        Money.of(invoices.receivedMinor(workspaceId, projectId), currency),
        projects.creditLimitOf(workspaceId, projectId));
  }

  /** See {@link #milestoneMoney}; amounts in the project's currency. */
  public record MilestoneMoney(
      boolean invoiced,
      @Nullable UUID invoiceId,
      Money invoiceOpen,
      boolean invoiceCredited,
      Money received,
      Money creditLimit) {

    /** Whether the invoice is paid in full by money (not settled by credit notes alone). */
    public boolean paidInFull() {
      return invoiced && invoiceOpen.isZero() && !invoiceCredited;
    }
  }

  /** The milestone an invoice is for, if any (a system step, no access check). */
  @Transactional(readOnly = true)
  public java.util.Optional<UUID> milestoneOfInvoice(UUID workspaceId, UUID invoiceId) {
    return invoices.find(workspaceId, invoiceId).map(Invoice::milestoneId);
  }
}
