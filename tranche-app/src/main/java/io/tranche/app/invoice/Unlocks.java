package io.tranche.app.invoice;

import java.util.List;
import java.util.UUID;

/**
 * What paying a milestone's invoice unlocks: the names of its sealed deliverables. The artifact
 * module implements it (artifacts depend on invoices, not the other way round).
 */
public interface Unlocks {
  /** The names of the milestone's deliverables that carry a delivery receipt, in upload order. */
  List<String> deliverables(UUID workspaceId, UUID milestoneId);
}
