package io.tranche.app.console;

import io.tranche.app.contract.ContractService;
import io.tranche.app.contract.ContractView;
import io.tranche.app.contract.QuoteService;
import io.tranche.app.contract.QuoteView;
import io.tranche.app.contract.SignedBy;
import io.tranche.app.platform.Actor;
import io.tranche.app.platform.Download;
import io.tranche.app.platform.Downloads;
import io.tranche.app.platform.PageOf;
import io.tranche.app.platform.Paging;
import io.tranche.app.project.ProjectService;
import io.tranche.app.signing.SigningKeys;
import io.tranche.app.workspace.WorkspaceService;
import io.tranche.core.contract.SignatureRequest;
import io.tranche.core.contract.SigningOrder;
import io.tranche.core.error.DomainException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
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

/** The vendor's side of quotes and contracts: history, sending, the contract and countersigning. */
@Controller
class ConsoleAgreementController {
  private final WorkspaceService workspaces;
  private final ProjectService projects;
  private final QuoteService quotes;
  private final ContractService contracts;
  private final SigningKeys keys;
  private final io.tranche.app.contract.ChangeOrders changeOrders;
  private final io.tranche.app.workspace.ClientService clients;

  ConsoleAgreementController(
      WorkspaceService workspaces,
      ProjectService projects,
      QuoteService quotes,
      ContractService contracts,
      SigningKeys keys,
      io.tranche.app.contract.ChangeOrders changeOrders,
      io.tranche.app.workspace.ClientService clients) {
    this.clients = clients;
    this.changeOrders = changeOrders;
    this.workspaces = workspaces;
    this.projects = projects;
    this.quotes = quotes;
    this.contracts = contracts;
    this.keys = keys;
  }

  @GetMapping("/console/projects/{projectId}/quotes")
  String list(
      Actor actor,
      @PathVariable UUID projectId,
      @RequestParam(defaultValue = "0") int page,
      Model model) {
    common(actor, model);
    model.addAttribute("project", projects.project(actor, projectId));
    PageOf<QuoteView> shown =
        quotes.quotes(actor, projectId, new Paging(page, Paging.DEFAULT_SIZE));
    model.addAttribute("page", shown);
    model.addAttribute("quotes", shown.items());
    model.addAttribute("contracts", contracts.contracts(actor, projectId));
    return "console/quotes";
  }

  @GetMapping("/console/quotes/{quoteId}")
  String quote(Actor actor, @PathVariable UUID quoteId, Model model) {
    QuoteView quote = quotes.open(actor, quoteId);
    common(actor, model);
    var project = projects.project(actor, quote.projectId());
    model.addAttribute("project", project);
    model.addAttribute("client", clients.client(actor, project.clientId()));
    model.addAttribute("quote", quote);
    model.addAttribute("change", changeOrders.change(actor, quote));
    model.addAttribute(
        "vendorFirst", workspaces.signingOrder(actor.workspaceId()) == SigningOrder.VENDOR_FIRST);
    model.addAttribute("vendorSigned", contracts.signedByVendor(actor, quoteId));
    model.addAttribute("consentText", SignatureRequest.CONSENT_TEXT);
    // a quote whose validity ended cannot be signed: say so before it is sent, not after
    model.addAttribute(
        "validityPast", workspaces.today(actor.workspaceId()).isAfter(quote.validUntil()));
    return "console/quote";
  }

  @PostMapping("/console/quotes/{quoteId}/sign")
  String signFirst(
      Actor actor,
      @PathVariable UUID quoteId,
      @RequestParam(defaultValue = "") String typedName,
      @RequestParam(defaultValue = "false") boolean consent,
      @RequestParam(defaultValue = "") String documentHash,
      HttpServletRequest request,
      RedirectAttributes redirect) {
    try {
      quotes.signAsVendor(
          actor,
          quoteId,
          new SignatureRequest(typedName, consent, documentHash),
          SignedBy.of(request));
    } catch (DomainException e) {
      quotes.open(actor, quoteId);
      redirect.addFlashAttribute("error", io.tranche.app.platform.FormMessages.message(e));
    }
    return "redirect:/console/quotes/" + quoteId;
  }

  @PostMapping("/console/quotes/{quoteId}/send")
  String send(Actor actor, @PathVariable UUID quoteId, RedirectAttributes redirect) {
    try {
      quotes.send(actor, quoteId);
    } catch (DomainException e) {
      quotes.open(actor, quoteId);
      redirect.addFlashAttribute("error", io.tranche.app.platform.FormMessages.message(e));
    }
    return "redirect:/console/quotes/" + quoteId;
  }

  @GetMapping("/console/contracts/{contractId}")
  String contract(Actor actor, @PathVariable UUID contractId, Model model) {
    ContractView contract = contracts.open(actor, contractId);
    common(actor, model);
    model.addAttribute("project", projects.project(actor, contract.projectId()));
    model.addAttribute("contract", contract);
    model.addAttribute("quote", quotes.open(actor, contract.quoteId()));
    model.addAttribute("consentText", SignatureRequest.CONSENT_TEXT);
    model.addAttribute("fingerprint", keys.publicKeyOf(actor.workspaceId()).fingerprint());
    return "console/contract";
  }

  @PostMapping("/console/contracts/{contractId}/sign")
  String countersign(
      Actor actor,
      @PathVariable UUID contractId,
      @RequestParam(defaultValue = "") String typedName,
      @RequestParam(defaultValue = "false") boolean consent,
      @RequestParam(defaultValue = "") String documentHash,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    try {
      contracts.countersign(
          actor,
          contractId,
          new SignatureRequest(typedName, consent, documentHash),
          SignedBy.of(request));
      return "redirect:/console/contracts/" + contractId;
    } catch (DomainException e) {
      int status = io.tranche.app.platform.Errors.formStatus(e);
      String page = contract(actor, contractId, model);
      response.setStatus(status);
      model.addAttribute("errors", io.tranche.app.platform.FormMessages.of(e, "sign"));
      model.addAttribute("typedName", typedName);
      return page;
    }
  }

  @GetMapping("/console/contracts/{contractId}/pdf")
  ResponseEntity<InputStreamResource> pdf(Actor actor, @PathVariable UUID contractId) {
    Download d = contracts.pdf(actor, contractId);
    return Downloads.attachment(d.fileName(), d.contentType(), d.size(), d.content());
  }

  private void common(Actor actor, Model model) {
    model.addAttribute("workspace", workspaces.current(actor));
    model.addAttribute("actor", actor);
  }
}
