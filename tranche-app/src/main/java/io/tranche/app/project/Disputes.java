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
   * A member moves a milestone: opening a dispute needs its {@code reason}, resolving one its
   * {@code outcome}, which both sides read; any other action is a plain move (both ignored).
   */
  @Transactional
  public MilestoneView move(
      Actor actor,
      UUID milestoneId,
      @Nullable MilestoneAction action,
      @Nullable String reason,
      @Nullable String outcome) {
    if (action != MilestoneAction.OPEN_DISPUTE && action != MilestoneAction.RESOLVE_DISPUTE) {
      return milestones.transition(actor, milestoneId, action);
    }
    Access.member(actor);
    io.tranche.app.platform.TokenScope.require(
        io.tranche.app.platform.TokenScope.FULL, action.name() + " on a milestone");
    boolean opening = action == MilestoneAction.OPEN_DISPUTE;
    String text =
        opening
            ? Validation.text("reason", reason, TEXT_MAX)
            : Validation.text("outcome", outcome, TEXT_MAX);
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
