package io.tranche.core.release;

import io.tranche.core.money.Money;
import java.util.ArrayList;
import java.util.List;

/**
 * The rule that releases a milestone's sealed artifacts without anyone's action: its invoice is
 * fully paid (as the ledger says) — by money, not by credit notes alone — handing it over keeps the
 * project's exposure (value handed over minus money received) within the credit limit, and no
 * dispute is open. A vendor may release by hand regardless; that is their call, not this rule's.
 */
public final class ReleaseRule {
  private ReleaseRule() {}

  /**
   * What the rule looks at, in the project's currency.
   *
   * @param invoiceCredited the invoice was settled by credit notes alone (CREDITED): nothing is
   *     open, and nothing was paid
   */
  public record Facts(
      boolean invoiced,
      Money invoiceOpen,
      boolean invoiceCredited,
      Money handedOver,
      Money milestoneValue,
      Money received,
      Money creditLimit,
      boolean disputed) {
    /** The project's exposure now, before this milestone. */
    public Exposure exposure() {
      return new Exposure(handedOver, received, creditLimit);
    }

    /** The exposure if this milestone were handed over now. */
    public Exposure exposureAfter() {
      return exposure().handingOver(milestoneValue);
    }
  }

  /** The verdict, with every reason that holds the release back (empty when it may go). */
  public record Decision(boolean release, List<String> heldBecause) {
    public Decision {
      heldBecause = List.copyOf(heldBecause);
    }
  }

  public static Decision decide(Facts f) {
    List<String> held = new ArrayList<>();
    if (!f.invoiced()) {
      held.add("the milestone has no invoice yet");
    } else if (f.invoiceOpen().compareTo(Money.zero(f.invoiceOpen().currency())) > 0) {
      held.add("the invoice is not fully paid (" + f.invoiceOpen() + " open)");
    } else if (f.invoiceCredited()) {
      held.add("the invoice was settled by credit notes, not paid");
    }
    if (!f.exposureAfter().withinLimit()) {
      held.add(
          "exposure would be "
              + f.exposureAfter().value()
              + ", over the credit limit of "
              + f.creditLimit());
    }
    if (f.disputed()) {
      held.add("a dispute is open");
    }
    return new Decision(held.isEmpty(), held);
  }
}
