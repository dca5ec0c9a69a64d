package io.tranche.app.invoice;

import io.tranche.app.invoice.internal.InvoiceAccess;
import io.tranche.app.invoice.internal.InvoiceRepository;
import io.tranche.app.invoice.internal.LedgerRepository;
import io.tranche.app.invoice.internal.Settlement;
import io.tranche.app.platform.Access;
import io.tranche.app.platform.Actor;
import io.tranche.app.platform.Errors;
import io.tranche.app.platform.MoneyInput;
import io.tranche.app.platform.MoneyJson;
import io.tranche.core.error.DomainException;
import io.tranche.core.error.Validation;
import io.tranche.core.invoice.Invoice;
import io.tranche.core.invoice.InvoiceErrors;
import io.tranche.core.ledger.Ledger;
import io.tranche.core.money.Money;
import io.tranche.core.payment.PaymentStatus;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Money a person moves on an invoice: a member records a payment, a fee, a credit note, a void or a
 * write-off; a client reports a payment, which counts once a member confirms it.
 */
@Service
public class PaymentService {
  /** A client reports a payment of an invoice that asks for nothing any more. */
  public static final io.tranche.core.error.ErrorCode NOTHING_OPEN =
      new io.tranche.core.error.ErrorCode(
          "payment.nothing-open",
          io.tranche.core.error.ErrorKind.INVALID,
          "invoice {invoice} has nothing open to pay");

  /** A client's reports waiting for confirmation already cover what is open. */
  public static final io.tranche.core.error.ErrorCode REPORTED_ALREADY =
      new io.tranche.core.error.ErrorCode(
          "payment.reported-already",
          io.tranche.core.error.ErrorKind.INVALID,
          "you already reported {waiting} for this invoice, which waits for confirmation; with this"
              + " it would be more than is open ({open}). If that report was a mistake, say so in a"
              + " message: the vendor marks it as not received, and you can report the right"
              + " amount");

  /** A client reports more than an invoice asks for. */
  public static final io.tranche.core.error.ErrorCode MORE_THAN_OPEN =
      new io.tranche.core.error.ErrorCode(
          "payment.more-than-open",
          io.tranche.core.error.ErrorKind.INVALID,
          "the amount is more than is open on this invoice ({open}); if you paid more, tell us in a"
              + " message");

  private final InvoiceRepository invoices;
  private final LedgerRepository ledger;
  private final InvoiceAccess access;
  private final Settlement settlement;
  private final ApplicationEventPublisher events;
  private final CreditNotes creditNotes;
  private final Clock clock;

  PaymentService(
      InvoiceRepository invoices,
      LedgerRepository ledger,
      InvoiceAccess access,
      Settlement settlement,
      ApplicationEventPublisher events,
      CreditNotes creditNotes,
      Clock clock) {
    this.creditNotes = creditNotes;
    this.invoices = invoices;
    this.ledger = ledger;
    this.access = access;
    this.settlement = settlement;
    this.events = events;
    this.clock = clock;
  }

  /**
   * A member records money received (e.g. a bank transfer); it settles the invoice up to what is
   * open, the rest becomes the client's credit. A receipt goes to the project's contacts.
   */
  @Transactional
  public PaymentView recordPayment(
      Actor actor, UUID invoiceId, Money amount, LocalDate receivedOn, @Nullable String reference) {
    Access.member(actor);
    Invoice invoice = access.load(actor, invoiceId);
    PaymentView received =
        settlement.receive(
            invoice,
            null,
            "bank",
            amount,
            settlement.paymentDate(invoice.workspaceId(), "receivedOn", receivedOn),
            Validation.optionalText("reference", reference, 200),
            actor.label());
    // as stored: with its receipt's number
    return access.payment(invoice.workspaceId(), invoice.id(), received.id());
  }

  /** Voids an issued invoice nothing was paid on; a credit note for what it asked reverses it. */
  @Transactional
  public InvoiceView voidInvoice(Actor actor, UUID invoiceId) {
    Access.member(actor);
    Invoice invoice = access.load(actor, invoiceId);
    if (!invoices.payments(actor.workspaceId(), invoiceId).isEmpty()) {
      throw new DomainException(
          InvoiceErrors.ILLEGAL_TRANSITION,
          Map.of("action", "void", "state", "paid in part; issue a credit note"));
    }
    Invoice next = invoice.voided();
    Money open = invoice.open();
    if (!open.isZero()) {
      // an issued invoice is never taken back silently: its cancellation is a credit note
      creditNotes.record(invoice, open, "Invoice " + invoice.number() + " voided", actor.label());
    }
    settlement.store(invoice, next);
    events.publishEvent(
        new InvoiceEvent.InvoiceVoided(
            invoice.workspaceId(),
            invoice.projectId(),
            actor.label(),
            invoiceId,
            invoice.number()));
    return InvoiceView.of(next, clock.instant());
  }

  /** Gives up on what is open on an invoice (members): the receivable goes to write-off. */
  @Transactional
  public InvoiceView writeOff(Actor actor, UUID invoiceId, String reason) {
    Access.member(actor);
    Invoice invoice = access.load(actor, invoiceId);
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
    settlement.store(invoice, next);
    events.publishEvent(
        new InvoiceEvent.InvoiceWrittenOff(
            invoice.workspaceId(), invoice.projectId(), actor.label(), invoiceId, open, reason));
    return InvoiceView.of(next, clock.instant());
  }

  /** Records a provider's or bank's fee kept from a confirmed payment (members). */
  @Transactional
  public PaymentView recordFee(Actor actor, UUID paymentId, @Nullable MoneyInput amount) {
    Access.member(actor);
    InvoiceAccess.PaymentOf paid = access.loadPayment(actor, paymentId);
    Invoice invoice = paid.invoice();
    PaymentView payment = paid.payment();
    Money fee =
        Validation.required("amount", amount).toMoney("amount", payment.amount().currency());
    Settlement.requirePositive(invoice, fee);
    if (!PaymentStatus.valueOf(payment.status()).counts()
        || fee.amountMinor() > payment.amount().amountMinor()) {
      throw DomainException.field(
          InvoiceService.TOO_MUCH_CREDIT, "amount", Map.of("open", payment.amount().formatted()));
    }
    ledger.append(
        invoice.workspaceId(),
        Ledger.fee(UUID.randomUUID(), paymentId, clock.instant(), payment.channel(), fee));
    events.publishEvent(
        new InvoiceEvent.FeeRecorded(
            invoice.workspaceId(), invoice.projectId(), actor.label(), paymentId, fee));
    return payment;
  }

  /**
   * A client contact reports a payment they made (e.g. a bank transfer); it counts only once a
   * member confirms it.
   */
  @Transactional
  public PaymentView reportPayment(
      Actor actor, UUID invoiceId, Money amount, LocalDate paidOn, @Nullable String reference) {
    Invoice invoice = access.load(actor, invoiceId);
    if (!actor.isContact()) {
      throw new DomainException(
          Errors.FORBIDDEN, Map.of("needed", "a client contact of the project"));
    }
    Settlement.requirePositive(invoice, amount);
    if (!invoice.state().owesMoney()) {
      throw DomainException.field(
          NOTHING_OPEN, "amount", Map.of("invoice", String.valueOf(invoice.number())));
    }
    if (amount.compareTo(invoice.open()) > 0) {
      throw DomainException.field(
          MORE_THAN_OPEN, "amount", Map.of("open", invoice.open().toString()));
    }
    // reports waiting for the vendor count too: a second click is not a second payment
    Money waiting =
        invoices.payments(invoice.workspaceId(), invoiceId).stream()
            .filter(p -> p.status().equals(PaymentStatus.REPORTED.name()))
            .map(Settlement::amountOf)
            .reduce(Money.zero(amount.currency()), Money::plus);
    if (!waiting.isZero() && waiting.plus(amount).compareTo(invoice.open()) > 0) {
      throw DomainException.field(
          REPORTED_ALREADY,
          "amount",
          Map.of("waiting", waiting.toString(), "open", invoice.open().toString()));
    }
    PaymentView payment =
        new PaymentView(
            UUID.randomUUID(),
            invoiceId,
            "bank",
            MoneyJson.of(amount),
            PaymentStatus.REPORTED.name(),
            settlement.paymentDate(invoice.workspaceId(), "paidOn", paidOn),
            Validation.optionalText("reference", reference, 200));
    invoices.insertPayment(
        invoice.workspaceId(), invoice.clientId(), payment, null, actor.label(), clock.instant());
    events.publishEvent(
        new InvoiceEvent.PaymentReported(
            invoice.workspaceId(),
            invoice.projectId(),
            actor.label(),
            payment.id(),
            invoiceId,
            amount));
    return payment;
  }

  /** A payment of an invoice the caller may see. */
  @Transactional(readOnly = true)
  public PaymentView payment(Actor actor, UUID paymentId) {
    return access.loadPayment(actor, paymentId).payment();
  }

  /**
   * A member confirms a payment the client reported; only then it is posted. Money that arrives for
   * an invoice settled in the meantime (by another payment, a credit note) is kept as the client's
   * credit, with a receipt that says so.
   */
  @Transactional
  public PaymentView confirmReported(Actor actor, UUID paymentId) {
    Access.member(actor);
    InvoiceAccess.PaymentOf paid = access.loadPayment(actor, paymentId);
    Invoice invoice = paid.invoice();
    if (!invoices.confirm(actor.workspaceId(), paymentId)) {
      throw new DomainException(
          InvoiceErrors.ILLEGAL_TRANSITION,
          Map.of("action", "confirm a payment of", "state", "already decided"));
    }
    PaymentView payment = paid.payment();
    if (invoice.state().owesMoney()) {
      settlement.settle(invoice, payment, Settlement.amountOf(payment), actor.label());
    } else {
      settlement.keepAsCredit(invoice, payment, Settlement.amountOf(payment), actor.label());
    }
    return access.payment(invoice.workspaceId(), invoice.id(), paymentId);
  }

  /**
   * A member says a transfer the client reported never arrived: it counts for nothing, stays on
   * record as not received, and no longer waits for anyone.
   */
  @Transactional
  public PaymentView notReceived(Actor actor, UUID paymentId) {
    Access.member(actor);
    InvoiceAccess.PaymentOf reported = access.loadPayment(actor, paymentId);
    Invoice invoice = reported.invoice();
    if (!invoices.move(
        actor.workspaceId(), paymentId, PaymentStatus.REPORTED, PaymentStatus.NOT_RECEIVED)) {
      throw new DomainException(
          InvoiceErrors.ILLEGAL_TRANSITION,
          Map.of("action", "mark as not received a payment of", "state", "already decided"));
    }
    events.publishEvent(
        new InvoiceEvent.PaymentNotReceived(
            invoice.workspaceId(),
            invoice.projectId(),
            actor.label(),
            paymentId,
            invoice.id(),
            Settlement.amountOf(reported.payment())));
    return access.payment(invoice.workspaceId(), invoice.id(), paymentId);
  }
}
