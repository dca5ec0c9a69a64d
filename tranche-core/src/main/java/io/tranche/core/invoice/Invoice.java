package io.tranche.core.invoice;

import io.tranche.core.error.DomainException;
import io.tranche.core.error.Validation;
import io.tranche.core.money.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An invoice: lines with their tax, what was paid and credited against it, and its state. Issued
 * invoices are immutable in content; payments and credit notes change only what is open.
 *
 * <p>A credit note is not a payment. What an invoice asks for is its total less its credit notes;
 * it is PAID when payments cover that (a partial credit note and a payment for the rest make it
 * PAID, in either order), and only then is its milestone paid. An invoice that credit notes alone
 * reduce to nothing is CREDITED: nothing is owed, nothing was paid, and it releases nothing. While
 * something is owed it is ISSUED, or PARTIALLY_PAID once money came. A refund takes back payments
 * and the state follows again. A write-off closes what is open without payment (WRITTEN_OFF).
 *
 * @param milestoneId the milestone whose part of the price it asks for, if any
 */
public record Invoice(
    UUID id,
    UUID workspaceId,
    UUID projectId,
    UUID clientId,
    @Nullable UUID milestoneId,
    @Nullable String number,
    List<InvoiceLine> lines,
    InvoiceState state,
    @Nullable LocalDate issuedOn,
    @Nullable LocalDate dueOn,
    Money paid,
    Money credited) {
  /**
   * The most lines an invoice (or credit note) may have: a bill a person reads, not a data dump.
   */
  public static final int MAX_LINES = 500;

  public Invoice {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(workspaceId, "workspaceId");
    Objects.requireNonNull(projectId, "projectId");
    Objects.requireNonNull(clientId, "clientId");
    lines = List.copyOf(Validation.atMost("lines", Validation.required("lines", lines), MAX_LINES));
    if (lines.isEmpty()) {
      throw DomainException.field(InvoiceErrors.NO_LINES, "lines", Map.of());
    }
    try {
      lines.stream().map(InvoiceLine::gross).reduce(Money::plus);
    } catch (DomainException e) {
      throw DomainException.field(e.code(), "lines", e.args());
    }
    Validation.required("state", state);
    Validation.required("paid", paid);
    Validation.required("credited", credited);
  }

  /** A draft invoice. */
  public static Invoice draft(
      UUID workspaceId,
      UUID projectId,
      UUID clientId,
      @Nullable UUID milestoneId,
      List<InvoiceLine> lines) {
    Money zero =
        Money.zero(
            lines.isEmpty()
                ? java.util.Currency.getInstance("EUR")
                : lines.get(0).unitPrice().currency());
    return new Invoice(
        UUID.randomUUID(),
        workspaceId,
        projectId,
        clientId,
        milestoneId,
        null,
        lines,
        InvoiceState.DRAFT,
        null,
        null,
        zero,
        zero);
  }

  public Money net() {
    return lines.stream().map(InvoiceLine::net).reduce(Money::plus).orElseThrow();
  }

  public Money tax() {
    return lines.stream().map(InvoiceLine::tax).reduce(Money::plus).orElseThrow();
  }

  public Money total() {
    return net().plus(tax());
  }

  /** What is still owed: total − paid − credited (never below zero). */
  public Money open() {
    Money open = total().minus(paid).minus(credited);
    return open.isNegative() ? Money.zero(open.currency()) : open;
  }

  /** Issues a draft with its number on {@code on}, due after {@code netDays}. */
  public Invoice issue(String number, LocalDate on, int netDays) {
    if (state != InvoiceState.DRAFT) {
      throw illegal("issue");
    }
    Validation.range("netDays", netDays, 0, 365);
    return new Invoice(
        id,
        workspaceId,
        projectId,
        clientId,
        milestoneId,
        number,
        lines,
        InvoiceState.ISSUED,
        on,
        on.plusDays(netDays),
        paid,
        credited);
  }

  /**
   * Records money received against this invoice; the state follows what is open. Only what was open
   * counts as paid on it: the rest of {@code amount} is the client's credit ({@link
   * io.tranche.core.ledger.Ledger#beyondOpen}), not this invoice's, so paid plus credited never
   * exceeds the total and a refund of that rest does not reopen the invoice.
   */
  public Invoice pay(Money amount) {
    if (state != InvoiceState.ISSUED && state != InvoiceState.PARTIALLY_PAID) {
      throw illegal("pay");
    }
    Money open = open();
    return settle(paid.plus(amount.compareTo(open) > 0 ? open : amount), credited);
  }

  /** Money paid back to the client: it is owed again. */
  public Invoice refund(Money amount) {
    if (state == InvoiceState.DRAFT || state == InvoiceState.VOID) {
      throw illegal("refund");
    }
    return settle(paid.minus(amount), credited);
  }

  /** Records a credit note against this invoice. */
  public Invoice credit(Money amount) {
    if (state != InvoiceState.ISSUED && state != InvoiceState.PARTIALLY_PAID) {
      throw illegal("credit");
    }
    return settle(paid, credited.plus(amount));
  }

  /**
   * Gives up on what is open: nothing more is owed, and the invoice says it was written off rather
   * than paid (the amount counts as credited).
   */
  public Invoice writeOff() {
    if (state != InvoiceState.ISSUED && state != InvoiceState.PARTIALLY_PAID) {
      throw illegal("write off");
    }
    return with(InvoiceState.WRITTEN_OFF, paid, credited.plus(open()));
  }

  /** Voids an invoice nothing was paid on and that is not settled by credit notes. */
  public Invoice voided() {
    if (state == InvoiceState.PAID
        || state == InvoiceState.CREDITED
        || state == InvoiceState.VOID
        || !paid.isZero()) {
      throw illegal("void");
    }
    return with(InvoiceState.VOID, paid, credited);
  }

  /** The state as of {@code now}: an unpaid invoice past its due date is OVERDUE. */
  public InvoiceState stateAt(Instant now) {
    boolean unpaid = state == InvoiceState.ISSUED || state == InvoiceState.PARTIALLY_PAID;
    if (unpaid && dueOn != null && LocalDate.ofInstant(now, ZoneOffset.UTC).isAfter(dueOn)) {
      return InvoiceState.OVERDUE;
    }
    return state;
  }

  /** This invoice in another state with other amounts; everything else stays. */
  private Invoice with(InvoiceState next, Money newPaid, Money newCredited) {
    return new Invoice(
        id,
        workspaceId,
        projectId,
        clientId,
        milestoneId,
        number,
        lines,
        next,
        issuedOn,
        dueOn,
        newPaid,
        newCredited);
  }

  /** The state the amounts say (see the class comment): credit notes alone never make it PAID. */
  private Invoice settle(Money newPaid, Money newCredited) {
    Money open = total().minus(newPaid).minus(newCredited);
    boolean owed = !open.isNegative() && !open.isZero();
    boolean moneyCame = !newPaid.isZero();
    InvoiceState next;
    if (owed) {
      next = moneyCame ? InvoiceState.PARTIALLY_PAID : InvoiceState.ISSUED;
    } else {
      next = moneyCame ? InvoiceState.PAID : InvoiceState.CREDITED;
    }
    return with(next, newPaid, newCredited);
  }

  private DomainException illegal(String action) {
    return new DomainException(
        InvoiceErrors.ILLEGAL_TRANSITION, Map.of("action", action, "state", state.name()));
  }
}
