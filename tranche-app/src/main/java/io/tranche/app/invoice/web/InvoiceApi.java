package io.tranche.app.invoice.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tranche.app.invoice.CreditNotes;
import io.tranche.app.invoice.ExposureView;
import io.tranche.app.invoice.InvoiceService;
import io.tranche.app.invoice.InvoiceView;
import io.tranche.app.invoice.PaymentView;
import io.tranche.app.invoice.PostingView;
import io.tranche.app.platform.Actor;
import io.tranche.app.platform.Download;
import io.tranche.app.platform.Downloads;
import io.tranche.app.platform.Errors;
import io.tranche.app.platform.MoneyInput;
import io.tranche.app.platform.MoneyJson;
import io.tranche.app.platform.PageOf;
import io.tranche.app.platform.Paging;
import io.tranche.app.project.ProjectService;
import io.tranche.core.error.DomainException;
import io.tranche.core.error.Validation;
import io.tranche.core.invoice.CreditNote;
import io.tranche.core.invoice.InvoiceLine;
import io.tranche.core.invoice.InvoiceState;
import io.tranche.core.money.Money;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Invoices, payments, credit notes, postings and exposure, for workspace members. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "money", description = "Invoices, payments, credit notes, the ledger and exposure")
class InvoiceApi {
  private final InvoiceService invoices;
  private final io.tranche.app.invoice.InvoiceDocuments documents;
  private final io.tranche.app.invoice.PaymentService payments;
  private final io.tranche.app.invoice.ExposureService exposures;
  private final ProjectService projects;
  private final CreditNotes creditNotes;
  private final io.tranche.app.invoice.ClientCredits credits;
  private final io.tranche.app.invoice.CreditPaybacks paybacks;

  InvoiceApi(
      InvoiceService invoices,
      io.tranche.app.invoice.InvoiceDocuments documents,
      io.tranche.app.invoice.PaymentService payments,
      io.tranche.app.invoice.ExposureService exposures,
      ProjectService projects,
      CreditNotes creditNotes,
      io.tranche.app.invoice.ClientCredits credits,
      io.tranche.app.invoice.CreditPaybacks paybacks) {
    this.paybacks = paybacks;
    this.credits = credits;
    this.creditNotes = creditNotes;
    this.invoices = invoices;
    this.documents = documents;
    this.payments = payments;
    this.exposures = exposures;
    this.projects = projects;
  }

  /** An invoice issued by hand. */
  record InvoiceBody(@Nullable List<LineBody> lines) {}

  /** A line: description, quantity, net unit price, tax rate in basis points. */
  record LineBody(
      @Nullable String description,
      @Nullable Long quantity,
      @Nullable MoneyInput unitPrice,
      @Nullable Integer taxRateBasisPoints) {}

  /** A payment received outside Tranche, e.g. a bank transfer. */
  record PaymentBody(
      @Nullable MoneyInput amount, @Nullable LocalDate receivedOn, @Nullable String reference) {}

  /** A credit note against an issued invoice. */
  record CreditNoteBody(@Nullable MoneyInput amount, @Nullable String reason) {}

  @GetMapping("/projects/{projectId}/invoices")
  @Operation(summary = "List a project's invoices, oldest first, a page at a time")
  PageOf<InvoiceView> list(
      Actor actor,
      @PathVariable UUID projectId,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "" + Paging.DEFAULT_SIZE) int size) {
    return invoices.invoices(actor, projectId, new Paging(page, size));
  }

  @PostMapping("/projects/{projectId}/invoices")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Issue an invoice by hand, numbered gaplessly per workspace and year")
  InvoiceView issue(Actor actor, @PathVariable UUID projectId, @RequestBody InvoiceBody body) {
    projects.requireVisible(actor, projectId);
    String currency = projects.currencyOf(actor.workspaceId(), projectId);
    List<LineBody> lines = body.lines() == null ? List.of() : body.lines();
    List<InvoiceLine> parsed = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      LineBody l = lines.get(i);
      String at = "lines[" + i + "]";
      Money unit =
          Validation.required(at + ".unitPrice", l.unitPrice())
              .toMoney(at + ".unitPrice", currency);
      parsed.add(
          Errors.at(
              at,
              () ->
                  new InvoiceLine(
                      l.description(),
                      l.quantity() == null ? 1 : l.quantity(),
                      unit,
                      l.taxRateBasisPoints() == null ? 0 : l.taxRateBasisPoints())));
    }
    if (parsed.isEmpty()) {
      throw DomainException.field(
          io.tranche.core.invoice.InvoiceErrors.NO_LINES, "lines", Map.of());
    }
    return invoices.issueManual(actor, projectId, parsed);
  }

  @GetMapping("/invoices/{invoiceId}")
  @Operation(summary = "Read an invoice; its state is as of now (OVERDUE when past due)")
  InvoiceView get(Actor actor, @PathVariable UUID invoiceId) {
    return invoices.invoice(actor, invoiceId);
  }

  @GetMapping("/invoices/{invoiceId}/pdf")
  @Operation(summary = "The invoice as a PDF")
  ResponseEntity<InputStreamResource> pdf(Actor actor, @PathVariable UUID invoiceId) {
    Download d = documents.invoicePdf(actor, invoiceId);
    return Downloads.attachment(d.fileName(), d.contentType(), d.size(), d.content());
  }

  @PostMapping("/payments/{paymentId}/confirm")
  @Operation(summary = "Confirm a payment the client reported; only then it is posted")
  PaymentView confirm(Actor actor, @PathVariable UUID paymentId) {
    return payments.confirmReported(actor, paymentId);
  }

  @PostMapping("/payments/{paymentId}/not-received")
  @Operation(
      summary =
          "Say a payment the client reported never arrived; it counts for nothing and stays on"
              + " record as NOT_RECEIVED")
  PaymentView notReceived(Actor actor, @PathVariable UUID paymentId) {
    return payments.notReceived(actor, paymentId);
  }

  @GetMapping("/payments/{paymentId}/receipt")
  @Operation(summary = "A payment's acknowledgement (receipt) as a PDF")
  ResponseEntity<InputStreamResource> receipt(Actor actor, @PathVariable UUID paymentId) {
    Download d = documents.receiptPdf(actor, paymentId);
    return Downloads.attachment(d.fileName(), d.contentType(), d.size(), d.content());
  }

  /** A write-off of what is open. */
  record WriteOffBody(@Nullable String reason) {}

  /** A fee kept from a payment. */
  record FeeBody(@Nullable MoneyInput amount) {}

  @PostMapping("/invoices/{invoiceId}/write-off")
  @Operation(summary = "Give up on what is open on an invoice (posted to write-off)")
  InvoiceView writeOff(Actor actor, @PathVariable UUID invoiceId, @RequestBody WriteOffBody body) {
    return payments.writeOff(actor, invoiceId, body.reason());
  }

  @PostMapping("/payments/{paymentId}/fees")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Record a fee the provider or bank kept from a payment")
  PaymentView fee(Actor actor, @PathVariable UUID paymentId, @RequestBody FeeBody body) {
    return payments.recordFee(actor, paymentId, body.amount());
  }

  @PostMapping("/invoices/{invoiceId}/void")
  @Operation(summary = "Void an invoice nothing was paid on (its posting is reversed)")
  InvoiceView voidInvoice(Actor actor, @PathVariable UUID invoiceId) {
    return payments.voidInvoice(actor, invoiceId);
  }

  @GetMapping("/invoices")
  @Operation(
      summary =
          "The workspace's invoices, overdue first, optionally of one state, a page at a time")
  PageOf<InvoiceView> all(
      Actor actor,
      @RequestParam(required = false) @Nullable InvoiceState state,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "" + Paging.DEFAULT_SIZE) int size) {
    return invoices.workspaceInvoices(actor, state, new Paging(page, size));
  }

  @GetMapping("/invoices/{invoiceId}/payments")
  @Operation(summary = "List an invoice's payments")
  List<PaymentView> payments(Actor actor, @PathVariable UUID invoiceId) {
    return invoices.payments(actor, invoiceId);
  }

  @PostMapping("/invoices/{invoiceId}/payments")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Record a payment received (e.g. bank transfer); overpayment becomes client credit")
  PaymentView pay(Actor actor, @PathVariable UUID invoiceId, @RequestBody PaymentBody body) {
    InvoiceView invoice = invoices.invoice(actor, invoiceId);
    Money amount =
        Validation.required("amount", body.amount()).toMoney("amount", invoice.total().currency());
    return payments.recordPayment(
        actor,
        invoiceId,
        amount,
        Validation.required("receivedOn", body.receivedOn()),
        body.reference());
  }

  @PostMapping("/invoices/{invoiceId}/credit-notes")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Issue a credit note that reduces what the invoice asks for")
  InvoiceView credit(Actor actor, @PathVariable UUID invoiceId, @RequestBody CreditNoteBody body) {
    InvoiceView invoice = invoices.invoice(actor, invoiceId);
    Money amount =
        Validation.required("amount", body.amount()).toMoney("amount", invoice.total().currency());
    return creditNotes.issue(actor, invoiceId, amount, body.reason());
  }

  /** A credit note as the API shows it: its number, date, reason and amounts per tax rate. */
  record CreditNoteView(
      UUID id,
      UUID invoiceId,
      String number,
      LocalDate issuedOn,
      String reason,
      MoneyJson net,
      MoneyJson tax,
      MoneyJson total,
      List<ShareView> shares) {
    static CreditNoteView of(CreditNote n) {
      return new CreditNoteView(
          n.id(),
          n.invoiceId(),
          n.number(),
          n.issuedOn(),
          n.reason(),
          MoneyJson.of(n.net()),
          MoneyJson.of(n.tax()),
          MoneyJson.of(n.total()),
          n.shares().stream()
              .map(
                  s ->
                      new ShareView(
                          s.taxRateBasisPoints(),
                          MoneyJson.of(s.net()),
                          MoneyJson.of(s.tax()),
                          MoneyJson.of(s.gross())))
              .toList());
    }
  }

  /** What a credit note takes back at one tax rate (basis points). */
  record ShareView(int taxRateBasisPoints, MoneyJson net, MoneyJson tax, MoneyJson gross) {}

  @GetMapping("/invoices/{invoiceId}/credit-notes")
  @Operation(summary = "The credit notes issued on an invoice, oldest first")
  List<CreditNoteView> creditNotes(Actor actor, @PathVariable UUID invoiceId) {
    return creditNotes.of(actor, invoiceId).stream().map(CreditNoteView::of).toList();
  }

  @GetMapping("/credit-notes/{creditNoteId}/pdf")
  @Operation(summary = "A credit note as a PDF")
  ResponseEntity<InputStreamResource> creditNotePdf(Actor actor, @PathVariable UUID creditNoteId) {
    Download d = documents.creditNotePdf(actor, creditNoteId);
    return Downloads.attachment(d.fileName(), d.contentType(), d.size(), d.content());
  }

  @GetMapping("/invoices/{invoiceId}/postings")
  @Operation(summary = "The ledger postings of an invoice and its payments")
  List<PostingView> postings(Actor actor, @PathVariable UUID invoiceId) {
    return invoices.postings(actor, invoiceId);
  }

  @GetMapping("/projects/{projectId}/exposure")
  @Operation(summary = "Value handed over minus money received, against the credit limit")
  ExposureView exposure(Actor actor, @PathVariable UUID projectId) {
    return exposures.exposure(actor, projectId);
  }

  @GetMapping("/clients/{clientId}/receivable")
  @Operation(summary = "What a client owes, from the ledger")
  MoneyJson receivable(
      Actor actor,
      @PathVariable UUID clientId,
      @RequestParam(defaultValue = "EUR") String currency) {
    return exposures.receivable(
        actor, clientId, Errors.at("currency", () -> Money.currency(currency)).getCurrencyCode());
  }

  @GetMapping("/clients/{clientId}/credit")
  @Operation(summary = "The credit a client holds (money paid beyond what was asked), per currency")
  List<MoneyJson> credit(Actor actor, @PathVariable UUID clientId) {
    return credits.ofClient(actor, clientId);
  }

  @PostMapping("/invoices/{invoiceId}/apply-credit")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary =
          "Pay an open invoice from the client's credit in its currency, up to what is open;"
              + " the client gets a receipt")
  PaymentView applyCredit(Actor actor, @PathVariable UUID invoiceId) {
    return credits.apply(actor, invoiceId);
  }

  /** Credit paid back to the client: its amount (in the credit's currency), date and reference. */
  record PaidBackBody(
      @Nullable MoneyInput amount, @Nullable LocalDate paidOn, @Nullable String reference) {}

  @PostMapping("/clients/{clientId}/credit/paid-back")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary =
          "Record credit paid back to the client by bank transfer; the credit shrinks by it and can"
              + " no longer pay an invoice")
  Map<String, Object> creditPaidBack(
      Actor actor, @PathVariable UUID clientId, @RequestBody PaidBackBody body) {
    String currency = paybacks.currency(actor, clientId);
    var paid =
        paybacks.record(
            actor,
            clientId,
            Validation.required("amount", body.amount()).toMoney("amount", currency),
            Validation.required("paidOn", body.paidOn()),
            body.reference());
    return Map.of(
        "id", paid.id(),
        "amount", MoneyJson.of(paid.amount()),
        "paidOn", paid.paidOn(),
        "credit", credits.ofClient(actor, clientId));
  }
}
