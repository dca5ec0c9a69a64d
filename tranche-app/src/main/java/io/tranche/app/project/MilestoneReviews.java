package io.tranche.app.project;

import io.tranche.app.platform.Actor;
import io.tranche.app.platform.Paging;
import io.tranche.app.project.internal.MilestoneRepository;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The review periods of milestones: when each began, the reminders counted, the client's reasons
 * for changes, and the plan with those notes for the project pages. {@link MilestoneService} starts
 * and ends a review as the milestone moves.
 */
@Service
public class MilestoneReviews {
  private final MilestoneRepository milestones;
  private final MilestoneService plans;
  private final ProjectService projects;

  MilestoneReviews(
      MilestoneRepository milestones, MilestoneService plans, ProjectService projects) {
    this.milestones = milestones;
    this.plans = plans;
    this.projects = projects;
  }

  /** When the review period of a submitted milestone began, if it is under review now. */
  @Transactional(readOnly = true)
  public java.util.Optional<Instant> reviewStartedAt(Actor actor, UUID id) {
    plans.milestone(actor, id);
    return milestones.reviewStartedAt(actor.workspaceId(), id);
  }

  /** Keeps the client's reason for asking changes to a milestone (the caller checked access). */
  @Transactional
  public void keepChangeReason(UUID workspaceId, UUID id, String reason) {
    milestones.setChangeReason(workspaceId, id, reason);
  }

  /**
   * A project's plan with its dispute notes and, for members, the client's reasons for changes: one
   * read for a project page.
   */
  @Transactional(readOnly = true)
  public NotedPlan notedPlan(Actor actor, UUID projectId) {
    projects.requireVisible(actor, projectId);
    NotedPlan plan = milestones.notedPlan(actor.workspaceId(), projectId, Paging.MAX_SIZE);
    // a client reads their change reasons on the milestone, not here: these are for the vendor
    return actor.isMember()
        ? plan
        : new NotedPlan(plan.milestones(), plan.disputes(), java.util.Map.of());
  }

  /**
   * Milestones under review since before {@code startedBefore}, a page after the previous one's
   * last ({@code after}, or null for the first page); for the review sweep.
   */
  @Transactional(readOnly = true)
  public List<UnderReview> underReview(
      Instant startedBefore, @Nullable UnderReview after, int limit) {
    return after == null
        ? milestones.underReview(startedBefore, Instant.EPOCH, new UUID(0, 0), limit)
        : milestones.underReview(startedBefore, after.startedAt(), after.id(), limit);
  }

  /** Counts a review reminder once; false if it was counted already. */
  @Transactional
  public boolean countReminder(UUID workspaceId, UUID id, int sentBefore) {
    return milestones.countReminder(workspaceId, id, sentBefore);
  }

  /** Ends a review period without a move (the sign-off of a released final part). */
  @Transactional
  public void endReview(UUID workspaceId, UUID id) {
    milestones.endReview(workspaceId, id);
  }
}
