package io.tranche.app.contract.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tranche.app.contract.ContractService;
import io.tranche.app.contract.ContractView;
import io.tranche.app.contract.QuoteInput;
import io.tranche.app.contract.QuoteService;
import io.tranche.app.contract.QuoteView;
import io.tranche.app.contract.SignedBy;
import io.tranche.app.platform.Actor;
import io.tranche.app.platform.Download;
import io.tranche.app.platform.Downloads;
import io.tranche.app.platform.PageOf;
import io.tranche.app.platform.Paging;
import io.tranche.app.project.ProjectService;
import io.tranche.core.contract.SignatureRequest;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Quotes, their versions and contracts, for workspace members. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "agreements", description = "Quotes, versions, signatures and contracts")
class AgreementApi {
  private final QuoteService quotes;
  private final ContractService contracts;
  private final ProjectService projects;

  AgreementApi(QuoteService quotes, ContractService contracts, ProjectService projects) {
    this.quotes = quotes;
    this.contracts = contracts;
    this.projects = projects;
  }

  /** A signature: typed full name, explicit consent, and the hash of the document read. */
  record SignatureBody(
      @Nullable String typedName, @Nullable Boolean consent, @Nullable String documentHash) {
    SignatureRequest toRequest() {
      return new SignatureRequest(typedName, Boolean.TRUE.equals(consent), documentHash);
    }
  }

  @GetMapping("/projects/{projectId}/quotes")
  @Operation(summary = "List a project's quote versions, newest first, a page at a time")
  PageOf<QuoteView> list(
      Actor actor,
      @PathVariable UUID projectId,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "" + Paging.DEFAULT_SIZE) int size) {
    return quotes.quotes(actor, projectId, new Paging(page, size));
  }

  @PostMapping("/projects/{projectId}/quotes")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Draft a new quote (version 1)")
  QuoteView create(Actor actor, @PathVariable UUID projectId, @RequestBody QuoteInput body) {
    projects.requireVisible(actor, projectId);
    return quotes.create(
        actor, projectId, body.toContent(projects.currencyOf(actor.workspaceId(), projectId)));
  }

  @GetMapping("/quotes/{quoteId}")
  @Operation(summary = "Open a quote version (recorded as shown to the caller)")
  QuoteView get(Actor actor, @PathVariable UUID quoteId) {
    return quotes.open(actor, quoteId);
  }

  @PutMapping("/quotes/{quoteId}")
  @Operation(
      summary = "Change a quote",
      description =
          "A draft changes in place; a version the client has seen is superseded by a new version"
              + " (the response); an accepted version is refused with quote.locked.")
  QuoteView revise(Actor actor, @PathVariable UUID quoteId, @RequestBody QuoteInput body) {
    QuoteView current = quotes.open(actor, quoteId);
    return quotes.revise(
        actor,
        quoteId,
        body.toContent(projects.currencyOf(actor.workspaceId(), current.projectId())));
  }

  @PostMapping("/quotes/{quoteId}/sign")
  @Operation(
      summary = "Sign a quote as the vendor before sending it",
      description =
          "Only where the workspace's signingOrder is VENDOR_FIRST; open the quote first.")
  QuoteView signAsVendor(
      Actor actor,
      @PathVariable UUID quoteId,
      @RequestBody SignatureBody body,
      HttpServletRequest request) {
    return quotes.signAsVendor(actor, quoteId, body.toRequest(), SignedBy.of(request));
  }

  @PostMapping("/quotes/{quoteId}/send")
  @Operation(summary = "Send a draft to the project's client contacts")
  QuoteView send(Actor actor, @PathVariable UUID quoteId) {
    return quotes.send(actor, quoteId);
  }

  @GetMapping("/projects/{projectId}/contracts")
  @Operation(summary = "List a project's contracts")
  List<ContractView> contracts(Actor actor, @PathVariable UUID projectId) {
    return contracts.contracts(actor, projectId);
  }

  @GetMapping("/contracts/{contractId}")
  @Operation(summary = "Open a contract (recorded as shown to the caller)")
  ContractView contract(Actor actor, @PathVariable UUID contractId) {
    return contracts.open(actor, contractId);
  }

  @PostMapping("/contracts/{contractId}/sign")
  @Operation(summary = "Countersign a contract the client signed; completes it and makes its PDF")
  ContractView countersign(
      Actor actor,
      @PathVariable UUID contractId,
      @RequestBody SignatureBody body,
      HttpServletRequest request) {
    return contracts.countersign(actor, contractId, body.toRequest(), SignedBy.of(request));
  }

  @GetMapping("/contracts/{contractId}/pdf")
  @Operation(summary = "Download the signed contract PDF")
  ResponseEntity<InputStreamResource> pdf(Actor actor, @PathVariable UUID contractId) {
    Download d = contracts.pdf(actor, contractId);
    return Downloads.attachment(d.fileName(), d.contentType(), d.size(), d.content());
  }
}
