package io.tranche.app.portal;

import io.tranche.app.invoice.InvoiceService;
import io.tranche.app.invoice.InvoiceView;
import io.tranche.app.payment.StripeCheckout;
import io.tranche.app.platform.Actor;
import io.tranche.app.platform.Download;
import io.tranche.app.platform.Downloads;
import io.tranche.app.platform.MoneyInput;
import io.tranche.app.platform.PageOf;
import io.tranche.app.platform.Paging;
import io.tranche.app.project.ProjectService;
import io.tranche.app.workspace.WorkspaceService;
import io.tranche.core.error.DomainException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The client's invoices, how to pay them, and their receipts. */
@Controller
class PortalMoneyController {
  private final WorkspaceService workspaces;
  private final ProjectService projects;
  private final InvoiceService invoices;
  private final io.tranche.app.invoice.InvoiceDocuments documents;
  private final io.tranche.app.invoice.PaymentService payments;
  private final StripeCheckout checkout;
  private final io.tranche.app.invoice.CreditNotes creditNotes;
  private final io.tranche.app.invoice.ClientCredits credits;

  PortalMoneyController(
      WorkspaceService workspaces,
      ProjectService projects,
      InvoiceService invoices,
      io.tranche.app.invoice.InvoiceDocuments documents,
      io.tranche.app.invoice.PaymentService payments,
      StripeCheckout checkout,
      io.tranche.app.invoice.CreditNotes creditNotes,
      io.tranche.app.invoice.ClientCredits credits) {
    this.credits = credits;
    this.creditNotes = creditNotes;
    this.workspaces = workspaces;
    this.projects = projects;
    this.invoices = invoices;
    this.documents = documents;
    this.payments = payments;
    this.checkout = checkout;
  }

  @PostMapping("/portal/invoices/{invoiceId}/checkout")
  String pay(Actor actor, @PathVariable UUID invoiceId, RedirectAttributes redirect) {
    InvoiceView invoice = invoices.invoice(actor, invoiceId);
    try {
      return "redirect:" + checkout.checkoutUrl(actor, invoiceId);
    } catch (DomainException e) {
      redirect.addFlashAttribute("error", io.tranche.app.platform.FormMessages.message(e));
      return "redirect:/portal/projects/" + invoice.projectId() + "/invoices";
    }
  }

  @GetMapping("/portal/projects/{projectId}/invoices")
  String list(
      Actor actor,
      @PathVariable UUID projectId,
      @RequestParam(defaultValue = "0") int page,
      Model model) {
    model.addAttribute("workspace", workspaces.current(actor));
    model.addAttribute("actor", actor);
    model.addAttribute("project", projects.project(actor, projectId));
    PageOf<InvoiceView> shown =
        invoices.invoices(actor, projectId, new Paging(page, Paging.DEFAULT_SIZE));
    model.addAttribute("page", shown);
    List<InvoiceView> list = shown.items();
    model.addAttribute("invoices", list);
    model.addAttribute("payments", invoices.paymentsOfProject(actor, projectId));
    model.addAttribute(
        "creditNotes", creditNotes.ofInvoices(actor, list.stream().map(InvoiceView::id).toList()));
    model.addAttribute("onlinePayment", checkout.enabled());
    model.addAttribute("paymentInstructions", documents.paymentInstructions(actor));
    model.addAttribute("credit", credits.ofProject(actor, projectId));
    model.addAttribute("today", workspaces.today(actor.workspaceId()));
    return "portal/invoices";
  }

  @PostMapping("/portal/invoices/{invoiceId}/reports")
  String report(
      Actor actor,
      @PathVariable UUID invoiceId,
      @RequestParam(defaultValue = "") String amount,
      @RequestParam(defaultValue = "") String paidOn,
      @RequestParam(defaultValue = "") String reference,
      RedirectAttributes redirect) {
    InvoiceView invoice = invoices.invoice(actor, invoiceId);
    try {
      LocalDate on = io.tranche.app.platform.Dates.typed(paidOn, "paidOn");
      payments.reportPayment(
          actor,
          invoiceId,
          MoneyInput.typed(amount, invoice.total().currency())
              .toMoney("amount", invoice.total().currency()),
          on,
          reference);
      redirect.addFlashAttribute("reported", true);
    } catch (DomainException e) {
      redirect.addFlashAttribute("error", io.tranche.app.platform.FormMessages.message(e));
      // the refusal goes next to the field it names, with what the client typed
      Map<String, String> form =
          io.tranche.app.platform.FormMessages.typedAgain(
              e, Map.of("amount", amount, "paidOn", paidOn, "reference", reference), "amount");
      form.put("invoice", invoiceId.toString());
      redirect.addFlashAttribute("reportForm", form);
    }
    return "redirect:/portal/projects/" + invoice.projectId() + "/invoices";
  }

  @GetMapping("/portal/invoices/{invoiceId}/pdf")
  ResponseEntity<InputStreamResource> pdf(Actor actor, @PathVariable UUID invoiceId) {
    Download d = documents.invoicePdf(actor, invoiceId);
    return Downloads.attachment(d.fileName(), d.contentType(), d.size(), d.content());
  }

  @GetMapping("/portal/credit-notes/{creditNoteId}/pdf")
  ResponseEntity<InputStreamResource> creditNotePdf(Actor actor, @PathVariable UUID creditNoteId) {
    Download d = documents.creditNotePdf(actor, creditNoteId);
    return Downloads.attachment(d.fileName(), d.contentType(), d.size(), d.content());
  }

  @GetMapping("/portal/payments/{paymentId}/receipt")
  ResponseEntity<InputStreamResource> receipt(Actor actor, @PathVariable UUID paymentId) {
    Download d = documents.receiptPdf(actor, paymentId);
    return Downloads.attachment(d.fileName(), d.contentType(), d.size(), d.content());
  }
}
