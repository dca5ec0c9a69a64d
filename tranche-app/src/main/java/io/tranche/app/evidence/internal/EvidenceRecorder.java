package io.tranche.app.evidence.internal;

import io.tranche.app.evidence.EvidenceService;
import io.tranche.app.meeting.MeetingLogged;
import io.tranche.app.meeting.MeetingView;
import io.tranche.app.message.MessagePosted;
import io.tranche.app.message.MessageView;
import io.tranche.app.platform.Evidenced;
import io.tranche.app.project.MilestoneMoved;
import io.tranche.app.signing.SigningKeys;
import io.tranche.app.workspace.WorkspaceCreated;
import io.tranche.core.evidence.EvidenceChain;
import io.tranche.core.milestone.MilestoneTransitioned;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Writes the other features' events into the evidence log, synchronously, inside the transaction
 * that raised them: an action and its evidence commit together. Every listener here runs before any
 * other listener of the same event (an invoice issued because a milestone was accepted comes after
 * the acceptance), so the log's order is the causal order, not bean registration order.
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
  @Order(Ordered.HIGHEST_PRECEDENCE)
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
  @Order(Ordered.HIGHEST_PRECEDENCE)
  void on(MessagePosted posted) {
    MessageView m = posted.message();
    evidence.append(
        posted.workspaceId(),
        m.author(),
        m.projectId(),
        "message.posted",
        Map.of(
            "message", m.id().toString(),
            "bodySha256", posted.bodySha256(),
            "attachments",
                m.attachments().stream()
                    .map(
                        a ->
                            Map.of(
                                "id", a.id().toString(),
                                "name", a.fileName(),
                                "type", a.contentType(),
                                "size", a.size(),
                                "sha256", a.sha256()))
                    .toList()));
  }

  @EventListener
  @Order(Ordered.HIGHEST_PRECEDENCE)
  void on(MeetingLogged logged) {
    MeetingView m = logged.meeting();
    evidence.append(
        logged.workspaceId(),
        logged.actor(),
        m.projectId(),
        logged.confirmation() ? "meeting.confirmed" : "meeting.logged",
        Map.of(
            "meeting", m.id().toString(),
            "heldAt", m.heldAt().toString(),
            "durationMinutes", m.durationMinutes(),
            "channel", m.channel().name(),
            "attendees", m.attendees(),
            "notesSha256", EvidenceChain.sha256(m.notes()),
            "recordingLink", m.recordingLink() == null ? "" : m.recordingLink()));
  }

  @EventListener
  @Order(Ordered.HIGHEST_PRECEDENCE)
  void on(Evidenced event) {
    evidence.append(
        event.workspaceId(),
        event.actor(),
        event.projectId(),
        event.evidenceType(),
        event.evidencePayload());
  }

  @EventListener
  @Order(Ordered.HIGHEST_PRECEDENCE)
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
