package io.tranche.app.invoice;

import io.tranche.app.invoice.internal.LedgerRepository;
import io.tranche.app.invoice.internal.Settlement;
import io.tranche.app.platform.Access;
import io.tranche.app.platform.Actor;
import io.tranche.app.platform.MoneyJson;
import io.tranche.app.workspace.ClientService;
import io.tranche.core.error.DomainException;
import io.tranche.core.error.ErrorCode;
import io.tranche.core.error.ErrorKind;
import io.tranche.core.error.Validation;
import io.tranche.core.ledger.Ledger;
import io.tranche.core.money.Money;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Credit a client held, paid back to them by bank transfer outside Tranche: a member records it, so
 * the credit is not used again and the books show the money leaving.
 */
@Service
public class CreditPaybacks {
  /** A member records paying back more credit than the client holds. */
  public static final ErrorCode MORE_THAN_HELD =
      new ErrorCode(
          "credit.more-than-held",
          ErrorKind.INVALID,
          "{field} is more than the credit the client holds ({held})");

  private final LedgerRepository ledger;
  private final Settlement settlement;
  private final ClientService clients;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final io.tranche.app.workspace.SettingsService settings;

  CreditPaybacks(
      LedgerRepository ledger,
      Settlement settlement,
      ClientService clients,
      ApplicationEventPublisher events,
      Clock clock,
      io.tranche.app.workspace.SettingsService settings) {
    this.settings = settings;
    this.ledger = ledger;
    this.settlement = settlement;
    this.clients = clients;
    this.events = events;
    this.clock = clock;
  }

  /**
   * The currency a pay-back of the client's credit is in: that of the credit held (the first, if it
   * is held in several), else the workspace's.
   */
  @Transactional(readOnly = true)
  public String currency(Actor actor, UUID clientId) {
    clients.client(Access.member(actor), clientId);
    return ledger.credit(actor.workspaceId(), clientId).stream()
        .map(MoneyJson::currency)
        .findFirst()
        .orElseGet(() -> settings.settings(actor.workspaceId()).currency());
  }

  /**
   * A member records that {@code amount} of a client's credit was paid back on {@code paidOn}; the
   * credit shrinks by it and the cash with it. Refused when more than the client holds in that
   * currency.
   */
  @Transactional
  public CreditPaidBack record(
      Actor actor,
      UUID clientId,
      Money amount,
      @Nullable LocalDate paidOn,
      @Nullable String reference) {
    clients.client(Access.member(actor), clientId);
    UUID workspaceId = actor.workspaceId();
    LocalDate on = settlement.paymentDate(workspaceId, "paidOn", paidOn);
    String ref = Validation.optionalText("reference", reference, 200);
    Settlement.requirePositive(amount);
    ledger.lockCredit(workspaceId, clientId);
    String currency = amount.currency().getCurrencyCode();
    long held = ledger.creditHeld(workspaceId, clientId, currency);
    if (amount.amountMinor() > held) {
      throw DomainException.field(
          MORE_THAN_HELD,
          "amount",
          Map.of("field", "amount", "held", Money.of(held, currency).toString()));
    }
    UUID id = UUID.randomUUID();
    ledger.append(
        workspaceId,
        Ledger.creditPaidBack(UUID.randomUUID(), id, clock.instant(), clientId, "bank", amount));
    CreditPaidBack paidBack =
        new CreditPaidBack(workspaceId, actor.label(), id, clientId, amount, on, ref);
    events.publishEvent(paidBack);
    return paidBack;
  }
}
