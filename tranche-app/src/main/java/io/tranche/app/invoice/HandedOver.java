package io.tranche.app.invoice;

import java.util.UUID;

/**
 * The value handed over in a project: milestones released, by the release rule or by a vendor's
 * release before payment. The artifact module, which keeps releases, provides it; the exposure view
 * and the release rule both read it, so they cannot disagree.
 */
public interface HandedOver {
  /** The handed-over value of a project's milestones, in the project's currency. */
  io.tranche.core.money.Money value(UUID workspaceId, UUID projectId);
}
