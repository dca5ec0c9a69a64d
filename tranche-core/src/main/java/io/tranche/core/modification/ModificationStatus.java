package io.tranche.core.modification;

/**
 * Where a modification request stands. A minor one: OPEN → IN_PROGRESS → DONE → CONFIRMED (by the
 * client). A change order: OPEN → QUOTED (an amendment was drafted) → SIGNED (both sides signed it;
 * the new part then runs through the milestone engine).
 */
public enum ModificationStatus {
  OPEN,
  IN_PROGRESS,
  DONE,
  CONFIRMED,
  QUOTED,
  SIGNED
}
