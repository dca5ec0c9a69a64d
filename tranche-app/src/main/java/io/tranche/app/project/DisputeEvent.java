package io.tranche.app.project;

import io.tranche.app.platform.Evidenced;
import java.util.Map;
import java.util.UUID;

/**
 * A dispute on a milestone was opened (with its reason) or resolved (with its outcome); the move
 * itself is a {@link MilestoneMoved}, this is what was said about it.
 */
public record DisputeEvent(
    UUID workspaceId,
    UUID projectId,
    String actor,
    UUID milestoneId,
    String milestone,
    boolean opened,
    String text)
    implements Evidenced {

  @Override
  public String evidenceType() {
    return opened ? "dispute.opened" : "dispute.resolved";
  }

  @Override
  public Map<String, Object> evidencePayload() {
    return Evidenced.fields(
        "milestone",
        milestoneId.toString(),
        "name",
        milestone,
        opened ? "reason" : "outcome",
        text);
  }
}
