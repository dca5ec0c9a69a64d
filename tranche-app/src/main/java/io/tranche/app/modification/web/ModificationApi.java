package io.tranche.app.modification.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tranche.app.contract.QuoteView;
import io.tranche.app.modification.ModificationService;
import io.tranche.app.modification.ModificationView;
import io.tranche.app.platform.Actor;
import io.tranche.app.platform.MoneyInput;
import io.tranche.app.project.ProjectService;
import io.tranche.core.error.Validation;
import io.tranche.core.modification.ModificationKind;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Modification requests for workspace members: list, classify, track minor ones, quote change
 * orders. (Clients file and confirm them in the portal.)
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "modifications", description = "The modification window's requests")
class ModificationApi {
  private final ModificationService modifications;
  private final ProjectService projects;

  ModificationApi(ModificationService modifications, ProjectService projects) {
    this.modifications = modifications;
    this.projects = projects;
  }

  record Classification(@Nullable ModificationKind kind) {}

  record Progress(@Nullable String status) {}

  record ChangeOrder(@Nullable MoneyInput amount) {}

  @GetMapping("/projects/{projectId}/modification-requests")
  @Operation(summary = "A project's modification requests, oldest first")
  List<ModificationView> list(Actor actor, @PathVariable UUID projectId) {
    return modifications.requests(actor, projectId);
  }

  @GetMapping("/modification-requests/{requestId}")
  @Operation(summary = "One modification request")
  ModificationView get(Actor actor, @PathVariable("requestId") UUID id) {
    return modifications.request(actor, id);
  }

  @PostMapping("/modification-requests/{requestId}/classification")
  @Operation(
      summary = "Classify a request: MINOR (free, inside the window) or CHANGE_ORDER",
      description = "After the window closed a request can only be a CHANGE_ORDER.")
  ModificationView classify(
      Actor actor, @PathVariable("requestId") UUID id, @RequestBody Classification body) {
    return modifications.classify(actor, id, body.kind());
  }

  @PostMapping("/modification-requests/{requestId}/progress")
  @Operation(
      summary = "Track a minor request: IN_PROGRESS, then DONE (the client confirms it)",
      description = "status: IN_PROGRESS or DONE")
  ModificationView progress(
      Actor actor, @PathVariable("requestId") UUID id, @RequestBody Progress body) {
    modifications.request(actor, id); // the request must be the caller's before the body counts
    String status = Validation.required("status", body.status());
    return switch (status) {
      case "IN_PROGRESS" -> modifications.start(actor, id);
      case "DONE" -> modifications.done(actor, id);
      default ->
          throw io.tranche.core.error.DomainException.field(
              Validation.REQUIRED,
              "status",
              java.util.Map.of("field", "status (IN_PROGRESS or DONE)"));
    };
  }

  @PostMapping("/modification-requests/{requestId}/change-order")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Quote a change order as an amendment (net amount; the contract's tax is added)",
      description =
          "Drafts an amendment of the signed contract with one more part, invoiced on"
              + " acceptance. Send it like any quote; once both sides sign it, the part is a"
              + " milestone.")
  QuoteView changeOrder(
      Actor actor, @PathVariable("requestId") UUID id, @RequestBody ChangeOrder body) {
    ModificationView request = modifications.request(actor, id);
    String currency = projects.currencyOf(actor.workspaceId(), request.projectId());
    MoneyInput amount = Validation.required("amount", body.amount());
    return modifications.quote(actor, id, amount.toMoney("amount", currency));
  }
}
