package io.tranche.app.portal;

import io.tranche.app.contract.ContractService;
import io.tranche.app.contract.QuoteService;
import io.tranche.app.contract.QuoteView;
import io.tranche.app.contract.SignedBy;
import io.tranche.app.platform.Actor;
import io.tranche.app.platform.Download;
import io.tranche.app.platform.Downloads;
import io.tranche.app.platform.PageOf;
import io.tranche.app.platform.Paging;
import io.tranche.app.project.ProjectService;
import io.tranche.app.workspace.WorkspaceService;
import io.tranche.core.contract.SignatureRequest;
import io.tranche.core.error.DomainException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
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

/** The client's side of quotes: read, ask for changes, sign; and the signed contracts. */
@Controller
class PortalAgreementController {
  private final WorkspaceService workspaces;
  private final ProjectService projects;
  private final QuoteService quotes;
  private final io.tranche.app.contract.QuoteSigning quoteSigning;
  private final ContractService contracts;
  private final io.tranche.app.contract.ChangeOrders changeOrders;

  PortalAgreementController(
      WorkspaceService workspaces,
      ProjectService projects,
      QuoteService quotes,
      io.tranche.app.contract.QuoteSigning quoteSigning,
      ContractService contracts,
      io.tranche.app.contract.ChangeOrders changeOrders) {
    this.changeOrders = changeOrders;
    this.workspaces = workspaces;
    this.projects = projects;
    this.quotes = quotes;
    this.quoteSigning = quoteSigning;
    this.contracts = contracts;
  }

  @GetMapping("/portal/projects/{projectId}/quotes")
  String list(
      Actor actor,
      @PathVariable UUID projectId,
      @RequestParam(defaultValue = "0") int page,
      Model model) {
    model.addAttribute("workspace", workspaces.current(actor));
    model.addAttribute("actor", actor);
    model.addAttribute("project", projects.project(actor, projectId));
    PageOf<QuoteView> shown =
        quotes.quotes(actor, projectId, new Paging(page, Paging.DEFAULT_SIZE));
    model.addAttribute("page", shown);
    model.addAttribute("quotes", shown.items());
    model.addAttribute("contracts", contracts.contracts(actor, projectId));
    return "portal/quotes";
  }

  @GetMapping("/portal/quotes/{quoteId}")
  String quote(Actor actor, @PathVariable UUID quoteId, Model model) {
    QuoteView quote = quotes.open(actor, quoteId);
    page(actor, quote, model);
    return "portal/quote";
  }

  @PostMapping("/portal/quotes/{quoteId}/changes")
  String changes(
      Actor actor,
      @PathVariable UUID quoteId,
      @RequestParam(defaultValue = "") String comment,
      HttpServletResponse response,
      Model model) {
    try {
      QuoteView quote = quoteSigning.requestChanges(actor, quoteId, comment);
      return "redirect:/portal/quotes/" + quote.id();
    } catch (DomainException e) {
      return refused(actor, quoteId, e, response, model, Map.of("comment", comment));
    }
  }

  @PostMapping("/portal/quotes/{quoteId}/sign")
  String sign(
      Actor actor,
      @PathVariable UUID quoteId,
      @RequestParam(defaultValue = "") String typedName,
      @RequestParam(defaultValue = "false") boolean consent,
      @RequestParam(defaultValue = "") String documentHash,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    try {
      var contract =
          quoteSigning.sign(
              actor,
              quoteId,
              new SignatureRequest(typedName, consent, documentHash),
              SignedBy.of(request));
      // straight to the project, whose next step is the deposit (or the countersignature)
      return "redirect:/portal/projects/" + contract.projectId() + "?signed";
    } catch (DomainException e) {
      return refused(actor, quoteId, e, response, model, Map.of("typedName", typedName));
    }
  }

  @GetMapping("/portal/contracts/{contractId}/pdf")
  ResponseEntity<InputStreamResource> pdf(Actor actor, @PathVariable UUID contractId) {
    Download d = contracts.pdf(actor, contractId);
    return Downloads.attachment(d.fileName(), d.contentType(), d.size(), d.content());
  }

  private String refused(
      Actor actor,
      UUID quoteId,
      DomainException e,
      HttpServletResponse response,
      Model model,
      Map<String, String> form) {
    int status = io.tranche.app.platform.Errors.formStatus(e);
    QuoteView quote = quotes.open(actor, quoteId);
    response.setStatus(status);
    page(actor, quote, model);
    model.addAttribute("errors", io.tranche.app.platform.FormMessages.of(e, "sign"));
    model.addAttribute("errorCode", e.code().slug());
    model.addAllAttributes(form);
    return "portal/quote";
  }

  private void page(Actor actor, QuoteView quote, Model model) {
    model.addAttribute("workspace", workspaces.current(actor));
    model.addAttribute("actor", actor);
    model.addAttribute("project", projects.project(actor, quote.projectId()));
    model.addAttribute("quote", quote);
    model.addAttribute("change", changeOrders.change(actor, quote));
    model.addAttribute("consentText", SignatureRequest.CONSENT_TEXT);
  }
}
