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
    return settlement.receive(
        invoice,
        null,
        "bank",
        amount,
        settlement.paymentDate(invoice.workspaceId(), "receivedOn", receivedOn),
        Validation.optionalText("reference", reference, 200),
        actor.label());
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

  /** A member confirms a payment the client reported; only then it is posted. */
  @Transactional
  public PaymentView confirmReported(Actor actor, UUID paymentId) {
    Access.member(actor);
    InvoiceAccess.PaymentOf paid = access.loadPayment(actor, paymentId);
    Invoice invoice = paid.invoice();
    if (!invoices.confirm(actor.workspaceId(), paymentId)) {
      throw new DomainException(
          InvoiceErrors.ILLEGAL_TRANSITION,
          Map.of("action", "confirm a payment of", "state", "already confirmed"));
    }
    PaymentView payment = paid.payment();
    settlement.settle(invoice, payment, Settlement.amountOf(payment), actor.label());
    return access.payment(invoice.workspaceId(), invoice.id(), paymentId);
  }
}
