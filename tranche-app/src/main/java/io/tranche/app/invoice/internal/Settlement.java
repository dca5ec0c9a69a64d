package io.tranche.app.invoice.internal;

import io.tranche.app.invoice.InvoiceEvent;
import io.tranche.app.invoice.InvoiceService;
import io.tranche.app.invoice.PaymentView;
import io.tranche.app.platform.MoneyJson;
import io.tranche.app.project.MilestoneService;
import io.tranche.app.workspace.WorkspaceService;
import io.tranche.core.error.DomainException;
import io.tranche.core.error.Validation;
import io.tranche.core.invoice.Invoice;
import io.tranche.core.invoice.InvoiceErrors;
import io.tranche.core.invoice.InvoiceNumbers;
import io.tranche.core.invoice.InvoiceState;
import io.tranche.core.ledger.Ledger;
import io.tranche.core.milestone.MilestoneAction;
import io.tranche.core.milestone.MilestoneState;
import io.tranche.core.money.Money;
import io.tranche.core.money.MoneyErrors;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;

/**
 * The steps every way money moves shares: issuing an invoice (number, posting, evidence, mail),
 * receiving and settling a payment, keeping late money as the client's credit, storing an invoice
 * change optimistically, and moving a milestone once its invoice is paid.
 */
@org.springframework.stereotype.Component
public class Settlement {
  private final InvoiceRepository invoices;
  private final LedgerRepository ledger;
  private final MilestoneService milestones;
  private final WorkspaceService workspaces;
  private final InvoiceMail mail;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final IssuedParties parties;

  Settlement(
      InvoiceRepository invoices,
      LedgerRepository ledger,
      MilestoneService milestones,
      WorkspaceService workspaces,
      InvoiceMail mail,
      ApplicationEventPublisher events,
      Clock clock,
      IssuedParties parties) {
    this.parties = parties;
    this.invoices = invoices;
    this.ledger = ledger;
    this.milestones = milestones;
    this.workspaces = workspaces;
    this.mail = mail;
    this.events = events;
    this.clock = clock;
  }

  public Invoice issue(Invoice draft, String actor) {
    Instant now = clock.instant();
    LocalDate today = workspaces.today(draft.workspaceId());
    WorkspaceService.InvoiceSettings settings = workspaces.invoiceSettings(draft.workspaceId());
    long seq = invoices.nextSequence(draft.workspaceId(), today.getYear());
    Invoice issued =
        draft.issue(
            InvoiceNumbers.format(settings.prefix(), today.getYear(), seq),
            today,
            settings.paymentTermsDays());
    invoices.insert(issued, now);
    parties.keep(issued);
    ledger.append(
        issued.workspaceId(),
        Ledger.invoiceIssued(
            UUID.randomUUID(), issued.id(), now, issued.clientId(), issued.net(), issued.tax()));
    events.publishEvent(
        new InvoiceEvent.InvoiceIssued(
            issued.workspaceId(),
            issued.projectId(),
            actor,
            issued.id(),
            issued.number(),
            issued.total(),
            issued.dueOn()));
    mail.issued(issued);
    return issued;
  }

  public PaymentView receive(
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
            io.tranche.core.payment.PaymentStatus.CONFIRMED.name(),
            receivedOn,
            reference);
    invoices.insertPayment(
        invoice.workspaceId(), invoice.clientId(), payment, providerRef, actor, clock.instant());
    settle(invoice, payment, amount, actor);
    return payment;
  }

  /** Applies a confirmed payment: ledger posting, invoice amounts, milestone, evidence, receipt. */
  public void settle(Invoice invoice, PaymentView payment, Money amount, String actor) {
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
    Money excess = Ledger.beyondOpen(amount, invoice.open());
    paid(
        invoice,
        next,
        payment,
        amount,
        actor,
        "Still open on this invoice: "
            + next.open()
            + "."
            + (excess.isZero()
                ? ""
                : " "
                    + excess
                    + " of it was more than the invoice asked for: it is kept as your credit"
                    + " with us."));
  }

  /**
   * Settles up to what is open from the credit the client holds: the credit and the receivable
   * shrink, no cash moves, and the client gets a receipt that says where the money came from.
   */
  public void settleFromCredit(Invoice invoice, PaymentView payment, Money amount, String actor) {
    Invoice next = invoice.pay(amount);
    ledger.append(
        invoice.workspaceId(),
        Ledger.creditApplied(
            UUID.randomUUID(), payment.id(), clock.instant(), invoice.clientId(), amount));
    paid(invoice, next, payment, amount, actor, "Still open on this invoice: " + next.open() + ".");
  }

  private void paid(
      Invoice invoice,
      Invoice next,
      PaymentView payment,
      Money amount,
      String actor,
      String outcome) {
    store(invoice, next);
    afterSettlement(invoice, next);
    events.publishEvent(
        new InvoiceEvent.PaymentReceived(
            invoice.workspaceId(),
            invoice.projectId(),
            actor,
            payment.id(),
            invoice.id(),
            amount,
            payment.channel(),
            null));
    issueReceipt(next, payment);
    mail.receipt(next, payment, amount, outcome);
  }

  /**
   * Numbers the receipt of a payment that counts, in the workspace's series for this year, with its
   * invoice's paid and open amounts once the payment is applied ({@code invoice} as it is then).
   */
  private void issueReceipt(Invoice invoice, PaymentView payment) {
    invoices.issueReceiptNumber(
        invoice.workspaceId(),
        payment.id(),
        workspaces.today(invoice.workspaceId()).getYear(),
        invoice.paid(),
        invoice.open());
  }

  /**
   * Posts money that arrived for an invoice that no longer asks for it: all of it goes to the
   * client's credit, the invoice is left as it is, and the client gets a receipt saying so.
   */
  public void keepAsCredit(Invoice invoice, PaymentView payment, Money amount, String actor) {
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
        new InvoiceEvent.PaymentReceived(
            invoice.workspaceId(),
            invoice.projectId(),
            actor,
            payment.id(),
            invoice.id(),
            amount,
            payment.channel(),
            amount));
    issueReceipt(invoice, payment);
    mail.receipt(
        invoice,
        payment,
        amount,
        "The invoice was already settled, so the amount is kept as your credit with us.");
  }

  /** Today in the workspace's time zone. */
  public LocalDate today(UUID workspaceId) {
    return workspaces.today(workspaceId);
  }

  /**
   * A date money changed hands, as a person gives it: within the last ten years, and not after
   * tomorrow (time zones), so a typo never becomes a payment dated in the year 20026.
   */
  public LocalDate paymentDate(UUID workspaceId, String field, LocalDate date) {
    return Validation.dateWithin(
        field,
        Validation.required(field, date),
        workspaces.today(workspaceId),
        java.time.Period.ofYears(10),
        java.time.Period.ofDays(1));
  }

  public static Money amountOf(PaymentView payment) {
    return Money.of(payment.amount().amountMinor(), payment.amount().currency());
  }

  public static void requirePositive(Invoice invoice, Money amount) {
    requireCurrency(invoice, amount);
    requirePositive(amount);
  }

  /** Refuses an amount of zero or less, naming the {@code amount} field. */
  public static void requirePositive(Money amount) {
    if (amount.isNegative() || amount.isZero()) {
      throw DomainException.field(
          MoneyErrors.NOT_POSITIVE, "amount", Map.of("value", amount.toDecimalString()));
    }
  }

  public void afterSettlement(Invoice before, Invoice after) {
    if (after.state() == InvoiceState.PAID
        && before.state() != InvoiceState.PAID
        && after.milestoneId() != null) {
      milestones
          .find(after.workspaceId(), after.milestoneId())
          .filter(m -> m.state() == MilestoneState.INVOICED && !m.disputed())
          .ifPresent(
              m ->
                  milestones.transitionAsSystem(
                      after.workspaceId(), m.id().value(), MilestoneAction.RECORD_PAYMENT));
    }
  }

  public void store(Invoice before, Invoice after) {
    if (!invoices.update(before, after)) {
      throw new DomainException(
          InvoiceErrors.CONCURRENT_CHANGE,
          Map.of(
              "state",
              invoices
                  .find(before.workspaceId(), before.id())
                  .map(i -> i.state().name())
                  .orElse(before.state().name())));
    }
  }

  public static void requireCurrency(Invoice invoice, Money amount) {
    String expected = invoice.total().currency().getCurrencyCode();
    if (!amount.currency().getCurrencyCode().equals(expected)) {
      throw DomainException.field(
          InvoiceService.WRONG_CURRENCY,
          "amount.currency",
          Map.of("expected", expected, "given", amount.currency().getCurrencyCode()));
    }
  }
}
