package io.tranche.core.modification;

import io.tranche.core.error.DomainException;
import io.tranche.core.error.Validation;
import io.tranche.core.project.ProjectId;
import io.tranche.core.workspace.WorkspaceId;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A client's request for a modification after sign-off: what, where and what they expect. Filed
 * inside the modification window it may be classified minor (free) or a change order; filed after
 * the window it is a change order from the start. Immutable; each move returns the next version or
 * refuses with {@link ModificationErrors#ILLEGAL_MOVE}.
 */
public record ModificationRequest(
    UUID id,
    WorkspaceId workspaceId,
    ProjectId projectId,
    int number,
    String what,
    String location,
    String expected,
    boolean inWindow,
    @Nullable ModificationKind kind,
    ModificationStatus status) {
  public static final int WHAT_MAX = 2000;
  public static final int LOCATION_MAX = 2000;
  public static final int EXPECTED_MAX = 5000;

  public ModificationRequest {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(workspaceId, "workspaceId");
    Objects.requireNonNull(projectId, "projectId");
    what = Validation.text("what", what, WHAT_MAX);
    location = Validation.text("where", location, LOCATION_MAX);
    expected = Validation.text("expected", expected, EXPECTED_MAX);
    if (what.isBlank()) {
      throw DomainException.field(Validation.REQUIRED, "what", Map.of("field", "what"));
    }
    if (expected.isBlank()) {
      throw DomainException.field(Validation.REQUIRED, "expected", Map.of("field", "expected"));
    }
    Objects.requireNonNull(status, "status");
  }

  /** A new request; after the window it is a change order from the start. */
  public static ModificationRequest file(
      WorkspaceId workspaceId,
      ProjectId projectId,
      int number,
      String what,
      String location,
      String expected,
      boolean inWindow) {
    return new ModificationRequest(
        UUID.randomUUID(),
        workspaceId,
        projectId,
        number,
        what,
        location,
        expected,
        inWindow,
        inWindow ? null : ModificationKind.CHANGE_ORDER,
        ModificationStatus.OPEN);
  }

  /** The vendor classifies an open request; minor only inside the window. */
  public ModificationRequest classify(ModificationKind next) {
    Validation.required("kind", next);
    if (status != ModificationStatus.OPEN || kind != null) {
      throw illegal("classify");
    }
    if (next == ModificationKind.MINOR && !inWindow) {
      throw DomainException.field(ModificationErrors.OUTSIDE_WINDOW, "kind", Map.of());
    }
    return with(next, status);
  }

  /** The vendor starts work on a minor request. */
  public ModificationRequest start() {
    return minor("start", ModificationStatus.OPEN, ModificationStatus.IN_PROGRESS);
  }

  /** The vendor marks a minor request done; the client then confirms it. */
  public ModificationRequest done() {
    return minor("finish", ModificationStatus.IN_PROGRESS, ModificationStatus.DONE);
  }

  /** The client confirms a done minor request. */
  public ModificationRequest confirm() {
    return minor("confirm", ModificationStatus.DONE, ModificationStatus.CONFIRMED);
  }

  /** An amendment quoting this change order was drafted. */
  public ModificationRequest quoted() {
    if (kind != ModificationKind.CHANGE_ORDER || status != ModificationStatus.OPEN) {
      throw illegal("quote");
    }
    return with(kind, ModificationStatus.QUOTED);
  }

  /** Both sides signed the amendment that quotes this change order. */
  public ModificationRequest signed() {
    if (kind != ModificationKind.CHANGE_ORDER || status != ModificationStatus.QUOTED) {
      throw illegal("sign");
    }
    return with(kind, ModificationStatus.SIGNED);
  }

  private ModificationRequest minor(String action, ModificationStatus from, ModificationStatus to) {
    if (kind != ModificationKind.MINOR || status != from) {
      throw illegal(action);
    }
    return with(kind, to);
  }

  private ModificationRequest with(@Nullable ModificationKind k, ModificationStatus s) {
    return new ModificationRequest(
        id, workspaceId, projectId, number, what, location, expected, inWindow, k, s);
  }

  private DomainException illegal(String action) {
    return new DomainException(
        ModificationErrors.ILLEGAL_MOVE,
        Map.of(
            "action",
            action,
            "status",
            status.name(),
            "kind",
            kind == null ? " (not classified yet)" : " (" + kind.name() + ")"));
  }
}
