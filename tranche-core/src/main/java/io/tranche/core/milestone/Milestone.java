package io.tranche.core.milestone;

import io.tranche.core.error.DomainException;
import io.tranche.core.error.Validation;
import io.tranche.core.money.Money;
import io.tranche.core.money.MoneyErrors;
import io.tranche.core.project.ProjectId;
import io.tranche.core.workspace.WorkspaceId;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One step of a project's payment plan: a part of the work, the part of the price it unlocks, and
 * where it stands. Immutable: {@link #apply} returns the next version and the event.
 *
 * @param position 1-based order within the plan
 * @param disputed an open dispute freezes every move but {@link MilestoneAction#RESOLVE_DISPUTE}
 */
public record Milestone(
    MilestoneId id,
    WorkspaceId workspaceId,
    ProjectId projectId,
    int position,
    String name,
    Money amount,
    PaymentTrigger trigger,
    MilestoneState state,
    boolean disputed) {
  public static final int NAME_MAX = 200;

  public Milestone {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(workspaceId, "workspaceId");
    Objects.requireNonNull(projectId, "projectId");
    Validation.range("position", position, 1, PaymentPlan.MAX_MILESTONES);
    name = Validation.text("name", name, NAME_MAX);
    Validation.required("amount", amount);
    if (amount.isNegative()) {
      throw DomainException.field(
          MoneyErrors.NEGATIVE, "amount", Map.of("value", amount.toDecimalString()));
    }
    Validation.required("trigger", trigger);
    Validation.required("state", state);
  }

  /** A new milestone in state PLANNED. */
  public static Milestone planned(
      WorkspaceId workspaceId,
      ProjectId projectId,
      int position,
      String name,
      Money amount,
      PaymentTrigger trigger) {
    return new Milestone(
        MilestoneId.random(),
        workspaceId,
        projectId,
        position,
        name,
        amount,
        trigger,
        MilestoneState.PLANNED,
        false);
  }

  /**
   * Whether a part in {@code state} can be disputed: not before it started (nothing to dispute yet)
   * and not once released (settled; a modification request is the way then).
   */
  public static boolean disputable(MilestoneState state) {
    return state != MilestoneState.PLANNED && state != MilestoneState.RELEASED;
  }

  /**
   * Applies {@code action} at time {@code at}; refuses a move the state machine does not allow, and
   * every move but resolving while a dispute is open.
   */
  public Changed<Milestone, MilestoneTransitioned> apply(MilestoneAction action, Instant at) {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(at, "at");
    Milestone next =
        switch (action) {
          case OPEN_DISPUTE -> {
            if (disputed) {
              throw frozen(action);
            }
            if (!disputable(state)) {
              throw new DomainException(
                  MilestoneErrors.NOTHING_TO_DISPUTE, Map.of("state", state.name()));
            }
            yield with(state, true);
          }
          case RESOLVE_DISPUTE -> {
            if (!disputed) {
              throw new DomainException(
                  MilestoneErrors.NOT_DISPUTED, Map.of("state", state.name()));
            }
            yield with(state, false);
          }
          default -> {
            if (disputed) {
              throw frozen(action);
            }
            yield with(MilestoneMachine.require(state, action, trigger), false);
          }
        };
    return new Changed<>(
        next,
        new MilestoneTransitioned(
            workspaceId, projectId, id, action, state, next.state, next.disputed, at));
  }

  /** This milestone with another name and amount; only before the work is submitted. */
  public Milestone withDetails(String name, Money amount) {
    if (state != MilestoneState.PLANNED && state != MilestoneState.IN_PROGRESS) {
      throw new DomainException(MilestoneErrors.NOT_EDITABLE, Map.of("state", state.name()));
    }
    return new Milestone(
        id, workspaceId, projectId, position, name, amount, trigger, state, disputed);
  }

  /**
   * This milestone as a signed plan has it: name, amount and trigger; its state and dispute stay.
   * {@link SignedPlan} decides whether the change is allowed.
   */
  public Milestone withPlan(String nextName, Money nextAmount, PaymentTrigger nextTrigger) {
    return new Milestone(
        id, workspaceId, projectId, position, nextName, nextAmount, nextTrigger, state, disputed);
  }

  private Milestone with(MilestoneState nextState, boolean nextDisputed) {
    return new Milestone(
        id, workspaceId, projectId, position, name, amount, trigger, nextState, nextDisputed);
  }

  private DomainException frozen(MilestoneAction action) {
    return new DomainException(
        MilestoneErrors.DISPUTED, Map.of("action", action.name(), "state", state.name()));
  }
}
