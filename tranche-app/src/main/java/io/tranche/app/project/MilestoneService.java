package io.tranche.app.project;

import io.tranche.app.platform.Access;
import io.tranche.app.platform.Actor;
import io.tranche.app.platform.Errors;
import io.tranche.app.platform.PageOf;
import io.tranche.app.platform.Paging;
import io.tranche.app.platform.TokenScope;
import io.tranche.app.project.internal.MilestoneRepository;
import io.tranche.app.project.internal.MilestoneRepository.Stored;
import io.tranche.app.workspace.WorkspaceService;
import io.tranche.core.error.DomainException;
import io.tranche.core.error.Validation;
import io.tranche.core.milestone.Changed;
import io.tranche.core.milestone.FinalPart;
import io.tranche.core.milestone.Milestone;
import io.tranche.core.milestone.MilestoneAction;
import io.tranche.core.milestone.MilestoneErrors;
import io.tranche.core.milestone.MilestoneTransitioned;
import io.tranche.core.milestone.PaymentPlan;
import io.tranche.core.milestone.PaymentTrigger;
import io.tranche.core.milestone.PlannedMilestone;
import io.tranche.core.milestone.SignedPlan;
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
  private final WorkspaceService workspaces;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final StopWork stopWork;

  MilestoneService(
      MilestoneRepository milestones,
      ProjectService projects,
      WorkspaceService workspaces,
      ApplicationEventPublisher events,
      Clock clock,
      @org.springframework.context.annotation.Lazy StopWork stopWork) {
    this.stopWork = stopWork;
    this.milestones = milestones;
    this.projects = projects;
    this.workspaces = workspaces;
    this.events = events;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public PageOf<MilestoneView> milestones(Actor actor, UUID projectId, Paging paging) {
    projects.requireVisible(actor, projectId);
    return new PageOf<>(
        milestones.ofProject(actor.workspaceId(), projectId, paging).stream()
            .map(MilestoneView::of)
            .toList(),
        paging.page(),
        paging.size(),
        milestones.countOfProject(actor.workspaceId(), projectId));
  }

  /** A project's milestones as domain values, for policies such as the timeline. */
  @Transactional(readOnly = true)
  public List<Milestone> plan(Actor actor, UUID projectId) {
    projects.requireVisible(actor, projectId);
    return milestones.ofProject(actor.workspaceId(), projectId, new Paging(0, Paging.MAX_SIZE));
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
    requireDraftPlan(actor.workspaceId(), projectId, "the parts");
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
            milestones.nextPosition(actor.workspaceId(), projectId),
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
    requireDraftPlan(actor.workspaceId(), current.projectId().value(), "a part's name or amount");
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
    if (action != MilestoneAction.START && action != MilestoneAction.SUBMIT) {
      TokenScope.require(TokenScope.FULL, action.name() + " on a milestone");
    }
    if (action == MilestoneAction.SUBMIT) {
      stopWork.refuseIfPaused(actor.workspaceId(), stored.milestone().projectId().value());
    }
    if (action == MilestoneAction.START) {
      UUID projectId = stored.milestone().projectId().value();
      if (!projects.stageOf(actor.workspaceId(), projectId).contractSigned()
          && !workspaces.workBeforeContract(actor.workspaceId())) {
        throw new DomainException(MilestoneErrors.NO_CONTRACT, Map.of());
      }
    }
    return move(stored, action, actor.label());
  }

  /**
   * Makes a signed contract's (or amendment's) payment plan the project's milestones, position by
   * position: amounts, names and triggers follow the signature, states stay (see {@link
   * SignedPlan}). Refuses a plan that rewrites money already asked for or drops started work.
   */
  @Transactional
  public void applySignedPlan(UUID workspaceId, UUID projectId, PaymentPlan plan) {
    List<Milestone> current = planAsSystem(workspaceId, projectId);
    SignedPlan.Applied applied = SignedPlan.apply(current, plan);
    Instant now = clock.instant();
    for (Milestone removed : applied.removed()) {
      milestones.delete(workspaceId, removed.id().value());
    }
    for (int i = 0; i < applied.kept().size(); i++) {
      if (!applied.kept().get(i).equals(current.get(i))) {
        milestones.updatePlan(applied.kept().get(i), now);
      }
    }
    int position = applied.kept().size() + 1;
    for (PlannedMilestone planned : applied.added()) {
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
  }

  private MilestoneView move(Stored stored, MilestoneAction action, String actorLabel) {
    Instant now = clock.instant();
    Changed<Milestone, MilestoneTransitioned> changed = stored.milestone().apply(action, now);
    store(stored, changed.next());
    Milestone next = changed.next();
    UUID workspaceId = next.workspaceId().value();
    switch (next.state()) {
      case SUBMITTED -> milestones.startReview(workspaceId, next.id().value(), now);
      case ACCEPTED, CHANGES_REQUESTED -> milestones.endReview(workspaceId, next.id().value());
      case RELEASED -> {
        // the released final delivery awaits the client's sign-off for one review period
        if (FinalPart.is(next, planAsSystem(workspaceId, next.projectId().value()))
            && projects.stageOf(workspaceId, next.projectId().value()).signedOffAt() == null) {
          milestones.startReview(workspaceId, next.id().value(), now);
        }
      }
      default -> {}
    }
    milestones.recordTransition(changed.event(), actorLabel);
    events.publishEvent(new MilestoneMoved(changed.event(), actorLabel));
    return MilestoneView.of(changed.next());
  }

  private void requireDraftPlan(UUID workspaceId, UUID projectId, String what) {
    if (projects.stageOf(workspaceId, projectId).contractSigned()) {
      throw new DomainException(MilestoneErrors.SIGNED_PLAN, Map.of("what", what));
    }
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
    return move(stored, action, actor.label());
  }

  /**
   * An automatic move (invoicing on a trigger, marking paid when the invoice is paid), by the
   * system rather than a person; refused like any other illegal move.
   */
  @Transactional
  public MilestoneView transitionAsSystem(UUID workspaceId, UUID id, MilestoneAction action) {
    Stored stored =
        milestones.find(workspaceId, id).orElseThrow(Errors.notFoundSupplier("milestone", id));
    return move(stored, action, "system");
  }

  /** A project's milestones, for automatic steps; no access check. */
  @Transactional(readOnly = true)
  public List<Milestone> planAsSystem(UUID workspaceId, UUID projectId) {
    return milestones.ofProject(workspaceId, projectId, new Paging(0, Paging.MAX_SIZE));
  }

  /**
   * A milestone with its row locked until the caller's transaction ends, so that a step that
   * depends on its state (e.g. making an upload visible) cannot interleave with a move; no access
   * check.
   */
  @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
  public java.util.Optional<Milestone> lock(UUID workspaceId, UUID id) {
    return milestones.lock(workspaceId, id);
  }

  /** A milestone by id, for automatic steps; no access check. */
  @Transactional(readOnly = true)
  public java.util.Optional<Milestone> find(UUID workspaceId, UUID id) {
    return milestones.find(workspaceId, id).map(Stored::milestone);
  }

  private void store(Stored stored, Milestone next) {
    if (!milestones.update(next, stored.version(), clock.instant())) {
      throw new DomainException(
          ProjectErrors.CONCURRENT_CHANGE, Map.of("state", stored.milestone().state().name()));
    }
  }

  private Stored load(Actor actor, UUID id) {
    Stored stored =
        milestones
            .find(actor.workspaceId(), id)
            .orElseThrow(Errors.notFoundSupplier("milestone", id));
    Milestone m = stored.milestone();
    try {
      projects.requireVisible(actor, m.projectId().value());
    } catch (DomainException e) {
      throw Errors.notFound("milestone", id);
    }
    return stored;
  }
}
