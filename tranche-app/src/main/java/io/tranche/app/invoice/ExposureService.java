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
 * A project's exposure as people see it: value handed over (by {@link HandedOver}, as the release
 * rule counts it) minus money received, against the credit limit.
 */
@Service
public class ExposureService {
  private final ProjectService projects;
  private final InvoiceRepository invoices;
  private final HandedOver handedOver;

  ExposureService(ProjectService projects, InvoiceRepository invoices, HandedOver handedOver) {
    this.projects = projects;
    this.invoices = invoices;
    this.handedOver = handedOver;
  }

  /** The project's exposure now. */
  @Transactional(readOnly = true)
  public ExposureView exposure(Actor actor, UUID projectId) {
    ProjectView project = projects.project(actor, projectId);
    String currency = project.currency();
    Exposure exposure =
        new Exposure(
            handedOver.minor(projectId),
            invoices.receivedMinor(projectId),
            project.creditLimit().amountMinor());
    return new ExposureView(
        new MoneyJson(exposure.handedOverMinor(), currency),
        new MoneyJson(exposure.receivedMinor(), currency),
        new MoneyJson(exposure.minor(), currency),
        project.creditLimit(),
        exposure.withinLimit());
  }
}
