package io.tranche.app.invoice;

import io.tranche.app.invoice.internal.InvoiceRepository;
import io.tranche.app.platform.Actor;
import io.tranche.app.platform.MoneyJson;
import io.tranche.app.project.ProjectService;
import io.tranche.app.project.ProjectView;
import io.tranche.core.release.Exposure;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where the money stands with a client: a project's exposure (value handed over, by {@link
 * HandedOver} as the release rule counts it, minus money received, against the credit limit) and
 * what each client owes, from the ledger.
 */
@Service
public class ExposureService {
  private final ProjectService projects;
  private final InvoiceRepository invoices;
  private final HandedOver handedOver;
  private final io.tranche.app.invoice.internal.LedgerRepository ledger;
  private final io.tranche.app.workspace.ClientService clients;

  ExposureService(
      ProjectService projects,
      InvoiceRepository invoices,
      HandedOver handedOver,
      io.tranche.app.invoice.internal.LedgerRepository ledger,
      io.tranche.app.workspace.ClientService clients) {
    this.projects = projects;
    this.invoices = invoices;
    this.handedOver = handedOver;
    this.ledger = ledger;
    this.clients = clients;
  }

  /** The project's exposure now. */
  @Transactional(readOnly = true)
  public ExposureView exposure(Actor actor, UUID projectId) {
    ProjectView project = projects.project(actor, projectId);
    String currency = project.currency();
    Exposure exposure =
        new Exposure(
            handedOver.value(actor.workspaceId(), projectId),
            io.tranche.core.money.Money.of(
                invoices.receivedMinor(actor.workspaceId(), projectId), currency),
            io.tranche.core.money.Money.of(project.creditLimit().amountMinor(), currency));
    return new ExposureView(
        MoneyJson.of(exposure.handedOver()),
        MoneyJson.of(exposure.received()),
        MoneyJson.of(exposure.value()),
        project.creditLimit(),
        exposure.withinLimit());
  }

  /** What each client of the caller's workspace owes, from the ledger, by client id. */
  @Transactional(readOnly = true)
  public java.util.Map<UUID, MoneyJson> receivables(Actor actor) {
    io.tranche.app.platform.Access.member(actor);
    return ledger.receivables(actor.workspaceId());
  }

  /** What a client owes, from the ledger. */
  @Transactional(readOnly = true)
  public MoneyJson receivable(Actor actor, UUID clientId, String currency) {
    clients.client(io.tranche.app.platform.Access.member(actor), clientId);
    return MoneyJson.of(
        ledger.balance(
            actor.workspaceId(), io.tranche.core.ledger.Account.receivable(clientId), currency));
  }
}
