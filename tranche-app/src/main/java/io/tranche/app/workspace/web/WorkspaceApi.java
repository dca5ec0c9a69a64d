package io.tranche.app.workspace.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tranche.app.platform.Access;
import io.tranche.app.platform.Actor;
import io.tranche.app.workspace.WorkspaceService;
import io.tranche.core.contract.SigningOrder;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's workspace and its settings. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "workspace", description = "The caller's workspace and its settings")
class WorkspaceApi {
  private final WorkspaceService workspaces;

  WorkspaceApi(WorkspaceService workspaces) {
    this.workspaces = workspaces;
  }

  /** The workspace as the API shows it. */
  record WorkspaceView(
      UUID id,
      String name,
      SigningOrder signingOrder,
      @Nullable String bankDetails,
      String invoicePrefix,
      int paymentTermsDays,
      boolean workBeforeContract,
      String timeZone) {}

  /** Settings to change; absent fields stay as they are. */
  record WorkspacePatch(
      @Nullable SigningOrder signingOrder,
      @Nullable String bankDetails,
      @Nullable String invoicePrefix,
      @Nullable Integer paymentTermsDays,
      @Nullable Boolean workBeforeContract,
      @Nullable String timeZone) {}

  @GetMapping("/settings")
  @Operation(summary = "The caller's workspace and its settings")
  WorkspaceView get(Actor actor) {
    Access.member(actor);
    var w = workspaces.current(actor);
    var settings = workspaces.invoiceSettings(actor.workspaceId());
    return new WorkspaceView(
        w.id().value(),
        w.name(),
        workspaces.signingOrder(actor.workspaceId()),
        settings.bankDetails(),
        settings.prefix(),
        settings.paymentTermsDays(),
        workspaces.workBeforeContract(actor.workspaceId()),
        workspaces.zone(actor.workspaceId()).getId());
  }

  @PatchMapping("/settings")
  @Operation(
      summary = "Change settings (owners)",
      description =
          "signingOrder: CLIENT_FIRST or VENDOR_FIRST; bankDetails: text printed on invoices;"
              + " invoicePrefix: e.g. INV- (numbers become INV-2026-0042); paymentTermsDays: net days;"
              + " workBeforeContract: whether milestones may start before a contract is signed;"
              + " timeZone: the zone dates are read in, e.g. Europe/Berlin")
  WorkspaceView update(Actor actor, @RequestBody WorkspacePatch body) {
    if (body.signingOrder() != null) {
      workspaces.setSigningOrder(actor, body.signingOrder());
    }
    if (body.invoicePrefix() != null || body.paymentTermsDays() != null) {
      workspaces.setInvoiceTerms(actor, body.invoicePrefix(), body.paymentTermsDays());
    }
    if (body.timeZone() != null) {
      workspaces.setTimeZone(actor, body.timeZone());
    }
    if (body.workBeforeContract() != null) {
      workspaces.setWorkBeforeContract(actor, body.workBeforeContract());
    }
    if (body.bankDetails() != null) {
      workspaces.setBankDetails(actor, body.bankDetails());
    }
    return get(actor);
  }
}
