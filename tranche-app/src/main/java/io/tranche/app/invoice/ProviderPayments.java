package io.tranche.app.invoice;

import io.tranche.app.invoice.internal.InvoiceAccess;
import io.tranche.app.invoice.internal.InvoiceRepository;
import io.tranche.app.invoice.internal.LedgerRepository;
import io.tranche.app.invoice.internal.Settlement;
import io.tranche.app.platform.Errors;
import io.tranche.app.platform.MoneyJson;
import io.tranche.core.invoice.Invoice;
import io.tranche.core.invoice.InvoiceState;
import io.tranche.core.money.Money;
import io.tranche.core.payment.PaymentStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Money a payment provider reports (e.g. Stripe webhooks and the reconciler): confirmed payments,
 * payments of unknown outcome until resolved, refunds and chargebacks. Each is recorded once per
 * provider reference; what cannot apply is refused (for parking), not thrown.
 */
@Service
public class ProviderPayments {
  private final InvoiceRepository invoices;
  private final LedgerRepository ledger;
  private final InvoiceAccess access;
  private final Settlement settlement;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  ProviderPayments(
      InvoiceRepository invoices,
      LedgerRepository ledger,
      InvoiceAccess access,
      Settlement settlement,
      ApplicationEventPublisher events,
      Clock clock) {
    this.invoices = invoices;
    this.ledger = ledger;
    this.access = access;
    this.settlement = settlement;
    this.events = events;
    this.clock = clock;
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
    var known = invoices.providerPayment(channel, providerRef);
    if (known.isPresent()) {
      if (PaymentStatus.valueOf(known.get().status()) == PaymentStatus.UNKNOWN) {
        resolveUnknown(known.get().workspaceId(), known.get().id(), true, "provider event");
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
          InvoiceService.WRONG_CURRENCY.slug()
              + ": invoice in "
              + expected
              + ", paid in "
              + amount.currency().getCurrencyCode());
    }
    settlement.receive(
        invoice, providerRef, channel, amount, receivedOn, providerRef, "system:" + channel);
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
    if (invoices.providerPayment(channel, providerRef).isPresent()) {
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
            PaymentStatus.UNKNOWN.name(),
            on,
            providerRef);
    invoices.insertPayment(
        invoice.workspaceId(), invoice.clientId(), payment, providerRef, "system:" + channel, now);
    invoices.scheduleCheck(
        invoice.workspaceId(), payment.id(), now.plus(java.time.Duration.ofMinutes(1)), 0);
    events.publishEvent(
        new InvoiceEvent.PaymentUnknown(
            invoice.workspaceId(),
            invoice.projectId(),
            "system:" + channel,
            payment.id(),
            invoiceId,
            amount,
            providerRef));
    return new ProviderResult(ProviderOutcome.RECORDED, "");
  }

  /**
   * Locks the invoice of a provider's payment until the transaction ends: the invoice it was
   * recorded against if it was, else {@code invoiceId}.
   */
  private java.util.Optional<Invoice> lockFor(String channel, String providerRef, UUID invoiceId) {
    var known = invoices.providerPayment(channel, providerRef);
    UUID id = known.map(InvoiceRepository.ProviderPayment::invoiceId).orElse(invoiceId);
    return known
        .map(InvoiceRepository.ProviderPayment::workspaceId)
        .or(() -> invoices.workspaceOfInvoice(id))
        .flatMap(workspaceId -> invoices.lock(workspaceId, id));
  }

  /**
   * Resolves a payment of unknown outcome: succeeded → confirmed and posted; failed → FAILED,
   * nothing posted. Resolving twice does nothing. Money that succeeds after its invoice was settled
   * another way (paid by transfer, written off, credited) settles nothing: it is posted as the
   * client's credit, and the invoice stays as it is.
   */
  @Transactional
  public void resolveUnknown(UUID workspaceId, UUID paymentId, boolean succeeded, String how) {
    UUID invoiceId =
        invoices
            .invoiceOfPayment(workspaceId, paymentId)
            .orElseThrow(Errors.notFoundSupplier("payment", paymentId));
    Invoice invoice = invoices.lock(workspaceId, invoiceId).orElseThrow();
    if (!invoices.move(
        workspaceId,
        paymentId,
        PaymentStatus.UNKNOWN,
        succeeded ? PaymentStatus.CONFIRMED : PaymentStatus.FAILED)) {
      return;
    }
    PaymentView payment = access.payment(workspaceId, invoiceId, paymentId);
    if (succeeded
        && (invoice.state() == InvoiceState.ISSUED
            || invoice.state() == InvoiceState.PARTIALLY_PAID)) {
      settlement.settle(
          invoice, payment, Settlement.amountOf(payment), "system:" + payment.channel());
    } else if (succeeded) {
      settlement.keepAsCredit(
          invoice, payment, Settlement.amountOf(payment), "system:" + payment.channel());
    } else {
      events.publishEvent(
          new InvoiceEvent.PaymentFailed(
              invoice.workspaceId(),
              invoice.projectId(),
              "system:" + payment.channel(),
              paymentId,
              invoiceId,
              how));
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
  public void checkLater(UUID workspaceId, UUID paymentId, int attempts) {
    long minutes = Math.min(360, 1L << Math.min(attempts, 9));
    invoices.scheduleCheck(
        workspaceId,
        paymentId,
        clock.instant().plus(java.time.Duration.ofMinutes(minutes)),
        attempts + 1);
  }
}
