package io.tranche.app.dunning;

import io.tranche.app.dunning.internal.DunningMail;
import io.tranche.app.dunning.internal.DunningRepository;
import io.tranche.app.invoice.InvoiceService;
import io.tranche.app.invoice.InvoiceView;
import io.tranche.app.platform.Actor;
import io.tranche.core.dunning.DunningPlan;
import io.tranche.core.dunning.DunningSchedule;
import io.tranche.core.dunning.DunningStage;
import io.tranche.core.invoice.InvoiceState;
import io.tranche.core.money.Money;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes one dunning step of one invoice, in one transaction: records it (the step's primary key
 * makes it happen once, whichever node or restart gets there first), posts the late fee as an
 * invoice, enters stop-work, issues the demand letter, and queues the mail in the outbox, so either
 * all of it happens or none.
 */
@Service
public class DunningSteps {
  /** How long the demand letter gives to pay. */
  static final int DEMAND_DAYS = 14;

  private final DunningRepository repository;
  private final InvoiceService invoices;
  private final DunningMail mail;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  DunningSteps(
      DunningRepository repository,
      InvoiceService invoices,
      DunningMail mail,
      ApplicationEventPublisher events,
      Clock clock) {
    this.repository = repository;
    this.invoices = invoices;
    this.mail = mail;
    this.events = events;
    this.clock = clock;
  }

  /**
   * The states in which an invoice still asks for money (what dunning chases and stop-work holds).
   */
  static final Set<InvoiceState> UNPAID =
      Set.of(InvoiceState.ISSUED, InvoiceState.PARTIALLY_PAID, InvoiceState.OVERDUE);

  /**
   * The step number that marks an invoice noticed overdue (no mail; the {@code invoice.overdue}
   * event).
   */
  public static final int OVERDUE = -1;

  /** Notes, once, that an unpaid invoice passed its due date. */
  @Transactional
  public boolean overdue(DunningRepository.Candidate c) {
    InvoiceView invoice = invoices.invoice(Actor.workspace(c.workspaceId(), "dunning"), c.id());
    if (!UNPAID.contains(invoice.state())
        || invoice.dueOn() == null
        || !repository.take(
            c.workspaceId(),
            c.id(),
            OVERDUE,
            invoice.dueOn(),
            clock.instant(),
            false,
            false,
            "NONE")) {
      return false;
    }
    events.publishEvent(
        new DunningEvent.InvoiceOverdue(
            c.workspaceId(),
            c.projectId(),
            DunningEvent.ACTOR,
            c.id(),
            c.number(),
            invoice.dueOn(),
            Money.of(invoice.open().amountMinor(), invoice.open().currency())));
    return true;
  }

  /** Takes {@code step} for the invoice; false when it was taken already or the invoice is paid. */
  @Transactional
  public boolean take(
      DunningRepository.Candidate c, DunningPlan plan, DunningSchedule.Step step, LocalDate today) {
    InvoiceView invoice = invoices.invoice(Actor.workspace(c.workspaceId(), "dunning"), c.id());
    if (!UNPAID.contains(invoice.state()) || invoice.dueOn() == null) {
      return false;
    }
    boolean byLetter =
        !step.preDue() && plan.stage(step.number()).channel() == DunningStage.Channel.LETTER;
    if (!repository.take(
        c.workspaceId(),
        c.id(),
        step.number(),
        invoice.dueOn(),
        clock.instant(),
        step.stopWork(),
        step.demandLetter(),
        byLetter ? "LETTER" : "EMAIL")) {
      return false;
    }
    Money open = Money.of(invoice.open().amountMinor(), invoice.open().currency());
    long daysLate = DunningSchedule.daysLate(invoice.dueOn(), today);
    DunningMail.About about =
        new DunningMail.About(
            c.workspaceId(), c.projectId(), c.id(), c.number(), open, invoice.dueOn(), daysLate);
    events.publishEvent(
        new DunningEvent.ReminderSent(
            c.workspaceId(),
            c.projectId(),
            DunningEvent.ACTOR,
            c.id(),
            c.number(),
            step.number(),
            invoice.dueOn(),
            open));
    if (step.preDue()) {
      mail.beforeDue(about);
      return true;
    }
    Money fee = null;
    String feeNumber = null;
    if (step.lateFee()) {
      Money amount = plan.lateFee().on(open, daysLate);
      if (amount.amountMinor() > 0) {
        InvoiceView posted =
            invoices.issueLateFee(
                c.workspaceId(),
                c.id(),
                amount,
                "Late fee for invoice " + c.number() + ": " + plan.lateFee().describe(),
                DunningEvent.ACTOR);
        repository.lateFeeInvoice(c.workspaceId(), c.id(), step.number(), posted.id());
        events.publishEvent(
            new DunningEvent.LateFeePosted(
                c.workspaceId(),
                c.projectId(),
                DunningEvent.ACTOR,
                c.id(),
                posted.id(),
                amount,
                plan.lateFee().describe()));
        fee = amount;
        feeNumber = posted.number();
      }
    }
    boolean stopped =
        step.stopWork()
            && repository.stopWork(c.workspaceId(), c.projectId(), c.id(), clock.instant());
    if (stopped) {
      events.publishEvent(
          new DunningEvent.StopWorkStarted(
              c.workspaceId(), c.projectId(), DunningEvent.ACTOR, c.id()));
    }
    @Nullable LocalDate deadline = null;
    if (step.demandLetter()) {
      deadline = today.plusDays(DEMAND_DAYS);
      events.publishEvent(
          new DunningEvent.DemandLetterIssued(
              c.workspaceId(), c.projectId(), DunningEvent.ACTOR, c.id(), deadline));
    }
    if (byLetter) {
      mail.byLetter(about, step.number(), step.demandLetter());
    } else {
      mail.reminder(about, plan, step, fee, feeNumber, step.stopWork(), deadline);
    }
    if (stopped || step.demandLetter()) {
      mail.stopWork(about, step.stopWork(), step.demandLetter());
    }
    return true;
  }
}
