package io.tranche.app.project;

import io.tranche.app.platform.Access;
import io.tranche.app.platform.Actor;
import io.tranche.app.project.internal.MilestoneRepository;
import io.tranche.core.error.Validation;
import io.tranche.core.milestone.MilestoneAction;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Disputes on milestones: opening one holds the milestone's invoice and release and says why;
 * resolving one says how it ended. Both sides read the reason and the outcome, and both are kept in
 * the evidence log.
 */
@Service
public class Disputes {
  /** The longest reason or outcome a dispute keeps. */
  public static final int TEXT_MAX = 2000;

  private final MilestoneService milestones;
  private final MilestoneRepository notes;
  private final ProjectService projects;
  private final ApplicationEventPublisher events;

  Disputes(
      MilestoneService milestones,
      MilestoneRepository notes,
      ProjectService projects,
      ApplicationEventPublisher events) {
    this.milestones = milestones;
    this.notes = notes;
    this.projects = projects;
    this.events = events;
  }

  /**
   * A member opens a dispute on a milestone, saying why; the milestone is on hold until resolved.
   */
  @Transactional
  public MilestoneView open(Actor actor, UUID milestoneId, @Nullable String reason) {
    return move(actor, milestoneId, MilestoneAction.OPEN_DISPUTE, reason);
  }

  /** A member resolves a milestone's dispute, saying how it ended. */
  @Transactional
  public MilestoneView resolve(Actor actor, UUID milestoneId, @Nullable String outcome) {
    return move(actor, milestoneId, MilestoneAction.RESOLVE_DISPUTE, outcome);
  }

  /**
   * Opens or resolves a dispute ({@code action}), with its reason or outcome ({@code note},
   * required); any other action is a plain move.
   */
  @Transactional
  public MilestoneView move(
      Actor actor, UUID milestoneId, @Nullable MilestoneAction action, @Nullable String note) {
    if (action != MilestoneAction.OPEN_DISPUTE && action != MilestoneAction.RESOLVE_DISPUTE) {
      return milestones.transition(actor, milestoneId, action);
    }
    Access.member(actor);
    io.tranche.app.platform.TokenScope.require(
        io.tranche.app.platform.TokenScope.FULL, action.name() + " on a milestone");
    boolean opening = action == MilestoneAction.OPEN_DISPUTE;
    String text = Validation.text(opening ? "reason" : "outcome", note, TEXT_MAX);
    MilestoneView moved = milestones.transition(actor, milestoneId, action);
    record(actor.workspaceId(), moved, opening, text, actor.label());
    return moved;
  }

  /** The reasons and outcomes of a project's disputes, by milestone, for anyone who sees it. */
  @Transactional(readOnly = true)
  public Map<UUID, DisputeNote> ofProject(Actor actor, UUID projectId) {
    projects.requireVisible(actor, projectId);
    return notes.disputeNotes(actor.workspaceId(), projectId);
  }

  private void record(
      UUID workspaceId, MilestoneView moved, boolean opening, String text, String actor) {
    notes.setDisputeNote(
        workspaceId,
        moved.id(),
        opening ? new DisputeNote(text, null) : new DisputeNote(null, text));
    events.publishEvent(
        new DisputeEvent(
            workspaceId, moved.projectId(), actor, moved.id(), moved.name(), opening, text));
  }
}
