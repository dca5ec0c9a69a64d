package io.tranche.app.invoice;

import io.tranche.app.invoice.internal.InvoiceRepository;
import io.tranche.app.platform.Actor;
import io.tranche.app.project.ProjectView;
import io.tranche.core.invoice.Invoice;
import io.tranche.core.invoice.InvoiceState;
import io.tranche.core.money.Money;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What each project of a list asks of its client now: the money open on its issued invoices and the
 * first date it is due. A whole page of projects is read in two statements.
 */
@Service
public class OwedNow {
  private final InvoiceRepository invoices;
  private final Clock clock;

  OwedNow(InvoiceRepository invoices, Clock clock) {
    this.invoices = invoices;
    this.clock = clock;
  }

  /**
   * The money a project asks for now.
   *
   * @param open what is open on its issued invoices together
   * @param dueOn the earliest due date among them, if any has one
   * @param overdue what of {@code open} is past its due date
   * @param invoices how many invoices ask for it
   */
  public record Due(Money open, @Nullable LocalDate dueOn, Money overdue, int invoices) {
    static Due of(Invoice i, Instant now) {
      return new Due(i.open(), i.dueOn(), overdueOf(i, now), 1);
    }

    Due plus(Invoice i, Instant now) {
      LocalDate first =
          dueOn == null || (i.dueOn() != null && i.dueOn().isBefore(dueOn)) ? i.dueOn() : dueOn;
      return new Due(open.plus(i.open()), first, overdue.plus(overdueOf(i, now)), invoices + 1);
    }

    /** Whether all of it is past its due date. */
    public boolean allOverdue() {
      return !overdue.isZero() && overdue.equals(open);
    }

    /** Whether some, not all, of it is past its due date. */
    public boolean partlyOverdue() {
      return !overdue.isZero() && !overdue.equals(open);
    }

    private static Money overdueOf(Invoice i, Instant now) {
      return i.stateAt(now) == InvoiceState.OVERDUE ? i.open() : Money.zero(i.open().currency());
    }
  }

  /**
   * What each of {@code shown} asks for now, by project id; a project that asks for nothing is not
   * in the map. {@code shown} are projects the caller was given by an access-checked read.
   */
  @Transactional(readOnly = true)
  public Map<UUID, Due> of(Actor actor, List<ProjectView> shown) {
    Instant now = clock.instant();
    Map<UUID, Due> due = new LinkedHashMap<>();
    for (Invoice i :
        invoices.owingOfProjects(
            actor.workspaceId(), shown.stream().map(ProjectView::id).toList())) {
      if (i.open().amountMinor() <= 0) {
        continue;
      }
      Due before = due.get(i.projectId());
      due.put(i.projectId(), before == null ? Due.of(i, now) : before.plus(i, now));
    }
    return due;
  }
}
