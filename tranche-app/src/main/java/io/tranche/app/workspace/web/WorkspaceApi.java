package io.tranche.app.workspace.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tranche.app.platform.Access;
import io.tranche.app.platform.Actor;
import io.tranche.app.workspace.SettingsService;
import io.tranche.app.workspace.WorkspaceLogos;
import io.tranche.app.workspace.WorkspaceSettings;
import io.tranche.core.contract.SigningOrder;
import java.io.InputStream;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The caller's workspace and its settings. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "workspace", description = "The caller's workspace and its settings")
class WorkspaceApi {
  private final SettingsService settings;
  private final WorkspaceLogos logos;

  WorkspaceApi(SettingsService settings, WorkspaceLogos logos) {
    this.settings = settings;
    this.logos = logos;
  }

  /** The logo as kept: its SHA-256 and its size in bytes after re-encoding. */
  record LogoView(String sha256, int size) {}

  @PutMapping(
      value = "/settings/logo",
      consumes = {MediaType.IMAGE_PNG_VALUE, MediaType.IMAGE_JPEG_VALUE, MediaType.IMAGE_GIF_VALUE})
  @Operation(
      summary = "Replace the logo",
      description =
          "The body is a PNG, JPEG or GIF of at most 512 KiB; it is kept re-encoded as a PNG of at"
              + " most 600 x 200 px. Owner only.")
  LogoView putLogo(Actor actor, InputStream body) {
    WorkspaceLogos.Logo logo = logos.upload(actor, body);
    return new LogoView(logo.sha256(), logo.png().length);
  }

  @DeleteMapping("/settings/logo")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Remove the logo", description = "Owner only.")
  void deleteLogo(Actor actor) {
    logos.remove(actor);
  }

  /** The workspace as the API shows it. */
  record WorkspaceView(
      UUID id,
      String name,
      @Nullable String address,
      @Nullable String taxId,
      String currency,
      SigningOrder signingOrder,
      @Nullable String bankDetails,
      String invoicePrefix,
      int paymentTermsDays,
      boolean workBeforeContract,
      String timeZone,
      @Nullable String taxNote) {
    static WorkspaceView of(UUID id, WorkspaceSettings s) {
      return new WorkspaceView(
          id,
          s.name(),
          s.address(),
          s.taxId(),
          s.currency(),
          s.signingOrder(),
          s.bankDetails(),
          s.invoicePrefix(),
          s.paymentTermsDays(),
          s.workBeforeContract(),
          s.timeZone(),
          s.taxNote());
    }
  }

  /** Settings to change; absent fields stay as they are, a blank clears an optional one. */
  record WorkspacePatch(
      @Nullable String name,
      @Nullable String address,
      @Nullable String taxId,
      @Nullable String currency,
      @Nullable SigningOrder signingOrder,
      @Nullable String bankDetails,
      @Nullable String invoicePrefix,
      @Nullable Integer paymentTermsDays,
      @Nullable Boolean workBeforeContract,
      @Nullable String timeZone,
      @Nullable String taxNote) {}

  @GetMapping("/settings")
  @Operation(summary = "The caller's workspace and its settings")
  WorkspaceView get(Actor actor) {
    Access.member(actor);
    return WorkspaceView.of(actor.workspaceId(), settings.settings(actor.workspaceId()));
  }

  @PatchMapping("/settings")
  @Operation(
      summary = "Change settings (owners)",
      description =
          "name: the business name on invoices; address and taxId: printed on invoices;"
              + " currency: ISO code new projects start in; signingOrder: CLIENT_FIRST or"
              + " VENDOR_FIRST; bankDetails: text printed on invoices; invoicePrefix: e.g. INV-"
              + " (numbers become INV-2026-0042); paymentTermsDays: net days;"
              + " workBeforeContract: whether milestones may start before a contract is signed;"
              + " timeZone: the zone dates are read in, e.g. Europe/Berlin; taxNote: what invoices"
              + " and credit notes say when a line carries no tax (e.g. Reverse charge), at most"
              + " 500 characters. Every refused field is"
              + " reported at once, and nothing is changed unless all pass.")
  WorkspaceView update(Actor actor, @RequestBody WorkspacePatch body) {
    WorkspaceSettings next =
        settings.update(
            actor,
            new WorkspaceSettings.Change(
                body.name(),
                body.address(),
                body.taxId(),
                body.currency(),
                body.bankDetails(),
                body.invoicePrefix(),
                body.paymentTermsDays(),
                body.timeZone(),
                body.signingOrder(),
                body.workBeforeContract(),
                body.taxNote()));
    return WorkspaceView.of(actor.workspaceId(), next);
  }
}
