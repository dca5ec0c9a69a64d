package io.tranche.app.workspace;

import io.tranche.app.platform.Access;
import io.tranche.app.platform.Actor;
import io.tranche.app.workspace.internal.WorkspaceRepository;
import io.tranche.core.error.DomainException;
import io.tranche.core.error.FieldChecks;
import io.tranche.core.error.Validation;
import io.tranche.core.invoice.InvoiceNumbers;
import io.tranche.core.money.Money;
import io.tranche.core.workspace.BusinessIdentity;
import io.tranche.core.workspace.Workspace;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A workspace's settings, read by members and changed by owners: every field of a change is checked
 * before any is written, and all are written in one statement, so a refused change leaves nothing
 * half-applied.
 */
@Service
public class SettingsService {
  public static final int BANK_DETAILS_MAX = 1000;

  private final WorkspaceRepository repository;

  SettingsService(WorkspaceRepository repository) {
    this.repository = repository;
  }

  @Transactional(readOnly = true)
  public WorkspaceSettings settings(UUID workspaceId) {
    return repository.settings(workspaceId);
  }

  /** Applies a change (owners); every refused field is reported at once and nothing is written. */
  @Transactional
  public WorkspaceSettings update(Actor actor, WorkspaceSettings.Change change) {
    Access.owner(actor);
    WorkspaceSettings now = repository.settings(actor.workspaceId());
    FieldChecks checks = new FieldChecks();
    String name =
        checks.check(
            "name",
            () -> Validation.text("name", keep(change.name(), now.name()), Workspace.NAME_MAX));
    String address =
        checks.check(
            "address",
            () -> BusinessIdentity.address("address", keep(change.address(), now.address())));
    String taxId =
        checks.check(
            "taxId", () -> BusinessIdentity.taxId("taxId", keep(change.taxId(), now.taxId())));
    String currency =
        checks.check(
            "currency",
            () ->
                Money.currency(
                        Validation.text("currency", keep(change.currency(), now.currency()), 3)
                            .toUpperCase(java.util.Locale.ROOT))
                    .getCurrencyCode());
    String bank =
        checks.check(
            "bankDetails",
            () ->
                Validation.optionalText(
                    "bankDetails",
                    keep(change.bankDetails(), now.bankDetails()),
                    BANK_DETAILS_MAX));
    String prefix =
        checks.check(
            "invoicePrefix",
            () -> {
              String p = keep(change.invoicePrefix(), now.invoicePrefix());
              InvoiceNumbers.format(p == null ? "" : p, 2000, 1);
              return p == null ? "" : p;
            });
    Integer days =
        checks.check(
            "paymentTermsDays",
            () ->
                (int)
                    Validation.range(
                        "paymentTermsDays",
                        change.paymentTermsDays() == null
                            ? now.paymentTermsDays()
                            : change.paymentTermsDays(),
                        0,
                        365));
    String zone = checks.check("timeZone", () -> zone(keep(change.timeZone(), now.timeZone())));
    String taxNote =
        checks.check(
            "taxNote",
            () ->
                Validation.optionalText(
                    "taxNote",
                    keep(change.taxNote(), now.taxNote()),
                    WorkspaceSettings.TAX_NOTE_MAX));
    checks.throwIfAny();
    WorkspaceSettings next =
        new WorkspaceSettings(
            name,
            address,
            taxId,
            currency,
            bank,
            prefix,
            days,
            zone,
            change.signingOrder() == null ? now.signingOrder() : change.signingOrder(),
            change.workBeforeContract() == null
                ? now.workBeforeContract()
                : change.workBeforeContract(),
            taxNote);
    repository.saveSettings(actor.workspaceId(), next);
    return next;
  }

  private static String zone(@Nullable String given) {
    String id = Validation.text("timeZone", given, 64);
    try {
      return ZoneId.of(id).getId();
    } catch (DateTimeException e) {
      throw DomainException.field(WorkspaceErrors.BAD_TIME_ZONE, "timeZone", Map.of("zone", id));
    }
  }

  private static @Nullable String keep(@Nullable String given, @Nullable String current) {
    return given == null ? current : given;
  }
}
