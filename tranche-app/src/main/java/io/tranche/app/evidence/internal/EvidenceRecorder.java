package io.tranche.app.evidence.internal;

import io.tranche.app.evidence.EvidenceService;
import io.tranche.app.evidence.SigningKeys;
import io.tranche.app.project.MilestoneMoved;
import io.tranche.app.workspace.WorkspaceCreated;
import io.tranche.core.milestone.MilestoneTransitioned;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes the other features' events into the evidence log, synchronously, inside the transaction
 * that raised them: an action and its evidence commit together.
 */
@Component
class EvidenceRecorder {
  private final EvidenceService evidence;
  private final SigningKeys keys;

  EvidenceRecorder(EvidenceService evidence, SigningKeys keys) {
    this.evidence = evidence;
    this.keys = keys;
  }

  @EventListener
  void on(WorkspaceCreated created) {
    keys.createFor(created.workspaceId());
    evidence.append(
        created.workspaceId(),
        "member:" + created.ownerId(),
        null,
        "workspace.created",
        Map.of("name", created.name(), "owner", created.ownerEmail()));
  }

  @EventListener
  void on(MilestoneMoved moved) {
    MilestoneTransitioned t = moved.transition();
    evidence.append(
        t.workspaceId().value(),
        moved.actor(),
        t.projectId().value(),
        "milestone." + t.action().name().toLowerCase(Locale.ROOT).replace('_', '-'),
        Map.of(
            "milestone", t.milestoneId().toString(),
            "from", t.from().name(),
            "to", t.to().name(),
            "disputed", t.disputed()));
  }
}
