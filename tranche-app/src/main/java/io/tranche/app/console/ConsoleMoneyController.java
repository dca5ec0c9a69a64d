package io.tranche.app.console;

import io.tranche.app.invoice.InvoiceService;
import io.tranche.app.invoice.InvoiceView;
import io.tranche.app.invoice.PaymentView;
import io.tranche.app.platform.Actor;
import io.tranche.app.platform.Download;
import io.tranche.app.platform.Downloads;
import io.tranche.app.platform.MoneyInput;
import io.tranche.app.platform.PageOf;
import io.tranche.app.platform.Paging;
import io.tranche.app.project.ProjectService;
import io.tranche.app.workspace.WorkspaceService;
import io.tranche.core.error.DomainException;
import io.tranche.core.invoice.InvoiceState;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
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

/** The console's invoices of a project: overdue first, payments, postings, recording a payment. */
@Controller
class ConsoleMoneyController {
  private final WorkspaceService workspaces;
  private final ProjectService projects;
  private final InvoiceService invoices;
  private final io.tranche.app.invoice.InvoiceDocuments documents;
  private final io.tranche.app.invoice.PaymentService payments;
  private final io.tranche.app.invoice.ExposureService exposures;
  private final io.tranche.app.workspace.ClientService clients;
  private final io.tranche.app.invoice.CreditNotes creditNotes;
  private final io.tranche.app.invoice.ClientCredits credits;

  ConsoleMoneyController(
      WorkspaceService workspaces,
      ProjectService projects,
      InvoiceService invoices,
      io.tranche.app.invoice.InvoiceDocuments documents,
      io.tranche.app.invoice.PaymentService payments,
      io.tranche.app.invoice.ExposureService exposures,
      io.tranche.app.workspace.ClientService clients,
      io.tranche.app.invoice.CreditNotes creditNotes,
      io.tranche.app.invoice.ClientCredits credits) {
    this.credits = credits;
    this.creditNotes = creditNotes;
    this.exposures = exposures;
    this.workspaces = workspaces;
    this.projects = projects;
    this.invoices = invoices;
    this.documents = documents;
    this.payments = payments;
    this.clients = clients;
  }

  @GetMapping("/console/projects/{projectId}/invoices")
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
    List<InvoiceView> list =
        shown.items().stream()
            .sorted(Comparator.comparing((InvoiceView i) -> i.state() != InvoiceState.OVERDUE))
            .toList();
    // each invoice's payments and postings: two statements for the page, not two per invoice
    Map<UUID, List<PaymentView>> payments = invoices.paymentsOfProject(actor, projectId);
    model.addAttribute("invoices", list);
    model.addAttribute("payments", payments);
    model.addAttribute("postings", invoices.postings(actor, list, payments));
    model.addAttribute(
        "creditNotes", creditNotes.ofInvoices(actor, list.stream().map(InvoiceView::id).toList()));
    model.addAttribute("exposure", exposures.exposure(actor, projectId));
    model.addAttribute("today", workspaces.today(actor.workspaceId()));
    model.addAttribute("credit", credits.ofProject(actor, projectId));
    return "console/invoices";
  }

  @GetMapping("/console/invoices")
  String all(
      Actor actor,
      @RequestParam(name = "state", defaultValue = "") String stateName,
      @RequestParam(defaultValue = "0") int page,
      Model model) {
    // an unknown state (an edited address) lists all invoices rather than failing
    InvoiceState state =
        java.util.Arrays.stream(InvoiceState.values())
            .filter(s -> s.name().equals(stateName))
            .findFirst()
            .orElse(null);
    model.addAttribute("workspace", workspaces.current(actor));
    model.addAttribute("actor", actor);
    PageOf<InvoiceView> shown =
        invoices.workspaceInvoices(actor, state, new Paging(page, Paging.DEFAULT_SIZE));
    model.addAttribute("invoices", shown.items());
    model.addAttribute("page", shown);
    model.addAttribute("states", InvoiceState.values());
    model.addAttribute("state", state);
    Map<UUID, String> names = new LinkedHashMap<>();
    clients
        .clients(actor, new Paging(0, Paging.MAX_SIZE))
        .items()
        .forEach(c -> names.put(c.id(), c.name()));
    model.addAttribute("clientNames", names);
    model.addAttribute("receivables", exposures.receivables(actor));
    return "console/all-invoices";
  }

  @PostMapping("/console/invoices/{invoiceId}/payments")
  String pay(
      Actor actor,
      @PathVariable UUID invoiceId,
      @RequestParam(defaultValue = "") String amount,
      @RequestParam(defaultValue = "") String receivedOn,
      @RequestParam(defaultValue = "") String reference,
      RedirectAttributes redirect) {
    InvoiceView invoice = invoices.invoice(actor, invoiceId);
    try {
      LocalDate on = io.tranche.app.platform.Dates.typed(receivedOn, "receivedOn");
      payments.recordPayment(
          actor,
          invoiceId,
          MoneyInput.typed(amount, invoice.total().currency())
              .toMoney("amount", invoice.total().currency()),
          on,
          reference);
    } catch (DomainException e) {
      redirect.addFlashAttribute("error", io.tranche.app.platform.FormMessages.message(e));
      if (!invoice.state().owesMoney()) {
        // no form for a settled or voided invoice to show it next to: the notice above says it
        return "redirect:/console/projects/" + invoice.projectId() + "/invoices";
      }
      // the refusal goes next to the field it names, with what the member typed
      Map<String, String> form =
          io.tranche.app.platform.FormMessages.typedAgain(
              e,
              Map.of("amount", amount, "receivedOn", receivedOn, "reference", reference),
              "amount");
      form.put("invoice", invoiceId.toString());
      redirect.addFlashAttribute("payForm", form);
    }
    return "redirect:/console/projects/" + invoice.projectId() + "/invoices";
  }

  /** A member pays an open invoice from the client's credit; a refusal shows above. */
  @PostMapping("/console/invoices/{invoiceId}/apply-credit")
  String applyCredit(Actor actor, @PathVariable UUID invoiceId, RedirectAttributes redirect) {
    InvoiceView invoice = invoices.invoice(actor, invoiceId);
    try {
      var paid = credits.apply(actor, invoiceId);
      redirect.addFlashAttribute(
          "saved",
          paid.amount().formatted()
              + " of the client's credit paid invoice "
              + invoice.number()
              + "; the client gets a receipt that says so.");
    } catch (DomainException e) {
      redirect.addFlashAttribute("error", io.tranche.app.platform.FormMessages.message(e));
      redirect.addFlashAttribute("errorInvoice", invoiceId);
    }
    return "redirect:/console/projects/" + invoice.projectId() + "/invoices";
  }

  /** A member issues a credit note for part or all of what is open; a refusal shows above. */
  @PostMapping("/console/invoices/{invoiceId}/credit-notes")
  String credit(
      Actor actor,
      @PathVariable UUID invoiceId,
      @RequestParam(defaultValue = "") String amount,
      @RequestParam(defaultValue = "") String reason,
      RedirectAttributes redirect) {
    InvoiceView invoice = invoices.invoice(actor, invoiceId);
    try {
      creditNotes.issue(
          actor,
          invoiceId,
          MoneyInput.typed(amount, invoice.total().currency())
              .toMoney("amount", invoice.total().currency()),
          reason);
      redirect.addFlashAttribute("saved", "Credit note issued and mailed to the client.");
    } catch (DomainException e) {
      redirect.addFlashAttribute("error", io.tranche.app.platform.FormMessages.message(e));
      redirect.addFlashAttribute("errorInvoice", invoiceId);
    }
    return "redirect:/console/projects/" + invoice.projectId() + "/invoices";
  }

  @GetMapping("/console/credit-notes/{creditNoteId}/pdf")
  ResponseEntity<InputStreamResource> creditNotePdf(Actor actor, @PathVariable UUID creditNoteId) {
    Download d = documents.creditNotePdf(actor, creditNoteId);
    return Downloads.attachment(d.fileName(), d.contentType(), d.size(), d.content());
  }

  /**
   * A member confirms a transfer the client reported. Money for an invoice settled in the meantime
   * is kept as the client's credit, and the page says so; a report decided already is refused next
   * to the invoice, not with an error page.
   */
  @PostMapping("/console/payments/{paymentId}/confirm")
  String confirm(Actor actor, @PathVariable UUID paymentId, RedirectAttributes redirect) {
    return decide(
        actor,
        paymentId,
        redirect,
        (reported, invoice) -> {
          payments.confirmReported(actor, paymentId);
          return "Payment of "
              + reported.amount().formatted()
              + (invoice.open().amountMinor() > 0
                  ? " confirmed; the client gets a receipt."
                  : " confirmed. The invoice was already settled, so it is kept as the client's"
                      + " credit; the mail with the client's receipt says so.");
        });
  }

  /** A member says a transfer the client reported never arrived: it counts for nothing. */
  @PostMapping("/console/payments/{paymentId}/not-received")
  String notReceived(Actor actor, @PathVariable UUID paymentId, RedirectAttributes redirect) {
    return decide(
        actor,
        paymentId,
        redirect,
        (reported, invoice) -> {
          payments.notReceived(actor, paymentId);
          return "Marked as not received: the "
              + reported.amount().formatted()
              + " the client reported counts for nothing, and the client sees that on their"
              + " invoices page.";
        });
  }

  /** What deciding on a reported transfer does; it answers what the page says afterwards. */
  private interface Decision {
    String apply(io.tranche.app.invoice.PaymentView reported, InvoiceView invoice);
  }

  /** Decides on a reported transfer; a refusal is shown next to its invoice. */
  private String decide(
      Actor actor, UUID paymentId, RedirectAttributes redirect, Decision decision) {
    var reported = payments.payment(actor, paymentId);
    InvoiceView invoice = invoices.invoice(actor, reported.invoiceId());
    try {
      redirect.addFlashAttribute("saved", decision.apply(reported, invoice));
    } catch (DomainException e) {
      redirect.addFlashAttribute("error", io.tranche.app.platform.FormMessages.message(e));
      redirect.addFlashAttribute("errorInvoice", invoice.id());
    }
    return "redirect:/console/projects/" + invoice.projectId() + "/invoices";
  }

  @GetMapping("/console/invoices/{invoiceId}/pdf")
  ResponseEntity<InputStreamResource> pdf(Actor actor, @PathVariable UUID invoiceId) {
    Download d = documents.invoicePdf(actor, invoiceId);
    return Downloads.attachment(d.fileName(), d.contentType(), d.size(), d.content());
  }

  @GetMapping("/console/payments/{paymentId}/receipt")
  ResponseEntity<InputStreamResource> receipt(Actor actor, @PathVariable UUID paymentId) {
    Download d = documents.receiptPdf(actor, paymentId);
    return Downloads.attachment(d.fileName(), d.contentType(), d.size(), d.content());
  }
}
