package io.tranche.app.invoice;

import io.tranche.app.invoice.internal.InvoiceAccess;
import io.tranche.app.invoice.internal.InvoiceRepository;
import io.tranche.app.invoice.internal.LedgerRepository;
import io.tranche.app.invoice.internal.Settlement;
import io.tranche.app.platform.Access;
import io.tranche.app.platform.Actor;
import io.tranche.app.platform.MoneyJson;
import io.tranche.app.project.ProjectService;
import io.tranche.app.workspace.ClientService;
import io.tranche.core.error.DomainException;
import io.tranche.core.error.ErrorCode;
import io.tranche.core.error.ErrorKind;
import io.tranche.core.invoice.Invoice;
import io.tranche.core.money.Money;
import io.tranche.core.payment.PaymentStatus;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Money a client paid beyond what was asked (an overpayment, a transfer confirmed after its invoice
 * was settled) is the client's credit, held in the ledger. Both sides see it, and a member uses it
 * to pay an open invoice of that client: a payment of channel {@value #CHANNEL} that moves no cash.
 */
@Service
public class ClientCredits {
  /** The channel of a payment made from the client's credit. */
  public static final String CHANNEL = "credit";

  /** A member uses credit that the client does not hold in the invoice's currency. */
  public static final ErrorCode NONE_HELD =
      new ErrorCode(
          "credit.none-held",
          ErrorKind.INVALID,
          "the client holds no credit in {currency} to pay invoice {invoice} with");

  /** A member uses credit for an invoice that asks for nothing. */
  public static final ErrorCode NOTHING_OPEN =
      new ErrorCode(
          "credit.nothing-open", ErrorKind.INVALID, "invoice {invoice} has nothing open to pay");

  private final LedgerRepository ledger;
  private final InvoiceRepository invoices;
  private final InvoiceAccess access;
  private final Settlement settlement;
  private final ClientService clients;
  private final ProjectService projects;
  private final java.time.Clock clock;

  ClientCredits(
      LedgerRepository ledger,
      InvoiceRepository invoices,
      InvoiceAccess access,
      Settlement settlement,
      ClientService clients,
      ProjectService projects,
      java.time.Clock clock) {
    this.clock = clock;
    this.ledger = ledger;
    this.invoices = invoices;
    this.access = access;
    this.settlement = settlement;
    this.clients = clients;
    this.projects = projects;
  }

  /** The credit a client of the member's workspace holds, per currency; empty when none. */
  @Transactional(readOnly = true)
  public List<MoneyJson> ofClient(Actor actor, UUID clientId) {
    clients.client(Access.member(actor), clientId);
    return ledger.credit(actor.workspaceId(), clientId);
  }

  /**
   * The credit the client of a project holds, for anyone who may see the project (its contacts
   * included), per currency; empty when none.
   */
  @Transactional(readOnly = true)
  public List<MoneyJson> ofProject(Actor actor, UUID projectId) {
    return ledger.credit(actor.workspaceId(), projects.project(actor, projectId).clientId());
  }

  /**
   * A member pays an open invoice from the client's credit in its currency, up to what is open. The
   * invoice, its milestone and the ledger move as for any payment, and the client gets a receipt
   * that says it was paid from credit.
   */
  @Transactional
  public PaymentView apply(Actor actor, UUID invoiceId) {
    Access.member(actor);
    Invoice invoice = access.load(actor, invoiceId);
    String currency = invoice.total().currency().getCurrencyCode();
    Map<String, Object> about =
        Map.of("invoice", String.valueOf(invoice.number()), "currency", currency);
    if (!invoice.state().owesMoney() || invoice.open().amountMinor() <= 0) {
      throw new DomainException(NOTHING_OPEN, about);
    }
    ledger.lockCredit(invoice.workspaceId(), invoice.clientId());
    long held = ledger.creditHeld(invoice.workspaceId(), invoice.clientId(), currency);
    if (held <= 0) {
      throw new DomainException(NONE_HELD, about);
    }
    Money amount = Money.of(Math.min(held, invoice.open().amountMinor()), currency);
    PaymentView payment =
        new PaymentView(
            UUID.randomUUID(),
            invoice.id(),
            CHANNEL,
            MoneyJson.of(amount),
            PaymentStatus.CONFIRMED.name(),
            settlement.today(invoice.workspaceId()),
            null);
    invoices.insertPayment(
        invoice.workspaceId(), invoice.clientId(), payment, null, actor.label(), clock.instant());
    settlement.settleFromCredit(invoice, payment, amount, actor.label());
    return access.payment(invoice.workspaceId(), invoice.id(), payment.id());
  }
}
