package io.tranche.core.milestone;

import io.tranche.core.error.DomainException;
import java.util.Map;
import java.util.Optional;

/**
 * The milestone state machine as data: for a state, an action and the milestone's payment trigger,
 * the next state, or empty when the move is not allowed.
 *
 * <p>Disputes are handled by {@link Milestone}, not here: they freeze a milestone without changing
 * its state.
 */
public final class MilestoneMachine {
  private MilestoneMachine() {}

  /** The state {@code action} leads to from {@code state}, if that move is allowed. */
  public static Optional<MilestoneState> next(
      MilestoneState state, MilestoneAction action, PaymentTrigger trigger) {
    MilestoneState to =
        switch (action) {
          case START -> state == MilestoneState.PLANNED ? MilestoneState.IN_PROGRESS : null;
          case SUBMIT ->
              state == MilestoneState.IN_PROGRESS || state == MilestoneState.CHANGES_REQUESTED
                  ? MilestoneState.SUBMITTED
                  : null;
          case REQUEST_CHANGES ->
              state == MilestoneState.SUBMITTED ? MilestoneState.CHANGES_REQUESTED : null;
          case ACCEPT -> state == MilestoneState.SUBMITTED ? MilestoneState.ACCEPTED : null;
          case INVOICE -> invoicable(state, trigger) ? MilestoneState.INVOICED : null;
          case RECORD_PAYMENT -> state == MilestoneState.INVOICED ? MilestoneState.PAID : null;
          case RELEASE -> state == MilestoneState.PAID ? MilestoneState.RELEASED : null;
          case OPEN_DISPUTE, RESOLVE_DISPUTE -> null;
        };
    return Optional.ofNullable(to);
  }

  /** Like {@link #next}, but refuses a move that is not allowed with {@code illegal-transition}. */
  public static MilestoneState require(
      MilestoneState state, MilestoneAction action, PaymentTrigger trigger) {
    return next(state, action, trigger)
        .orElseThrow(
            () ->
                new DomainException(
                    MilestoneErrors.ILLEGAL_TRANSITION,
                    Map.of("action", action.name(), "state", state.name())));
  }

  private static boolean invoicable(MilestoneState state, PaymentTrigger trigger) {
    return switch (trigger) {
      // the deposit asks for money at signature, whatever work was done before it
      case CONTRACT_SIGNED ->
          state != MilestoneState.INVOICED
              && state != MilestoneState.PAID
              && state != MilestoneState.RELEASED;
      // delivered work, the final demo included, is invoiced once it is accepted (signed, or
      // deemed after the review period)
      case ACCEPTANCE, FINAL_DEMO -> state == MilestoneState.ACCEPTED;
    };
  }
}
