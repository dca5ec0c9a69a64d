package io.tranche.app.portal;

import io.tranche.app.artifact.ArtifactService;
import io.tranche.app.contract.ContractService;
import io.tranche.app.contract.ContractView;
import io.tranche.app.contract.QuoteService;
import io.tranche.app.invoice.InvoiceDocuments;
import io.tranche.app.invoice.InvoiceService;
import io.tranche.app.invoice.InvoiceView;
import io.tranche.app.invoice.PaymentView;
import io.tranche.app.payment.StripeCheckout;
import io.tranche.app.platform.Actor;
import io.tranche.app.platform.Paging;
import io.tranche.app.project.MilestoneReviews;
import io.tranche.app.project.ProjectService;
import io.tranche.app.workspace.WorkspaceService;
import io.tranche.core.contract.QuoteStatus;
import io.tranche.core.money.Money;
import io.tranche.core.payment.PaymentStatus;
import io.tranche.core.project.Timeline;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The client portal's project page: one panel that answers what the client owes, what paying it
 * unlocks, how to pay and what to do next, above the contract's own parts.
 */
@Controller
class PortalController {
  private final WorkspaceService workspaces;
  private final ProjectService projects;
  private final MilestoneReviews reviews;
  private final QuoteService quotes;
  private final ContractService contracts;
  private final InvoiceService invoices;
  private final ArtifactService artifacts;
  private final InvoiceDocuments documents;
  private final StripeCheckout checkout;

  PortalController(
      WorkspaceService workspaces,
      ProjectService projects,
      MilestoneReviews reviews,
      QuoteService quotes,
      ContractService contracts,
      InvoiceService invoices,
      ArtifactService artifacts,
      InvoiceDocuments documents,
      StripeCheckout checkout) {
    this.workspaces = workspaces;
    this.projects = projects;
    this.reviews = reviews;
    this.quotes = quotes;
    this.contracts = contracts;
    this.invoices = invoices;
    this.artifacts = artifacts;
    this.documents = documents;
    this.checkout = checkout;
  }

  // one read-only transaction for the page's reads: one connection, one snapshot, one commit
  @org.springframework.transaction.annotation.Transactional(readOnly = true)
  @GetMapping("/portal/projects/{projectId}")
  String project(
      Actor actor,
      @PathVariable UUID projectId,
      @RequestParam(required = false) @Nullable String signed,
      Model model) {
    var workspace = workspaces.currentWithSettings(actor);
    // ?signed: the client just signed the quote
    model.addAttribute("signed", signed != null);
    model.addAttribute("workspace", workspace.workspace());
    model.addAttribute("actor", actor);
    var overview = projects.overview(actor, projectId);
    model.addAttribute("project", overview.project());
    var noted = reviews.notedPlan(actor, projectId);
    var plan = noted.milestones();
    model.addAttribute("milestones", plan);
    model.addAttribute("disputes", noted.disputes());
    model.addAttribute("onHold", Timeline.onHold(plan));
    List<OpenInvoice> open = open(actor, projectId);
    List<ContractView.ContractStatus> agreements = contracts.statuses(actor, projectId);
    model.addAttribute("open", open);
    model.addAttribute("paymentInstructions", documents.paymentInstructions(workspace.settings()));
    model.addAttribute("onlinePayment", checkout.enabled());
    var quoteList = quotes.quotes(actor, projectId, new Paging(0, Paging.MAX_SIZE)).items();
    // before a contract is signed the project's total is nothing yet: the quote's is the one to
    // show
    model.addAttribute(
        "quoted",
        quoteList.stream()
            .filter(q -> q.status() == QuoteStatus.SENT || q.status() == QuoteStatus.ACCEPTED)
            .map(q -> q.gross().formatted())
            .reduce((first, second) -> second)
            .orElse(null));
    model.addAttribute(
        "timeline",
        Timeline.of(
            new Timeline.Facts(
                quoteList.stream().anyMatch(q -> q.status() == QuoteStatus.SENT),
                agreements.contains(ContractView.ContractStatus.AWAITING_VENDOR),
                agreements.contains(ContractView.ContractStatus.SIGNED),
                overview.stage().signedOffAt() != null,
                plan,
                open.stream().map(OpenInvoice::owed).toList(),
                workspace.workspace().name())));
    return "jte:portal/project";
  }

  /** The project's invoices with money open on them, oldest first: what the client owes now. */
  private List<OpenInvoice> open(Actor actor, UUID projectId) {
    List<InvoiceView> owed =
        invoices.owing(actor, projectId).stream()
            .filter(i -> i.number() != null && i.state().owesMoney() && i.open().amountMinor() > 0)
            .toList();
    if (owed.isEmpty()) {
      return List.of();
    }
    // what each invoice unlocks and the transfers reported on it: read once for the project, not
    // once per invoice
    Map<UUID, List<PaymentView>> payments = invoices.paymentsOfProject(actor, projectId);
    Map<UUID, List<String>> sealed = artifacts.sealedNames(actor, projectId);
    return owed.stream()
        .map(
            i ->
                new OpenInvoice(
                    i,
                    new Timeline.Owed(
                        i.number(),
                        i.lines().isEmpty() ? "" : i.lines().get(0).description(),
                        Money.of(i.open().amountMinor(), i.open().currency()),
                        i.dueOn(),
                        i.milestoneId(),
                        i.milestoneId() == null
                            ? List.of()
                            : sealed.getOrDefault(i.milestoneId(), List.of())),
                    payments.getOrDefault(i.id(), List.of()).stream()
                        .filter(p -> p.status().equals(PaymentStatus.REPORTED.name()))
                        .toList()))
        .toList();
  }
}
