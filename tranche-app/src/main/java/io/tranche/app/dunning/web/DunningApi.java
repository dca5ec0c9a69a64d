package io.tranche.app.dunning.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tranche.app.dunning.DemandLetters;
import io.tranche.app.dunning.DunningPlans;
import io.tranche.app.dunning.PlanInput;
import io.tranche.app.dunning.Receivables;
import io.tranche.app.platform.Actor;
import io.tranche.app.platform.Download;
import java.util.List;
import java.util.UUID;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Dunning plans (workspace, client, contract), receivables by age, reminders, demand letters. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "dunning", description = "Reminders on schedule, late fees, stop-work, demand letters")
class DunningApi {
  private final DunningPlans plans;
  private final Receivables receivables;
  private final DemandLetters letters;

  DunningApi(DunningPlans plans, Receivables receivables, DemandLetters letters) {
    this.plans = plans;
    this.receivables = receivables;
    this.letters = letters;
  }

  /** A plan as the API shows it. */
  record PlanBody(String scope, UUID scopeId, boolean own, String from, Object plan) {
    static PlanBody of(DunningPlans.PlanView v) {
      return new PlanBody(v.scope().name(), v.scopeId(), v.own(), v.from(), v.planJson());
    }
  }

  @GetMapping("/dunning-plan")
  @Operation(summary = "The workspace's dunning plan (the built-in one until set)")
  PlanBody workspacePlan(Actor actor) {
    return PlanBody.of(plans.plan(actor, DunningPlans.Scope.WORKSPACE, actor.workspaceId()));
  }

  @PutMapping("/dunning-plan")
  @Operation(
      summary = "Set the workspace's dunning plan",
      description =
          "Stages are reminders on days after the due date, in order; preDueDays > 0 adds a"
              + " friendly reminder before it; stopWorkStage (1-based, 0 = never) starts"
              + " stop-work; the last stage carries the demand letter; lateFee is NONE, FIXED"
              + " (amountMinor), PERCENT (basisPoints) or EU_STATUTORY"
              + " (referenceRateBasisPoints), posted at lateFeeStage as an invoice of its own.")
  PlanBody saveWorkspacePlan(Actor actor, @RequestBody PlanInput input) {
    return PlanBody.of(plans.save(actor, DunningPlans.Scope.WORKSPACE, actor.workspaceId(), input));
  }

  @GetMapping("/clients/{clientId}/dunning-plan")
  @Operation(summary = "A client's dunning plan (its own, or the workspace's)")
  PlanBody clientPlan(Actor actor, @PathVariable UUID clientId) {
    return PlanBody.of(plans.plan(actor, DunningPlans.Scope.CLIENT, clientId));
  }

  @PutMapping("/clients/{clientId}/dunning-plan")
  @Operation(summary = "Give a client a dunning plan of its own")
  PlanBody saveClientPlan(Actor actor, @PathVariable UUID clientId, @RequestBody PlanInput in) {
    return PlanBody.of(plans.save(actor, DunningPlans.Scope.CLIENT, clientId, in));
  }

  @DeleteMapping("/clients/{clientId}/dunning-plan")
  @Operation(summary = "Drop a client's own plan (the workspace's applies again)")
  PlanBody resetClientPlan(Actor actor, @PathVariable UUID clientId) {
    return PlanBody.of(plans.reset(actor, DunningPlans.Scope.CLIENT, clientId));
  }

  @GetMapping("/contracts/{contractId}/dunning-plan")
  @Operation(summary = "A contract's dunning plan (its own, the client's or the workspace's)")
  PlanBody contractPlan(Actor actor, @PathVariable UUID contractId) {
    return PlanBody.of(plans.plan(actor, DunningPlans.Scope.CONTRACT, contractId));
  }

  @PutMapping("/contracts/{contractId}/dunning-plan")
  @Operation(summary = "Give a contract a dunning plan of its own")
  PlanBody saveContractPlan(
      Actor actor, @PathVariable UUID contractId, @RequestBody PlanInput input) {
    return PlanBody.of(plans.save(actor, DunningPlans.Scope.CONTRACT, contractId, input));
  }

  @DeleteMapping("/contracts/{contractId}/dunning-plan")
  @Operation(summary = "Drop a contract's own plan")
  PlanBody resetContractPlan(Actor actor, @PathVariable UUID contractId) {
    return PlanBody.of(plans.reset(actor, DunningPlans.Scope.CONTRACT, contractId));
  }

  @GetMapping("/receivables")
  @Operation(summary = "Overdue invoices by age (0-30, 31-60, 61-90, 90+ days) with totals")
  Receivables.Aging receivables(Actor actor) {
    return receivables.aging(actor);
  }

  @GetMapping("/invoices/{invoiceId}/reminders")
  @Operation(summary = "The reminders sent about an invoice (and late fees posted with them)")
  List<Receivables.Reminder> reminders(Actor actor, @PathVariable UUID invoiceId) {
    return receivables.reminders(actor, invoiceId);
  }

  @GetMapping("/invoices/{invoiceId}/demand-letter")
  @Operation(summary = "The demand letter PDF, once the invoice reached the last dunning stage")
  ResponseEntity<InputStreamResource> demandLetter(Actor actor, @PathVariable UUID invoiceId) {
    Download d = letters.pdf(actor, invoiceId);
    return io.tranche.app.platform.Downloads.attachment(
        d.fileName(), d.contentType(), d.size(), d.content());
  }
}
