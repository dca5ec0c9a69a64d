package io.tranche.app.invoice.internal;

import io.tranche.app.invoice.PaymentView;
import io.tranche.app.platform.Actor;
import io.tranche.app.platform.Errors;
import io.tranche.app.project.ProjectService;
import io.tranche.core.error.DomainException;
import io.tranche.core.invoice.Invoice;
import java.util.UUID;

/** Loads invoices and payments the caller may see; any other is "not found". */
@org.springframework.stereotype.Component
public class InvoiceAccess {
  private final InvoiceRepository invoices;
  private final ProjectService projects;

  InvoiceAccess(InvoiceRepository invoices, ProjectService projects) {
    this.invoices = invoices;
    this.projects = projects;
  }

  /** A payment and the invoice it pays. */
  public record PaymentOf(Invoice invoice, PaymentView payment) {}

  /** A payment whose invoice the caller may see; any other is "no such payment". */
  public PaymentOf loadPayment(Actor actor, UUID paymentId) {
    UUID invoiceId =
        invoices
            .invoiceOfPayment(actor.workspaceId(), paymentId)
            .orElseThrow(Errors.notFoundSupplier("payment", paymentId));
    try {
      return new PaymentOf(
          load(actor, invoiceId), payment(actor.workspaceId(), invoiceId, paymentId));
    } catch (DomainException e) {
      throw Errors.notFound("payment", paymentId);
    }
  }

  public PaymentView payment(UUID workspaceId, UUID invoiceId, UUID paymentId) {
    return invoices.payments(workspaceId, invoiceId).stream()
        .filter(p -> p.id().equals(paymentId))
        .findFirst()
        .orElseThrow();
  }

  public Invoice load(Actor actor, UUID id) {
    Invoice invoice =
        invoices.find(actor.workspaceId(), id).orElseThrow(Errors.notFoundSupplier("invoice", id));
    try {
      projects.requireVisible(actor, invoice.projectId());
    } catch (DomainException e) {
      throw Errors.notFound("invoice", id);
    }
    return invoice;
  }
}
