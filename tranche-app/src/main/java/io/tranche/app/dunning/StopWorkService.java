package io.tranche.app.dunning;

import io.tranche.app.dunning.internal.DunningRepository;
import io.tranche.app.invoice.InvoiceEvent;
import io.tranche.app.invoice.InvoiceService;
import io.tranche.app.invoice.InvoiceView;
import io.tranche.app.platform.Actor;
import io.tranche.app.platform.Reaction;
import io.tranche.app.project.StopWork;
import io.tranche.core.money.Money;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stop-work as the rest of Tranche sees it: whether a project is paused, and for which invoice.
 * Money clears it: when the invoice that caused it is paid (or credited, voided or written off),
 * the pause lifts at once and the resumption is evidence. Nobody sets or lifts it by hand.
 */
@Service
public class StopWorkService implements StopWork {
  private final DunningRepository repository;
  private final InvoiceService invoices;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  StopWorkService(
      DunningRepository repository,
      InvoiceService invoices,
      ApplicationEventPublisher events,
      Clock clock) {
    this.repository = repository;
    this.invoices = invoices;
    this.events = events;
    this.clock = clock;
  }

  /**
   * No transaction of its own: a project that is not paused is one statement, and pages ask while
   * they render, after their own transaction (opening one cost as much as the read). A paused
   * project's invoice is read after its stop; a payment between the two shows the pause once more.
   */
  @Override
  public Optional<Pause> of(UUID workspaceId, UUID projectId) {
    return repository
        .stopOf(workspaceId, projectId)
        .map(
            stop -> {
              InvoiceView invoice =
                  invoices.invoice(Actor.workspace(workspaceId, "stop-work"), stop.invoiceId());
              return new Pause(
                  stop.since(),
                  invoice.id(),
                  String.valueOf(invoice.number()),
                  Money.of(invoice.open().amountMinor(), invoice.open().currency()),
                  java.util.Objects.requireNonNull(invoice.dueOn()));
            });
  }

  @Reaction
  void on(InvoiceEvent.PaymentReceived e) {
    liftIfSettled(e.workspaceId(), e.invoiceId());
  }

  @Reaction
  void on(InvoiceEvent.CreditNoteIssued e) {
    liftIfSettled(e.workspaceId(), e.invoiceId());
  }

  @Reaction
  void on(InvoiceEvent.InvoiceVoided e) {
    liftIfSettled(e.workspaceId(), e.invoiceId());
  }

  @Reaction
  void on(InvoiceEvent.InvoiceWrittenOff e) {
    liftIfSettled(e.workspaceId(), e.invoiceId());
  }

  /** Lifts the stop-work an invoice caused once nothing is owed on it any more. */
  @Transactional
  public void liftIfSettled(UUID workspaceId, UUID invoiceId) {
    Optional<UUID> project = repository.stoppedProject(workspaceId, invoiceId);
    if (project.isEmpty()) {
      return;
    }
    InvoiceView invoice = invoices.invoice(Actor.workspace(workspaceId, "stop-work"), invoiceId);
    if (DunningSteps.UNPAID.contains(invoice.state())) {
      return;
    }
    if (repository.lift(workspaceId, invoiceId, clock.instant())) {
      events.publishEvent(
          new DunningEvent.WorkResumed(workspaceId, project.get(), DunningEvent.ACTOR, invoiceId));
    }
  }
}
