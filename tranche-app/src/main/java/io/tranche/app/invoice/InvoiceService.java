package io.tranche.app.invoice;

import io.tranche.app.invoice.internal.InvoicePdf;
import io.tranche.app.invoice.internal.InvoiceRepository;
import io.tranche.app.invoice.internal.LedgerRepository;
import io.tranche.app.mail.MailService;
import io.tranche.app.mail.OutgoingMail;
import io.tranche.app.platform.Access;
import io.tranche.app.platform.Actor;
import io.tranche.app.platform.Download;
import io.tranche.app.platform.Errors;
import io.tranche.app.platform.MoneyInput;
import io.tranche.app.platform.MoneyJson;
import io.tranche.app.platform.PageOf;
import io.tranche.app.platform.Paging;
import io.tranche.app.project.MilestoneService;
import io.tranche.app.project.ProjectService;
import io.tranche.app.project.ProjectView;
import io.tranche.app.workspace.ClientService;
import io.tranche.app.workspace.WorkspaceService;
import io.tranche.core.error.DomainException;
import io.tranche.core.error.ErrorCode;
import io.tranche.core.error.ErrorKind;
import io.tranche.core.error.Validation;
import io.tranche.core.invoice.Invoice;
import io.tranche.core.invoice.InvoiceErrors;
import io.tranche.core.invoice.InvoiceLine;
import io.tranche.core.invoice.InvoiceNumbers;
import io.tranche.core.invoice.InvoiceState;
import io.tranche.core.invoice.MilestoneInvoices;
import io.tranche.core.ledger.Account;
import io.tranche.core.ledger.Ledger;
import io.tranche.core.milestone.Milestone;
import io.tranche.core.milestone.MilestoneAction;
import io.tranche.core.milestone.MilestoneState;
import io.tranche.core.money.Money;
import io.tranche.core.money.MoneyErrors;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invoices, payments and their ledger postings. Milestone invoices are issued automatically on
 * their trigger; members issue others by hand, record payments and credit notes. A milestone
 * invoice that becomes PAID marks its milestone PAID; one that credit notes alone settle (CREDITED)
 * leaves it where it was (see {@link Invoice}).
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
  private final WorkspaceService workspaces;
  private final ClientService clients;
  private final MailService mail;
  private final InvoicePdf pdfs;
  private final io.tranche.app.platform.BaseUrl baseUrl;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  InvoiceService(
      InvoiceRepository invoices,
      LedgerRepository ledger,
      ProjectService projects,
      MilestoneService milestones,
      WorkspaceService workspaces,
      ClientService clients,
      MailService mail,
      InvoicePdf pdfs,
      io.tranche.app.platform.BaseUrl baseUrl,
      ApplicationEventPublisher events,
      Clock clock) {
    this.invoices = invoices;
    this.ledger = ledger;
    this.projects = projects;
    this.milestones = milestones;
    this.workspaces = workspaces;
    this.clients = clients;
    this.mail = mail;
    this.pdfs = pdfs;
    this.baseUrl = baseUrl;
    this.events = events;
    this.clock = clock;
  }

  /**
   * Issues the invoice of a milestone whose trigger fired, and moves the milestone to INVOICED; at
   * most one live invoice per milestone.
   */
  @Transactional
  public @Nullable InvoiceView issueForMilestone(UUID workspaceId, UUID milestoneId, String actor) {
    Milestone m =
        milestones.find(milestoneId).orElseThrow(Errors.notFoundSupplier("milestone", milestoneId));
    if (invoices.existsForMilestone(milestoneId) || !m.workspaceId().value().equals(workspaceId)) {
      return null;
    }
    UUID project = m.projectId().value();
    List<InvoiceLine> lines =
        MilestoneInvoices.lines(m.name(), m.amount(), projects.taxRateOf(project));
    Invoice issued =
        issue(
            Invoice.draft(workspaceId, project, projects.clientOf(project), milestoneId, lines),
            actor);
    milestones.transitionAsSystem(workspaceId, milestoneId, MilestoneAction.INVOICE);
    return InvoiceView.of(issued, clock.instant());
  }

  /** Issues an invoice by hand (members): lines of the project's currency. */
  @Transactional
  public InvoiceView issueManual(Actor actor, UUID projectId, List<InvoiceLine> lines) {
    Access.member(actor);
    projects.requireVisible(actor, projectId);
    String currency = projects.currencyOf(projectId);
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
        Invoice.draft(actor.workspaceId(), projectId, projects.clientOf(projectId), null, lines);
    return InvoiceView.of(issue(draft, actor.label()), clock.instant());
  }

  /** A page of a project's invoices, oldest first. */
  @Transactional(readOnly = true)
  public PageOf<InvoiceView> invoices(Actor actor, UUID projectId, Paging paging) {
    projects.requireVisible(actor, projectId);
    Instant now = clock.instant();
    return invoices.ofProject(projectId, paging).map(i -> InvoiceView.of(i, now));
  }

  @Transactional(readOnly = true)
  public InvoiceView invoice(Actor actor, UUID id) {
    return InvoiceView.of(load(actor, id), clock.instant());
  }

  @Transactional(readOnly = true)
  public List<PaymentView> payments(Actor actor, UUID invoiceId) {
    load(actor, invoiceId);
    return invoices.payments(invoiceId);
  }

  /** The ledger postings of an invoice and its payments (members). */
  @Transactional(readOnly = true)
  public List<PostingView> postings(Actor actor, UUID invoiceId) {
    Access.member(actor);
    load(actor, invoiceId);
    List<UUID> refs = new ArrayList<>(List.of(invoiceId));
    invoices.payments(invoiceId).forEach(p -> refs.add(p.id()));
    return ledger.postings(refs);
  }

  /**
   * A member records money received (e.g. a bank transfer); it settles the invoice up to what is
   * open, the rest becomes the client's credit. A receipt goes to the project's contacts.
   */
  @Transactional
  public PaymentView recordPayment(
      Actor actor, UUID invoiceId, Money amount, LocalDate receivedOn, @Nullable String reference) {
    Access.member(actor);
    Invoice invoice = load(actor, invoiceId);
    return receive(
        invoice,
        null,
        "bank",
        amount,
        paymentDate("receivedOn", receivedOn),
        Validation.optionalText("reference", reference, 200),
        actor.label());
  }

  /**
   * A date money changed hands, as a person gives it: within the last ten years, and not after
   * tomorrow (time zones), so a typo never becomes a payment dated in the year 20026.
   */
  private LocalDate paymentDate(String field, LocalDate date) {
    return Validation.dateWithin(
        field,
        Validation.required(field, date),
        LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC),
        java.time.Period.ofYears(10),
        java.time.Period.ofDays(1));
  }

  /** What happened to a provider's report of a payment or refund, and why when refused. */
  public record ProviderResult(ProviderOutcome outcome, String reason) {}

  /** The outcomes of a provider's report. */
  public enum ProviderOutcome {
    RECORDED,
    ALREADY_RECORDED,
    REFUSED
  }

  /**
   * A payment a provider confirmed (e.g. a Stripe webhook): recorded once per provider reference.
   * An unknown or void invoice, or another currency, is refused (for parking), not thrown, so the
   * caller's transaction can still record the refusal. The invoice row is locked first, so
   * concurrent reports of one payment (several event types, redeliveries) apply one after the other
   * and the later ones find it recorded.
   */
  @Transactional
  public ProviderResult receiveFromProvider(
      UUID invoiceId, String channel, Money amount, LocalDate receivedOn, String providerRef) {
    Invoice invoice = lockFor(channel, providerRef, invoiceId).orElse(null);
    var known = invoices.providerPaymentStatus(channel, providerRef);
    if (known.isPresent()) {
      if (known.get().status().equals("UNKNOWN")) {
        resolveUnknown(known.get().id(), true, "provider event");
        return new ProviderResult(ProviderOutcome.RECORDED, "");
      }
      return new ProviderResult(ProviderOutcome.ALREADY_RECORDED, "");
    }
    if (invoice == null) {
      return new ProviderResult(ProviderOutcome.REFUSED, "no invoice " + invoiceId);
    }
    if (invoice.state() != InvoiceState.ISSUED && invoice.state() != InvoiceState.PARTIALLY_PAID) {
      return new ProviderResult(ProviderOutcome.REFUSED, "invoice is " + invoice.state());
    }
    String expected = invoice.total().currency().getCurrencyCode();
    if (amount.currency().getCurrencyCode().equals(expected)
        && amount.compareTo(invoice.total()) > 0) {
      return new ProviderResult(
          ProviderOutcome.REFUSED,
          "amount " + amount + " exceeds the invoice total " + invoice.total());
    }
    if (!amount.currency().getCurrencyCode().equals(expected)) {
      return new ProviderResult(
          ProviderOutcome.REFUSED,
          WRONG_CURRENCY.slug()
              + ": invoice in "
              + expected
              + ", paid in "
              + amount.currency().getCurrencyCode());
    }
    receive(invoice, providerRef, channel, amount, receivedOn, providerRef, "system:" + channel);
    return new ProviderResult(ProviderOutcome.RECORDED, "");
  }

  /**
   * A provider reported a payment whose outcome is not known yet (e.g. a bank debit still
   * processing): it is kept UNKNOWN — never counted as paid — until the provider confirms it by
   * event or a reconciler check resolves it.
   */
  @Transactional
  public ProviderResult recordUnknownFromProvider(
      UUID invoiceId, String channel, Money amount, LocalDate on, String providerRef) {
    Invoice invoice = lockFor(channel, providerRef, invoiceId).orElse(null);
    if (invoices.providerPaymentStatus(channel, providerRef).isPresent()) {
      return new ProviderResult(ProviderOutcome.ALREADY_RECORDED, "");
    }
    if (invoice == null || !amount.currency().equals(invoice.total().currency())) {
      return new ProviderResult(
          ProviderOutcome.REFUSED, "no invoice " + invoiceId + " in " + amount.currency());
    }
    Instant now = clock.instant();
    PaymentView payment =
        new PaymentView(
            UUID.randomUUID(),
            invoiceId,
            channel,
            MoneyJson.of(amount),
            "UNKNOWN",
            on,
            providerRef);
    invoices.insertPayment(
        invoice.workspaceId(), invoice.clientId(), payment, providerRef, "system:" + channel, now);
    invoices.scheduleCheck(payment.id(), now.plus(java.time.Duration.ofMinutes(1)), 0);
    events.publishEvent(
        new MoneyEvent(
            invoice.workspaceId(),
            invoice.projectId(),
            "payment.unknown",
            "system:" + channel,
            payment.id(),
            Map.of(
                "invoice",
                invoiceId.toString(),
                "amountMinor",
                amount.amountMinor(),
                "providerRef",
                providerRef)));
    return new ProviderResult(ProviderOutcome.RECORDED, "");
  }

  /**
   * Locks the invoice of a provider's payment until the transaction ends: the invoice it was
   * recorded against if it was, else {@code invoiceId}.
   */
  private java.util.Optional<Invoice> lockFor(String channel, String providerRef, UUID invoiceId) {
    return invoices.lock(
        invoices
            .providerPaymentStatus(channel, providerRef)
            .map(InvoiceRepository.ProviderPayment::invoiceId)
            .orElse(invoiceId));
  }

  /**
   * Resolves a payment of unknown outcome: succeeded → confirmed and posted; failed → FAILED,
   * nothing posted. Resolving twice does nothing. Money that succeeds after its invoice was settled
   * another way (paid by transfer, written off, credited) settles nothing: it is posted as the
   * client's credit, and the invoice stays as it is.
   */
  @Transactional
  public void resolveUnknown(UUID paymentId, boolean succeeded, String how) {
    UUID invoiceId =
        invoices
            .invoiceOfPayment(paymentId)
            .orElseThrow(Errors.notFoundSupplier("payment", paymentId));
    Invoice invoice = invoices.lock(invoiceId).orElseThrow();
    if (!invoices.move(paymentId, "UNKNOWN", succeeded ? "CONFIRMED" : "FAILED")) {
      return;
    }
    PaymentView payment = payment(invoiceId, paymentId);
    if (succeeded
        && (invoice.state() == InvoiceState.ISSUED
            || invoice.state() == InvoiceState.PARTIALLY_PAID)) {
      settle(invoice, payment, amountOf(payment), "system:" + payment.channel());
    } else if (succeeded) {
      keepAsCredit(invoice, payment, amountOf(payment), "system:" + payment.channel());
    } else {
      events.publishEvent(
          new MoneyEvent(
              invoice.workspaceId(),
              invoice.projectId(),
              "payment.failed",
              "system:" + payment.channel(),
              paymentId,
              Map.of("invoice", invoiceId.toString(), "how", how)));
    }
  }

  /** Payments of unknown outcome due for a check with the provider. */
  @Transactional(readOnly = true)
  public List<UnknownPayment> dueChecks(String channel, int limit) {
    return invoices.dueChecks(channel, clock.instant(), limit);
  }

  /**
   * The outcome is still unknown: check again later, backing off (1, 2, 4 … minutes, at most 6 h).
   */
  @Transactional
  public void checkLater(UUID paymentId, int attempts) {
    long minutes = Math.min(360, 1L << Math.min(attempts, 9));
    invoices.scheduleCheck(
        paymentId, clock.instant().plus(java.time.Duration.ofMinutes(minutes)), attempts + 1);
  }

  /** A provider refunded (part of) a payment: the money is owed again, and it is evidence. */
  @Transactional
  public ProviderResult refundFromProvider(
      String channel, String providerRef, Money amount, String eventId) {
    UUID[] ids = invoices.providerPayment(channel, providerRef).orElse(null);
    if (ids == null) {
      return new ProviderResult(ProviderOutcome.REFUSED, "no payment " + providerRef);
    }
    Invoice invoice = invoices.lock(ids[0]).orElseThrow();
    if (!amount.currency().equals(invoice.total().currency())
        || amount.compareTo(invoice.paid()) > 0) {
      return new ProviderResult(
          ProviderOutcome.REFUSED, "refund of " + amount + " does not fit the payments");
    }
    Invoice next = invoice.refund(amount);
    ledger.append(
        invoice.workspaceId(),
        Ledger.refund(
            UUID.randomUUID(), ids[1], clock.instant(), invoice.clientId(), channel, amount));
    store(invoice, next);
    events.publishEvent(
        new MoneyEvent(
            invoice.workspaceId(),
            invoice.projectId(),
            "payment.refunded",
            "system:" + channel,
            ids[1],
            Map.of(
                "invoice",
                invoice.id().toString(),
                "amountMinor",
                amount.amountMinor(),
                "event",
                eventId)));
    return new ProviderResult(ProviderOutcome.RECORDED, "");
  }

  /**
   * A provider reports a chargeback (the client disputed the payment with their bank). It is
   * evidence and holds what the payment would release; the ledger is left as it is until the
   * dispute's outcome is known (a lost dispute is then booked like a refund).
   */
  @Transactional
  public ProviderResult chargebackFromProvider(
      String channel, String providerRef, Money amount, String disputeId, String eventId) {
    UUID[] ids = invoices.providerPayment(channel, providerRef).orElse(null);
    if (ids == null) {
      return new ProviderResult(ProviderOutcome.REFUSED, "no payment " + providerRef);
    }
    Invoice invoice = invoices.find(ids[0]).orElseThrow();
    events.publishEvent(
        new MoneyEvent(
            invoice.workspaceId(),
            invoice.projectId(),
            "payment.charged-back",
            "system:" + channel,
            ids[1],
            Map.of(
                "invoice", invoice.id().toString(),
                "amountMinor", amount.amountMinor(),
                "currency", amount.currency().getCurrencyCode(),
                "dispute", disputeId,
                "event", eventId)));
    return new ProviderResult(ProviderOutcome.RECORDED, "");
  }

  /** A credit note corrects an issued invoice without editing it. */
  @Transactional
  public InvoiceView creditNote(Actor actor, UUID invoiceId, Money amount, String reason) {
    Access.member(actor);
    Validation.text("reason", reason, 1000);
    Invoice invoice = load(actor, invoiceId);
    requireCurrency(invoice, amount);
    if (amount.compareTo(invoice.open()) > 0 || amount.isNegative() || amount.isZero()) {
      throw DomainException.field(
          TOO_MUCH_CREDIT, "amount", Map.of("open", invoice.open().toString()));
    }
    Invoice next = invoice.credit(amount);
    Money tax = amount.allocate(invoice.net().amountMinor(), invoice.tax().amountMinor()).get(1);
    ledger.append(
        invoice.workspaceId(),
        Ledger.creditNote(
            UUID.randomUUID(),
            invoiceId,
            clock.instant(),
            invoice.clientId(),
            amount.minus(tax),
            tax));
    store(invoice, next);
    afterSettlement(invoice, next);
    events.publishEvent(
        new MoneyEvent(
            invoice.workspaceId(),
            invoice.projectId(),
            "credit-note.issued",
            actor.label(),
            invoiceId,
            Map.of(
                "invoice",
                invoiceId.toString(),
                "amountMinor",
                amount.amountMinor(),
                "reason",
                reason)));
    return InvoiceView.of(next, clock.instant());
  }

  /** An invoice as a PDF, rendered once per distinct content and then served as stored. */
  @Transactional
  public Download invoicePdf(Actor actor, UUID invoiceId) {
    InvoiceView invoice = invoice(actor, invoiceId);
    return pdfs.invoice(
        actor.workspaceId(),
        invoice,
        parties(actor, invoice.projectId()),
        paymentInstructions(actor));
  }

  /** How to pay the caller's workspace: its bank details when set, and the portal. */
  @Transactional(readOnly = true)
  public String paymentInstructions(Actor actor) {
    String bank = workspaces.invoiceSettings(actor.workspaceId()).bankDetails();
    return (bank == null
            ? "Bank transfer: ask " + workspaces.current(actor).name() + " for the account details."
            : "Bank transfer to:\n" + bank)
        + "\nOr pay online in the client portal where offered.";
  }

  /** A payment's acknowledgement (receipt) as a PDF. */
  @Transactional
  public Download receiptPdf(Actor actor, UUID paymentId) {
    PaymentOf paid = loadPayment(actor, paymentId);
    if (!paid.payment().status().equals("CONFIRMED")) {
      throw new DomainException(
          InvoiceErrors.NO_RECEIPT,
          Map.of("status", paid.payment().status().toLowerCase(java.util.Locale.ROOT)));
    }
    InvoiceView invoice = InvoiceView.of(paid.invoice(), clock.instant());
    return pdfs.receipt(
        actor.workspaceId(), paid.payment(), invoice, parties(actor, invoice.projectId()));
  }

  private InvoicePdf.Parties parties(Actor actor, UUID projectId) {
    ProjectView project = projects.project(actor, projectId);
    return new InvoicePdf.Parties(
        workspaces.current(actor).name(), project.clientName(), project.name());
  }

  /** Voids an issued invoice nothing was paid on; its posting is reversed. */
  @Transactional
  public InvoiceView voidInvoice(Actor actor, UUID invoiceId) {
    Access.member(actor);
    Invoice invoice = load(actor, invoiceId);
    if (!invoices.payments(invoiceId).isEmpty()) {
      throw new DomainException(
          InvoiceErrors.ILLEGAL_TRANSITION,
          Map.of("action", "void", "state", "paid in part; issue a credit note"));
    }
    Invoice next = invoice.voided();
    Money open = invoice.open();
    Money tax =
        open.isZero()
            ? open
            : open.allocate(invoice.net().amountMinor(), invoice.tax().amountMinor()).get(1);
    if (!open.isZero()) {
      ledger.append(
          invoice.workspaceId(),
          Ledger.creditNote(
              UUID.randomUUID(),
              invoiceId,
              clock.instant(),
              invoice.clientId(),
              open.minus(tax),
              tax));
    }
    store(invoice, next);
    events.publishEvent(
        new MoneyEvent(
            invoice.workspaceId(),
            invoice.projectId(),
            "invoice.voided",
            actor.label(),
            invoiceId,
            Map.of("invoice", invoiceId.toString(), "number", String.valueOf(invoice.number()))));
    return InvoiceView.of(next, clock.instant());
  }

  /** Gives up on what is open on an invoice (members): the receivable goes to write-off. */
  @Transactional
  public InvoiceView writeOff(Actor actor, UUID invoiceId, String reason) {
    Access.member(actor);
    Invoice invoice = load(actor, invoiceId);
    Validation.text("reason", reason, 1000);
    Money open = invoice.open();
    if (open.isZero()) {
      throw new DomainException(
          InvoiceErrors.ILLEGAL_TRANSITION,
          Map.of("action", "write off", "state", invoice.state().name()));
    }
    Invoice next = invoice.writeOff();
    ledger.append(
        invoice.workspaceId(),
        Ledger.writeOff(UUID.randomUUID(), invoiceId, clock.instant(), invoice.clientId(), open));
    store(invoice, next);
    events.publishEvent(
        new MoneyEvent(
            invoice.workspaceId(),
            invoice.projectId(),
            "invoice.written-off",
            actor.label(),
            invoiceId,
            Map.of(
                "invoice",
                invoiceId.toString(),
                "amountMinor",
                open.amountMinor(),
                "reason",
                reason)));
    return InvoiceView.of(next, clock.instant());
  }

  /** Records a provider's or bank's fee kept from a confirmed payment (members). */
  @Transactional
  public PaymentView recordFee(Actor actor, UUID paymentId, @Nullable MoneyInput amount) {
    Access.member(actor);
    PaymentOf paid = loadPayment(actor, paymentId);
    Invoice invoice = paid.invoice();
    PaymentView payment = paid.payment();
    Money fee =
        Validation.required("amount", amount).toMoney("amount", payment.amount().currency());
    requirePositive(invoice, fee);
    if (!payment.status().equals("CONFIRMED")
        || fee.amountMinor() > payment.amount().amountMinor()) {
      throw DomainException.field(
          TOO_MUCH_CREDIT, "amount", Map.of("open", payment.amount().formatted()));
    }
    ledger.append(
        invoice.workspaceId(),
        Ledger.fee(UUID.randomUUID(), paymentId, clock.instant(), payment.channel(), fee));
    events.publishEvent(
        new MoneyEvent(
            invoice.workspaceId(),
            invoice.projectId(),
            "payment.fee",
            actor.label(),
            paymentId,
            Map.of("payment", paymentId.toString(), "amountMinor", fee.amountMinor())));
    return payment;
  }

  /** A page of the caller's workspace's invoices, overdue first, optionally in one state. */
  @Transactional(readOnly = true)
  public PageOf<InvoiceView> workspaceInvoices(
      Actor actor, @Nullable InvoiceState state, Paging paging) {
    Access.member(actor);
    Instant now = clock.instant();
    return invoices
        .ofWorkspace(actor.workspaceId(), state, LocalDate.ofInstant(now, ZoneOffset.UTC), paging)
        .map(i -> InvoiceView.of(i, now));
  }

  /** What each client of the caller's workspace owes, from the ledger, by client id. */
  @Transactional(readOnly = true)
  public Map<UUID, MoneyJson> receivables(Actor actor) {
    Access.member(actor);
    return ledger.receivables(actor.workspaceId());
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
  public MilestoneMoney milestoneMoney(UUID projectId, UUID milestoneId) {
    java.util.Optional<Invoice> invoice =
        invoices.ofProject(projectId).stream()
            .filter(i -> milestoneId.equals(i.milestoneId()))
            .filter(i -> i.state() != InvoiceState.VOID && i.state() != InvoiceState.DRAFT)
            .findFirst();
    long open = 0;
    if (invoice.isPresent()) {
      Invoice i = invoice.get();
      List<UUID> refs = new ArrayList<>(List.of(i.id()));
      invoices.payments(i.id()).forEach(p -> refs.add(p.id()));
      String receivable = Account.receivable(i.clientId()).key();
      // what is owed, from the receivable postings of the invoice, its payments, refunds and
      // credit notes; a write-off closes the receivable but pays nothing, so it does not count
      long fromLedger =
          ledger.postings(refs).stream()
              .filter(p -> p.account().equals(receivable))
              .filter(p -> !p.kind().equals("invoice.written-off"))
              .mapToLong(p -> p.amount().amountMinor())
              .sum();
      open = Math.max(fromLedger, i.open().amountMinor());
    }
    return new MilestoneMoney(
        invoice.isPresent(),
        invoice.map(Invoice::id).orElse(null),
        open,
        invoice.filter(i -> i.state() == InvoiceState.CREDITED).isPresent(),
        invoices.receivedMinor(projectId),
        projects.creditLimitOf(projectId));
  }

  /** See {@link #milestoneMoney}. */
  public record MilestoneMoney(
      boolean invoiced,
      @Nullable UUID invoiceId,
      long invoiceOpenMinor,
      boolean invoiceCredited,
      long receivedMinor,
      long creditLimitMinor) {}

  /** The milestone an invoice is for, if any (a system step, no access check). */
  @Transactional(readOnly = true)
  public java.util.Optional<UUID> milestoneOfInvoice(UUID invoiceId) {
    return invoices.find(invoiceId).map(Invoice::milestoneId);
  }

  /** What a client owes, from the ledger. */
  @Transactional(readOnly = true)
  public MoneyJson receivable(Actor actor, UUID clientId, String currency) {
    clients.client(Access.member(actor), clientId);
    return MoneyJson.of(
        ledger.balance(actor.workspaceId(), Account.receivable(clientId), currency));
  }

  private Invoice issue(Invoice draft, String actor) {
    Instant now = clock.instant();
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    WorkspaceService.InvoiceSettings settings = workspaces.invoiceSettings(draft.workspaceId());
    long seq = invoices.nextSequence(draft.workspaceId(), today.getYear());
    Invoice issued =
        draft.issue(
            InvoiceNumbers.format(settings.prefix(), today.getYear(), seq),
            today,
            settings.paymentTermsDays());
    invoices.insert(issued, now);
    ledger.append(
        issued.workspaceId(),
        Ledger.invoiceIssued(
            UUID.randomUUID(), issued.id(), now, issued.clientId(), issued.net(), issued.tax()));
    events.publishEvent(
        new MoneyEvent(
            issued.workspaceId(),
            issued.projectId(),
            "invoice.issued",
            actor,
            issued.id(),
            Map.of(
                "number",
                issued.number(),
                "totalMinor",
                issued.total().amountMinor(),
                "currency",
                issued.total().currency().getCurrencyCode(),
                "dueOn",
                issued.dueOn().toString())));
    notifyContacts(
        issued,
        "Invoice " + issued.number(),
        "Invoice "
            + issued.number()
            + " over "
            + issued.total()
            + " is due on "
            + issued.dueOn()
            + ".");
    return issued;
  }

  private PaymentView receive(
      Invoice invoice,
      @Nullable String providerRef,
      String channel,
      Money amount,
      LocalDate receivedOn,
      @Nullable String reference,
      String actor) {
    requirePositive(invoice, amount);
    PaymentView payment =
        new PaymentView(
            UUID.randomUUID(),
            invoice.id(),
            channel,
            MoneyJson.of(amount),
            "CONFIRMED",
            receivedOn,
            reference);
    invoices.insertPayment(
        invoice.workspaceId(), invoice.clientId(), payment, providerRef, actor, clock.instant());
    settle(invoice, payment, amount, actor);
    return payment;
  }

  /** Applies a confirmed payment: ledger posting, invoice amounts, milestone, evidence, receipt. */
  private void settle(Invoice invoice, PaymentView payment, Money amount, String actor) {
    Invoice next = invoice.pay(amount);
    ledger.append(
        invoice.workspaceId(),
        Ledger.paymentReceived(
            UUID.randomUUID(),
            payment.id(),
            clock.instant(),
            invoice.clientId(),
            payment.channel(),
            amount,
            invoice.open()));
    store(invoice, next);
    afterSettlement(invoice, next);
    events.publishEvent(
        new MoneyEvent(
            invoice.workspaceId(),
            invoice.projectId(),
            "payment.received",
            actor,
            payment.id(),
            Map.of(
                "invoice",
                invoice.id().toString(),
                "amountMinor",
                amount.amountMinor(),
                "channel",
                payment.channel())));
    mailReceipt(next, payment, amount, "Still open on this invoice: " + next.open() + ".");
  }

  /** The receipt mail to the project's contacts: what arrived, what it did, the receipt's link. */
  private void mailReceipt(Invoice invoice, PaymentView payment, Money amount, String outcome) {
    notifyContacts(
        invoice,
        "Receipt for invoice " + invoice.number(),
        "We received "
            + amount
            + " for invoice "
            + invoice.number()
            + " on "
            + payment.receivedOn()
            + ". "
            + outcome
            + "\n\nYour receipt: "
            + baseUrl.portal(
                invoice.workspaceId(), "/portal/payments/" + payment.id() + "/receipt"));
  }

  /**
   * Posts money that arrived for an invoice that no longer asks for it: all of it goes to the
   * client's credit, the invoice is left as it is, and the client gets a receipt saying so.
   */
  private void keepAsCredit(Invoice invoice, PaymentView payment, Money amount, String actor) {
    ledger.append(
        invoice.workspaceId(),
        Ledger.paymentReceived(
            UUID.randomUUID(),
            payment.id(),
            clock.instant(),
            invoice.clientId(),
            payment.channel(),
            amount,
            Money.zero(amount.currency())));
    events.publishEvent(
        new MoneyEvent(
            invoice.workspaceId(),
            invoice.projectId(),
            "payment.received",
            actor,
            payment.id(),
            Map.of(
                "invoice",
                invoice.id().toString(),
                "amountMinor",
                amount.amountMinor(),
                "channel",
                payment.channel(),
                "clientCreditMinor",
                amount.amountMinor())));
    mailReceipt(
        invoice,
        payment,
        amount,
        "The invoice was already settled ("
            + invoice.state()
            + "), so the amount is kept as your credit with us.");
  }

  /**
   * A client contact reports a payment they made (e.g. a bank transfer); it counts only once a
   * member confirms it.
   */
  @Transactional
  public PaymentView reportPayment(
      Actor actor, UUID invoiceId, Money amount, LocalDate paidOn, @Nullable String reference) {
    Invoice invoice = load(actor, invoiceId);
    if (!actor.isContact()) {
      throw new DomainException(
          Errors.FORBIDDEN, Map.of("needed", "a client contact of the project"));
    }
    requirePositive(invoice, amount);
    PaymentView payment =
        new PaymentView(
            UUID.randomUUID(),
            invoiceId,
            "bank",
            MoneyJson.of(amount),
            "REPORTED",
            paymentDate("paidOn", paidOn),
            Validation.optionalText("reference", reference, 200));
    invoices.insertPayment(
        invoice.workspaceId(), invoice.clientId(), payment, null, actor.label(), clock.instant());
    events.publishEvent(
        new MoneyEvent(
            invoice.workspaceId(),
            invoice.projectId(),
            "payment.reported",
            actor.label(),
            payment.id(),
            Map.of("invoice", invoiceId.toString(), "amountMinor", amount.amountMinor())));
    for (String to : workspaces.memberEmails(invoice.workspaceId())) {
      mail.enqueue(
          new OutgoingMail(
              invoice.workspaceId(),
              to,
              "Payment reported for invoice " + invoice.number(),
              "The client reports paying "
                  + amount
                  + " on "
                  + paidOn
                  + ". Confirm it when it arrives."));
    }
    return payment;
  }

  /** A member confirms a payment the client reported; only then it is posted. */
  @Transactional
  public PaymentView confirmReported(Actor actor, UUID paymentId) {
    Access.member(actor);
    PaymentOf paid = loadPayment(actor, paymentId);
    Invoice invoice = paid.invoice();
    if (!invoices.confirm(paymentId)) {
      throw new DomainException(
          InvoiceErrors.ILLEGAL_TRANSITION,
          Map.of("action", "confirm a payment of", "state", "already confirmed"));
    }
    PaymentView payment = paid.payment();
    settle(invoice, payment, amountOf(payment), actor.label());
    return payment(invoice.id(), paymentId);
  }

  /** A payment and the invoice it pays. */
  private record PaymentOf(Invoice invoice, PaymentView payment) {}

  /** A payment whose invoice the caller may see; any other is "no such payment". */
  private PaymentOf loadPayment(Actor actor, UUID paymentId) {
    UUID invoiceId =
        invoices
            .invoiceOfPayment(paymentId)
            .orElseThrow(Errors.notFoundSupplier("payment", paymentId));
    try {
      return new PaymentOf(load(actor, invoiceId), payment(invoiceId, paymentId));
    } catch (DomainException e) {
      throw Errors.notFound("payment", paymentId);
    }
  }

  private PaymentView payment(UUID invoiceId, UUID paymentId) {
    return invoices.payments(invoiceId).stream()
        .filter(p -> p.id().equals(paymentId))
        .findFirst()
        .orElseThrow();
  }

  private static Money amountOf(PaymentView payment) {
    return Money.of(payment.amount().amountMinor(), payment.amount().currency());
  }

  private static void requirePositive(Invoice invoice, Money amount) {
    requireCurrency(invoice, amount);
    if (amount.isNegative() || amount.isZero()) {
      throw DomainException.field(
          MoneyErrors.NEGATIVE, "amount", Map.of("value", amount.toDecimalString()));
    }
  }

  private void afterSettlement(Invoice before, Invoice after) {
    if (after.state() == InvoiceState.PAID
        && before.state() != InvoiceState.PAID
        && after.milestoneId() != null) {
      milestones
          .find(after.milestoneId())
          .filter(m -> m.state() == MilestoneState.INVOICED && !m.disputed())
          .ifPresent(
              m ->
                  milestones.transitionAsSystem(
                      after.workspaceId(), m.id().value(), MilestoneAction.RECORD_PAYMENT));
    }
  }

  private void store(Invoice before, Invoice after) {
    if (!invoices.update(before, after)) {
      throw new DomainException(
          InvoiceErrors.CONCURRENT_CHANGE,
          Map.of(
              "state",
              invoices.find(before.id()).map(i -> i.state().name()).orElse(before.state().name())));
    }
  }

  private void notifyContacts(Invoice invoice, String subject, String body) {
    for (String to : projects.contactEmails(invoice.projectId())) {
      mail.enqueue(new OutgoingMail(invoice.workspaceId(), to, subject, body));
    }
  }

  private static void requireCurrency(Invoice invoice, Money amount) {
    String expected = invoice.total().currency().getCurrencyCode();
    if (!amount.currency().getCurrencyCode().equals(expected)) {
      throw DomainException.field(
          WRONG_CURRENCY,
          "amount.currency",
          Map.of("expected", expected, "given", amount.currency().getCurrencyCode()));
    }
  }

  private Invoice load(Actor actor, UUID id) {
    Invoice invoice =
        invoices
            .find(id)
            .filter(i -> i.workspaceId().equals(actor.workspaceId()))
            .orElseThrow(Errors.notFoundSupplier("invoice", id));
    try {
      projects.requireVisible(actor, invoice.projectId());
    } catch (DomainException e) {
      throw Errors.notFound("invoice", id);
    }
    return invoice;
  }
}
