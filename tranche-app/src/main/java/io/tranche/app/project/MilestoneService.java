package io.tranche.app.project;

import io.tranche.app.platform.Access;
import io.tranche.app.platform.Actor;
import io.tranche.app.platform.Errors;
import io.tranche.app.platform.PageOf;
import io.tranche.app.platform.Paging;
import io.tranche.app.project.internal.MilestoneRepository;
import io.tranche.app.project.internal.MilestoneRepository.Stored;
import io.tranche.core.error.DomainException;
import io.tranche.core.error.Validation;
import io.tranche.core.milestone.Changed;
import io.tranche.core.milestone.Milestone;
import io.tranche.core.milestone.MilestoneAction;
import io.tranche.core.milestone.MilestoneErrors;
import io.tranche.core.milestone.MilestoneTransitioned;
import io.tranche.core.milestone.PaymentPlan;
import io.tranche.core.milestone.PaymentTrigger;
import io.tranche.core.milestone.PlannedMilestone;
import io.tranche.core.money.Money;
import io.tranche.core.money.MoneyErrors;
import io.tranche.core.project.ProjectId;
import io.tranche.core.workspace.WorkspaceId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Milestones of a project: reading them (members and the project's contacts), planning and editing
 * them and moving them through their state machine (members).
 */
@Service
public class MilestoneService {
  private final MilestoneRepository milestones;
  private final ProjectService projects;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  MilestoneService(
      MilestoneRepository milestones,
      ProjectService projects,
      ApplicationEventPublisher events,
      Clock clock) {
    this.milestones = milestones;
    this.projects = projects;
    this.events = events;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public PageOf<MilestoneView> milestones(Actor actor, UUID projectId, Paging paging) {
    projects.requireVisible(actor, projectId);
    return new PageOf<>(
        milestones.ofProject(projectId, paging).stream().map(MilestoneView::of).toList(),
        paging.page(),
        paging.size(),
        milestones.countOfProject(projectId));
  }

  /** A project's milestones as domain values, for policies such as the timeline. */
  @Transactional(readOnly = true)
  public List<Milestone> plan(Actor actor, UUID projectId) {
    projects.requireVisible(actor, projectId);
    return milestones.ofProject(projectId, new Paging(0, Paging.MAX_SIZE));
  }

  @Transactional(readOnly = true)
  public MilestoneView milestone(Actor actor, UUID id) {
    return MilestoneView.of(load(actor, id).milestone());
  }

  /** Adds a milestone at the end of the plan; the project's total grows by its amount. */
  @Transactional
  public MilestoneView add(
      Actor actor, UUID projectId, String name, Money amount, PaymentTrigger trigger) {
    Access.member(actor);
    ProjectView project = projects.project(actor, projectId);
    if (!amount.currency().getCurrencyCode().equals(project.currency())) {
      throw DomainException.field(
          MoneyErrors.CURRENCY_MISMATCH,
          "amount.currency",
          Map.of("left", project.currency(), "right", amount.currency().getCurrencyCode()));
    }
    Milestone milestone =
        Milestone.planned(
            new WorkspaceId(actor.workspaceId()),
            new ProjectId(projectId),
            milestones.nextPosition(projectId),
            name,
            amount,
            trigger);
    milestones.insert(milestone, clock.instant());
    return MilestoneView.of(milestone);
  }

  /**
   * Changes name or amount while the milestone is not yet submitted; {@code null} keeps a field.
   */
  @Transactional
  public MilestoneView update(Actor actor, UUID id, @Nullable String name, @Nullable Money amount) {
    Access.member(actor);
    Stored stored = load(actor, id);
    Milestone current = stored.milestone();
    if (amount != null && !amount.currency().equals(current.amount().currency())) {
      throw DomainException.field(
          MoneyErrors.CURRENCY_MISMATCH,
          "amount.currency",
          Map.of(
              "left", current.amount().currency().getCurrencyCode(),
              "right", amount.currency().getCurrencyCode()));
    }
    Milestone next =
        current.withDetails(
            name == null ? current.name() : name, amount == null ? current.amount() : amount);
    store(stored, next);
    return MilestoneView.of(next);
  }

  /**
   * Moves a milestone; an illegal move is refused naming the current state and the action, and a
   * move that races another is refused rather than lost.
   */
  @Transactional
  public MilestoneView transition(Actor actor, UUID id, @Nullable MilestoneAction action) {
    Access.member(actor);
    Stored stored = load(actor, id);
    Validation.required("action", action);
    if (!action.byMember()) {
      throw DomainException.field(
          MilestoneErrors.NOT_A_MEMBER_MOVE,
          "action",
          Map.of("action", action.name(), "instead", action.instead()));
    }
    Instant now = clock.instant();
    Changed<Milestone, MilestoneTransitioned> changed = stored.milestone().apply(action, now);
    store(stored, changed.next());
    milestones.recordTransition(changed.event(), actor.label());
    events.publishEvent(new MilestoneMoved(changed.event(), actor.label()));
    return MilestoneView.of(changed.next());
  }

  /**
   * Makes a signed contract's payment plan the project's milestones, when no milestone has moved
   * yet (all PLANNED, none disputed); otherwise leaves the milestones as they are. Returns whether
   * the plan was applied.
   */
  @Transactional
  public boolean applyContractPlan(UUID workspaceId, UUID projectId, PaymentPlan plan) {
    if (!milestones.allUntouched(projectId)) {
      return false;
    }
    milestones.deleteOfProject(projectId);
    Instant now = clock.instant();
    int position = 1;
    for (PlannedMilestone planned : plan.milestones()) {
      milestones.insert(
          Milestone.planned(
              new WorkspaceId(workspaceId),
              new ProjectId(projectId),
              position++,
              planned.name(),
              planned.amount(),
              planned.trigger()),
          now);
    }
    return true;
  }

  /**
   * A client contact's decision on delivered work: ACCEPT or REQUEST_CHANGES, on a milestone of a
   * project they are a contact of. (Recording the signature that goes with it is the caller's.)
   */
  @Transactional
  public MilestoneView decideAsClient(Actor actor, UUID id, MilestoneAction action) {
    Stored stored = load(actor, id);
    if (!actor.isContact()
        || (action != MilestoneAction.ACCEPT && action != MilestoneAction.REQUEST_CHANGES)) {
      throw new DomainException(
          Errors.FORBIDDEN,
          Map.of("needed", "a client contact accepting or refusing delivered work"));
    }
    Changed<Milestone, MilestoneTransitioned> changed =
        stored.milestone().apply(action, clock.instant());
    store(stored, changed.next());
    milestones.recordTransition(changed.event(), actor.label());
    events.publishEvent(new MilestoneMoved(changed.event(), actor.label()));
    return MilestoneView.of(changed.next());
  }

  /**
   * An automatic move (invoicing on a trigger, marking paid when the invoice is paid), by the
   * system rather than a person; refused like any other illegal move.
   */
  @Transactional
  public MilestoneView transitionAsSystem(UUID workspaceId, UUID id, MilestoneAction action) {
    Stored stored =
        milestones
            .find(id)
            .filter(s -> s.milestone().workspaceId().value().equals(workspaceId))
            .orElseThrow(Errors.notFoundSupplier("milestone", id));
    Changed<Milestone, MilestoneTransitioned> changed =
        stored.milestone().apply(action, clock.instant());
    store(stored, changed.next());
    milestones.recordTransition(changed.event(), "system");
    events.publishEvent(new MilestoneMoved(changed.event(), "system"));
    return MilestoneView.of(changed.next());
  }

  /** A project's milestones, for automatic steps; no access check. */
  @Transactional(readOnly = true)
  public List<Milestone> planAsSystem(UUID projectId) {
    return milestones.ofProject(projectId, new Paging(0, Paging.MAX_SIZE));
  }

  /**
   * A milestone with its row locked until the caller's transaction ends, so that a step that
   * depends on its state (e.g. making an upload visible) cannot interleave with a move; no access
   * check.
   */
  @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
  public java.util.Optional<Milestone> lock(UUID id) {
    return milestones.lock(id);
  }

  /** A milestone by id, for automatic steps; no access check. */
  @Transactional(readOnly = true)
  public java.util.Optional<Milestone> find(UUID id) {
    return milestones.find(id).map(Stored::milestone);
  }

  private void store(Stored stored, Milestone next) {
    if (!milestones.update(next, stored.version(), clock.instant())) {
      throw new DomainException(
          ProjectErrors.CONCURRENT_CHANGE, Map.of("state", stored.milestone().state().name()));
    }
  }

  private Stored load(Actor actor, UUID id) {
    Stored stored = milestones.find(id).orElseThrow(Errors.notFoundSupplier("milestone", id));
    Milestone m = stored.milestone();
    if (!actor.workspaceId().equals(m.workspaceId().value())) {
      throw Errors.notFound("milestone", id);
    }
    try {
      projects.requireVisible(actor, m.projectId().value());
    } catch (DomainException e) {
      throw Errors.notFound("milestone", id);
    }
    return stored;
  }
}
