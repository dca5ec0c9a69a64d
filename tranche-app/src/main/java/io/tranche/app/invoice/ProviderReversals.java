package io.tranche.app.invoice;

import io.tranche.app.invoice.ProviderPayments.ProviderOutcome;
import io.tranche.app.invoice.ProviderPayments.ProviderResult;
import io.tranche.app.invoice.internal.InvoiceRepository;
import io.tranche.app.invoice.internal.LedgerRepository;
import io.tranche.app.invoice.internal.Settlement;
import io.tranche.core.invoice.Invoice;
import io.tranche.core.ledger.Ledger;
import io.tranche.core.money.Money;
import io.tranche.core.payment.PaymentStatus;
import java.time.Clock;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Money a payment provider takes back or puts in question after it arrived: refunds and
 * chargebacks. Like {@link ProviderPayments}, each report is matched to its payment by the
 * provider's reference, and what cannot apply is refused (for parking), not thrown.
 */
@Service
public class ProviderReversals {
  private final InvoiceRepository invoices;
  private final LedgerRepository ledger;
  private final Settlement settlement;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  ProviderReversals(
      InvoiceRepository invoices,
      LedgerRepository ledger,
      Settlement settlement,
      ApplicationEventPublisher events,
      Clock clock) {
    this.invoices = invoices;
    this.ledger = ledger;
    this.settlement = settlement;
    this.events = events;
    this.clock = clock;
  }

  /**
   * A provider refunded (part of) a payment: the money is owed again, and it is evidence. Providers
   * report what was refunded so far (Stripe's {@code amount_refunded} is a running total), so only
   * what is new since the last report is booked; a report of no more than that is already recorded.
   * A payment refunded in full becomes REFUNDED.
   */
  @Transactional
  public ProviderResult refundFromProvider(
      String channel, String providerRef, Money refundedSoFar, String eventId) {
    InvoiceRepository.ProviderPayment known =
        invoices.providerPayment(channel, providerRef).orElse(null);
    if (known == null) {
      return new ProviderResult(ProviderOutcome.REFUSED, "no payment " + providerRef);
    }
    Invoice invoice = invoices.lock(known.workspaceId(), known.invoiceId()).orElseThrow();
    InvoiceRepository.PaymentMoney payment =
        invoices.paymentMoney(known.workspaceId(), known.id()).orElseThrow();
    if (!refundedSoFar.currency().equals(payment.amount().currency())) {
      return new ProviderResult(
          ProviderOutcome.REFUSED, "refund in " + refundedSoFar.currency() + " for a payment");
    }
    if (refundedSoFar.compareTo(payment.refunded()) <= 0) {
      return new ProviderResult(ProviderOutcome.ALREADY_RECORDED, "");
    }
    Money amount = refundedSoFar.minus(payment.refunded());
    PaymentStatus next;
    try {
      next = payment.status().afterRefunds(payment.amount(), refundedSoFar);
    } catch (io.tranche.core.error.DomainException e) {
      return new ProviderResult(ProviderOutcome.REFUSED, e.getMessage());
    }
    // the part of the payment that became credit (paid beyond what was open) goes back first; only
    // the rest was paid on the invoice and reopens it
    Money credit =
        new Money(
            ledger.creditFromPayment(known.workspaceId(), known.id()), payment.amount().currency());
    Money fromCredit =
        io.tranche.core.ledger.Ledger.refundFromCredit(credit, payment.refunded(), refundedSoFar);
    Money fromInvoice = amount.minus(fromCredit);
    if (fromInvoice.compareTo(invoice.paid()) > 0) {
      return new ProviderResult(
          ProviderOutcome.REFUSED, "refund of " + amount + " does not fit the payments");
    }
    if (!invoices.recordRefunds(invoice.workspaceId(), payment, refundedSoFar, next)) {
      throw new IllegalStateException("payment " + payment.id() + " changed under its lock");
    }
    ledger.append(
        invoice.workspaceId(),
        Ledger.refund(
            UUID.randomUUID(),
            known.id(),
            clock.instant(),
            invoice.clientId(),
            channel,
            amount,
            fromCredit));
    if (!fromInvoice.isZero()) {
      settlement.store(invoice, invoice.refund(fromInvoice));
    }
    events.publishEvent(
        new InvoiceEvent.PaymentRefunded(
            invoice.workspaceId(),
            invoice.projectId(),
            "system:" + channel,
            known.id(),
            invoice.id(),
            amount,
            eventId,
            fromCredit));
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
    InvoiceRepository.ProviderPayment known =
        invoices.providerPayment(channel, providerRef).orElse(null);
    if (known == null) {
      return new ProviderResult(ProviderOutcome.REFUSED, "no payment " + providerRef);
    }
    Invoice invoice = invoices.find(known.workspaceId(), known.invoiceId()).orElseThrow();
    events.publishEvent(
        new InvoiceEvent.PaymentChargedBack(
            invoice.workspaceId(),
            invoice.projectId(),
            "system:" + channel,
            known.id(),
            invoice.id(),
            amount,
            disputeId,
            eventId));
    return new ProviderResult(ProviderOutcome.RECORDED, "");
  }
}
