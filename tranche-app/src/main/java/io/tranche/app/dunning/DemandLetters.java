package io.tranche.app.dunning;

import io.tranche.app.dunning.internal.DunningRepository;
import io.tranche.app.evidence.EvidenceService;
import io.tranche.app.invoice.InvoiceDocuments;
import io.tranche.app.invoice.InvoiceService;
import io.tranche.app.invoice.InvoiceView;
import io.tranche.app.mail.MailAttachments;
import io.tranche.app.platform.Access;
import io.tranche.app.platform.Actor;
import io.tranche.app.platform.Dates;
import io.tranche.app.platform.Download;
import io.tranche.app.platform.Errors;
import io.tranche.app.platform.Pdfs;
import io.tranche.app.workspace.ClientService;
import io.tranche.app.workspace.ClientView;
import io.tranche.app.workspace.SettingsService;
import io.tranche.app.workspace.WorkspaceSettings;
import io.tranche.core.evidence.EvidenceEntry;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demand letter of an invoice that reached the last dunning stage, for certified mail: both
 * parties with their addresses, the invoice (number, dates, what is open), the reminders sent and
 * late fees charged, what was delivered, viewed and accepted (from the evidence log, with each
 * entry's hash), the deadline and the next step. Members download it; the last reminder and the
 * vendor's stop-work mail carry it ({@code demand:<invoice id>}).
 */
@Service
public class DemandLetters implements MailAttachments {
  /** What the letter lists from the evidence log, in words. */
  static final Map<String, String> RECORDED =
      Map.ofEntries(
          Map.entry("contract.signed", "Contract signed by both parties"),
          Map.entry("contract.amended", "Contract amendment signed by both parties"),
          Map.entry("artifact.receipt-issued", "Work delivered, with a signed delivery receipt"),
          Map.entry("preview.viewed", "Preview of the work opened by the client"),
          Map.entry("milestone.acceptance-signed", "Delivery accepted, signed by the client"),
          Map.entry("milestone.deemed-accepted", "Delivery deemed accepted under the contract"),
          Map.entry("project.signed-off", "Project signed off by the client"),
          Map.entry("release.released", "Work released to the client"),
          Map.entry("invoice.issued", "Invoice issued"),
          Map.entry("dunning.reminder-sent", "Payment reminder sent"));

  private final InvoiceService invoices;
  private final InvoiceDocuments documents;
  private final EvidenceService evidence;
  private final SettingsService settings;
  private final ClientService clients;
  private final DunningRepository repository;

  DemandLetters(
      InvoiceService invoices,
      InvoiceDocuments documents,
      EvidenceService evidence,
      SettingsService settings,
      ClientService clients,
      DunningRepository repository) {
    this.invoices = invoices;
    this.documents = documents;
    this.evidence = evidence;
    this.settings = settings;
    this.clients = clients;
    this.repository = repository;
  }

  /** The letter as a PDF, for a member; not found before the invoice reached the last stage. */
  @Transactional(readOnly = true)
  public Download pdf(Actor actor, UUID invoiceId) {
    Access.member(actor);
    return render(actor, invoices.invoice(actor, invoiceId))
        .orElseThrow(Errors.notFoundSupplier("demand letter", invoiceId));
  }

  /**
   * The demand letter ({@code demand:<invoice>}) or a reminder sent as a letter ({@code
   * letter:<invoice>:<step>}), rendered when the mail carrying it is sent.
   */
  @Override
  public Optional<Attachment> render(UUID workspaceId, String reference) {
    Actor workspace = Actor.workspace(workspaceId, "mail");
    Optional<Download> pdf;
    if (reference.startsWith("demand:")) {
      UUID id = UUID.fromString(reference.substring("demand:".length()));
      pdf = render(workspace, invoices.invoice(workspace, id));
    } else if (reference.startsWith("letter:")) {
      String[] parts = reference.split(":");
      UUID id = UUID.fromString(parts[1]);
      pdf = reminderLetter(workspace, invoices.invoice(workspace, id), Integer.parseInt(parts[2]));
    } else {
      return Optional.empty();
    }
    return pdf.map(d -> new Attachment(d.fileName(), d.contentType(), d.readAll()));
  }

  /** A reminder of {@code step} as a letter to post: the invoice, what is open, and a date. */
  private Optional<Download> reminderLetter(Actor actor, InvoiceView invoice, int step) {
    Optional<DunningRepository.Taken> taken =
        repository.history(actor.workspaceId(), invoice.id()).stream()
            .filter(t -> t.step() == step)
            .findFirst();
    if (taken.isEmpty()) {
      return Optional.empty();
    }
    LocalDate dated = taken.get().at().atZone(ZoneOffset.UTC).toLocalDate();
    WorkspaceSettings vendor = settings.settings(actor.workspaceId());
    String open = invoice.open().formatted();
    StringBuilder h = letterhead(actor, vendor, invoice, "Payment reminder", dated);
    h.append("<table>")
        .append(row("Invoice", invoice.number()))
        .append(row("Issued", Dates.day(invoice.issuedOn())))
        .append(row("Due", Dates.day(invoice.dueOn())))
        .append(row("Still unpaid", open))
        .append("</table><p>Our records show that invoice ")
        .append(e(invoice.number()))
        .append(" is overdue. Please pay <strong>")
        .append(e(open))
        .append("</strong> within seven days. If you have paid it in the meantime, thank you.</p>")
        .append("<p class=\"pre\">")
        .append(e(documents.paymentInstructions(actor)))
        .append("</p><p>")
        .append(e(vendor.name()))
        .append("</p></body></html>");
    byte[] pdf = Pdfs.render(h.toString());
    return Optional.of(
        new Download(
            "reminder-" + step + "-" + invoice.number() + ".pdf",
            "application/pdf",
            pdf.length,
            new ByteArrayInputStream(pdf)));
  }

  private Optional<Download> render(Actor actor, InvoiceView invoice) {
    UUID ws = actor.workspaceId();
    List<DunningRepository.Taken> steps = repository.history(ws, invoice.id());
    Optional<DunningRepository.Taken> demand =
        steps.stream().filter(DunningRepository.Taken::demandLetter).findFirst();
    if (demand.isEmpty()) {
      return Optional.empty();
    }
    LocalDate dated = demand.get().at().atZone(ZoneOffset.UTC).toLocalDate();
    LocalDate deadline = dated.plusDays(DunningSteps.DEMAND_DAYS);
    byte[] pdf = Pdfs.render(xhtml(actor, invoice, steps, dated, deadline));
    return Optional.of(
        new Download(
            "demand-letter-" + invoice.number() + ".pdf",
            "application/pdf",
            pdf.length,
            new ByteArrayInputStream(pdf)));
  }

  private String xhtml(
      Actor actor,
      InvoiceView invoice,
      List<DunningRepository.Taken> steps,
      LocalDate dated,
      LocalDate deadline) {
    WorkspaceSettings vendor = settings.settings(actor.workspaceId());
    String open = invoice.open().formatted();
    StringBuilder h = letterhead(actor, vendor, invoice, "Demand for payment", dated);
    h.append("<p><strong>Sent by certified mail.</strong></p>")
        .append("<table>")
        .append(row("Invoice", invoice.number()))
        .append(row("Issued", Dates.day(invoice.issuedOn())))
        .append(row("Due", Dates.day(invoice.dueOn())))
        .append(row("Invoice total", invoice.total().formatted()))
        .append(row("Still unpaid", open))
        .append(row("Pay by", Dates.day(deadline)))
        .append("</table>");
    h.append("<p>Despite ")
        .append(steps.size() == 1 ? "a reminder" : steps.size() + " reminders")
        .append(", invoice ")
        .append(e(invoice.number()))
        .append(" remains unpaid. We ask you to pay <strong>")
        .append(e(open))
        .append("</strong> by <strong>")
        .append(Dates.day(deadline))
        .append("</strong>.</p><p class=\"pre\">")
        .append(e(documents.paymentInstructions(actor)))
        .append("</p>");
    h.append("<h2>Reminders sent</h2><table>");
    for (DunningRepository.Taken s : steps) {
      h.append(
          row(
              s.step() == 0 ? "Before the due date" : "Reminder " + s.step(),
              Dates.day(s.at().atZone(ZoneOffset.UTC).toLocalDate())
                  + (s.lateFeeInvoiceId() == null ? "" : lateFee(actor, s.lateFeeInvoiceId()))));
    }
    h.append("</table><h2>What was delivered, viewed and accepted</h2>")
        .append("<p class=\"small\">From the project's evidence log; each entry's hash lets the")
        .append(" log be checked.</p><table>");
    for (EvidenceEntry entry :
        evidence.ofProject(actor.workspaceId(), invoice.projectId(), RECORDED.keySet(), 200)) {
      h.append("<tr><td>")
          .append(Dates.day(entry.at().atZone(ZoneOffset.UTC).toLocalDate()))
          .append("</td><td>")
          .append(e(RECORDED.get(entry.type()) + contract(entry)))
          .append("</td><td class=\"hash\">")
          .append(e(entry.hash().substring(0, Math.min(16, entry.hash().length()))))
          .append("</td></tr>");
    }
    h.append("</table><h2>Next step</h2><p>If the amount is not paid by ")
        .append(Dates.day(deadline))
        .append(", we will file a claim with the small-claims court (for a client in another EU")
        .append(" country, under the European Small Claims Procedure) without further notice, and")
        .append(" claim the costs of recovery and statutory interest.</p><p>")
        .append(e(vendor.name()))
        .append("</p></body></html>");
    return h.toString();
  }

  private static final java.util.regex.Pattern CONTRACT =
      java.util.regex.Pattern.compile("\"contract\":\"([0-9a-f-]{36})\"");

  /** The contract a signature entry names, as the letter's reference to it. */
  private static String contract(EvidenceEntry entry) {
    if (!entry.type().startsWith("contract.")) {
      return "";
    }
    java.util.regex.Matcher m = CONTRACT.matcher(entry.payload());
    return m.find() ? " (contract " + m.group(1) + ")" : "";
  }

  private String lateFee(Actor actor, UUID feeInvoice) {
    InvoiceView fee = invoices.invoice(actor, feeInvoice);
    return "; late fee charged as invoice " + fee.number();
  }

  /**
   * A letter's opening: the vendor, the client (each with address and tax id), the date and the
   * title naming the invoice.
   */
  private StringBuilder letterhead(
      Actor actor, WorkspaceSettings vendor, InvoiceView invoice, String title, LocalDate dated) {
    ClientView client = clients.addressee(actor, invoice.clientId());
    return new StringBuilder(Pdfs.open(title + " " + invoice.number()))
        .append(party(vendor.name(), vendor.address(), vendor.taxId()))
        .append("<p>&#160;</p>")
        .append(party(client.name(), client.address(), client.taxId()))
        .append("<p class=\"num\">")
        .append(Dates.day(dated))
        .append("</p><h1>")
        .append(e(title + ": invoice " + invoice.number()))
        .append("</h1>");
  }

  private static String party(String name, @Nullable String address, @Nullable String taxId) {
    return "<p>" + Pdfs.party(name, address, taxId) + "</p>";
  }

  private static String row(String label, @Nullable String value) {
    return Pdfs.row(label, value);
  }

  private static String e(@Nullable String text) {
    return text == null ? "" : Pdfs.escape(text);
  }
}
