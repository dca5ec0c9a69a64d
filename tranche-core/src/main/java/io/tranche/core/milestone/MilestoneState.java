package io.tranche.core.milestone;

/**
 * Where a milestone stands: PLANNED → IN_PROGRESS → SUBMITTED ⇄ CHANGES_REQUESTED → ACCEPTED →
 * INVOICED → PAID → RELEASED. A dispute is an overlay on top of these, not a state of its own.
 */
public enum MilestoneState {
  PLANNED,
  IN_PROGRESS,
  SUBMITTED,
  CHANGES_REQUESTED,
  ACCEPTED,
  INVOICED,
  PAID,
  RELEASED
}
