package io.tranche.app.project;

import io.tranche.app.platform.Access;
import io.tranche.app.platform.Actor;
import io.tranche.app.platform.Errors;
import io.tranche.app.platform.PageOf;
import io.tranche.app.platform.Paging;
import io.tranche.app.platform.PerRequest;
import io.tranche.app.project.internal.MilestoneRepository;
import io.tranche.app.project.internal.ProjectRepository;
import io.tranche.app.workspace.ClientService;
import io.tranche.app.workspace.ClientView;
import io.tranche.app.workspace.ContactView;
import io.tranche.core.error.DomainException;
import io.tranche.core.error.Validation;
import io.tranche.core.milestone.Milestone;
import io.tranche.core.milestone.PlannedMilestone;
import io.tranche.core.money.Money;
import io.tranche.core.project.Project;
import io.tranche.core.project.ProjectId;
import io.tranche.core.project.ProjectType;
import io.tranche.core.workspace.ClientId;
import io.tranche.core.workspace.WorkspaceId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Projects and who may see them: members see every project of their workspace, a client contact
 * only the projects they are a contact of. Anything else is "not found".
 */
@Service
public class ProjectService {
  private final ProjectRepository projects;
  private final MilestoneRepository milestones;
  private final ClientService clients;
  private final Clock clock;

  ProjectService(
      ProjectRepository projects,
      MilestoneRepository milestones,
      ClientService clients,
      Clock clock) {
    this.projects = projects;
    this.milestones = milestones;
    this.clients = clients;
    this.clock = clock;
  }

  /** The projects the caller may see, newest first. */
  @Transactional(readOnly = true)
  public PageOf<ProjectView> projects(Actor actor, Paging paging) {
    if (actor.isContact()) {
      return new PageOf<>(
          projects.viewsOfContact(actor.workspaceId(), actor.id(), paging),
          paging.page(),
          paging.size(),
          projects.countOfContact(actor.id()));
    }
    return new PageOf<>(
        projects.viewsOfWorkspace(actor.workspaceId(), paging),
        paging.page(),
        paging.size(),
        projects.countOfWorkspace(actor.workspaceId()));
  }

  /** A client's projects, newest first (members). */
  @Transactional(readOnly = true)
  public List<ProjectView> projectsOfClient(Actor actor, UUID clientId, Paging paging) {
    Access.member(actor);
    return projects.viewsOfClient(actor.workspaceId(), clientId, paging);
  }

  /** One project, if the caller may see it (one statement: no transaction of its own). */
  public ProjectView project(Actor actor, UUID id) {
    return overview(actor, id).project();
  }

  /**
   * A project and where it stands, if the caller may see it (one statement, also the access check;
   * no transaction of its own: a caller that reads more opens one).
   */
  public ProjectOverview overview(Actor actor, UUID id) {
    ProjectOverview o =
        projects
            .overview(actor.workspaceId(), id)
            .filter(v -> !actor.isContact() || v.project().contactIds().contains(actor.id()))
            .orElseThrow(Errors.notFoundSupplier("project", id));
    PerRequest.passed(visibleKey(actor, id));
    return o;
  }

  /** Creates a project with its payment plan's milestones, all in one transaction. */
  @Transactional
  public ProjectView create(Actor actor, NewProject request) {
    Access.member(actor);
    ClientView client = clients.client(actor, request.clientId());
    Money total = request.plan().total();
    Project project =
        new Project(
            ProjectId.random(),
            new WorkspaceId(actor.workspaceId()),
            new ClientId(client.id()),
            request.name(),
            request.type(),
            total.currency(),
            request.creditLimit());
    Instant now = clock.instant();
    projects.insert(project, now);
    int position = 1;
    for (PlannedMilestone planned : request.plan().milestones()) {
      milestones.insert(
          Milestone.planned(
              project.workspaceId(),
              project.id(),
              position++,
              planned.name(),
              planned.amount(),
              planned.trigger()),
          now);
    }
    for (UUID contactId : request.contactIds()) {
      linkContact(actor, project, contactId);
    }
    return project(actor, project.id().value());
  }

  /** Changes the fields that are given; {@code null} keeps a field as it is. */
  @Transactional
  public ProjectView update(
      Actor actor,
      UUID id,
      @Nullable String name,
      @Nullable ProjectType type,
      @Nullable Money creditLimit) {
    Project current = load(Access.member(actor), id);
    if (creditLimit != null
        && !creditLimit.equals(current.creditLimit())
        && stageOf(actor.workspaceId(), id).contractSigned()) {
      throw DomainException.field(
          io.tranche.core.milestone.MilestoneErrors.SIGNED_PLAN,
          "creditLimit",
          Map.of("what", "the credit limit"));
    }
    projects.update(
        current.withDetails(
            name == null ? current.name() : name,
            type == null ? current.type() : type,
            creditLimit == null ? current.creditLimit() : creditLimit));
    return project(actor, id);
  }

  /** Where a project stands as a whole (contract, sign-off, modification window). */
  @Transactional(readOnly = true)
  public ProjectStage stage(Actor actor, UUID projectId) {
    return overview(actor, projectId).stage();
  }

  /** A project's stage, for automatic steps; no access check beyond the workspace. */
  @Transactional(readOnly = true)
  public ProjectStage stageOf(UUID workspaceId, UUID projectId) {
    return projects
        .stage(workspaceId, projectId)
        .orElseThrow(Errors.notFoundSupplier("project", projectId));
  }

  /**
   * A contract (or an amendment) of the project was completed: its review and modification terms
   * become the project's, and from the first one on the plan changes only by amendment. A system
   * step, no access check.
   */
  @Transactional
  public void contractCompleted(
      UUID workspaceId, UUID projectId, int reviewDays, int modificationDays) {
    projects.contractSigned(workspaceId, projectId, clock.instant(), reviewDays, modificationDays);
  }

  /** Records the sign-off and opens the modification window; false if it was already recorded. */
  @Transactional
  public boolean signOff(UUID workspaceId, UUID projectId, Instant at) {
    ProjectStage stage = stageOf(workspaceId, projectId);
    return projects.signOff(
        workspaceId, projectId, at, at.plus(java.time.Duration.ofDays(stage.modificationDays())));
  }

  /** Records a modification window's close; false if it was already recorded. */
  @Transactional
  public boolean closeWindow(UUID workspaceId, UUID projectId, Instant at) {
    return projects.closeWindow(workspaceId, projectId, at);
  }

  /** (workspace, project) pairs whose modification window has ended but is not closed yet. */
  @Transactional(readOnly = true)
  public List<UUID[]> windowsToClose(Instant now) {
    return projects.windowsToClose(now);
  }

  /** Makes a contact of the project's client a contact of the project, who then sees it. */
  @Transactional
  public ProjectView addContact(Actor actor, UUID projectId, @Nullable UUID contactId) {
    Project project = load(Access.member(actor), projectId);
    linkContact(actor, project, Validation.required("contactId", contactId));
    return project(actor, projectId);
  }

  /** The contact no longer sees the project. */
  @Transactional
  public ProjectView removeContact(Actor actor, UUID projectId, UUID contactId) {
    load(Access.member(actor), projectId);
    projects.removeContact(projectId, contactId);
    return project(actor, projectId);
  }

  /** Refuses as "not found" a project the caller may not see; asked once per request. */
  public void requireVisible(Actor actor, UUID projectId) {
    PerRequest.checkOnce(
        visibleKey(actor, projectId),
        () -> {
          if (!projects.visible(actor.workspaceId(), projectId, actor.isContact(), actor.id())) {
            throw Errors.notFound("project", projectId);
          }
        });
  }

  private static String visibleKey(Actor actor, UUID projectId) {
    return "project:" + actor.label() + ":" + projectId;
  }

  /** The email addresses of a project's client contacts, for notifications; no access check. */
  @Transactional(readOnly = true)
  public List<String> contactEmails(UUID workspaceId, UUID projectId) {
    return projects.contactEmails(workspaceId, projectId);
  }

  /** The tax rate (basis points) a project's invoices use: its contract's, or 0. */
  @Transactional(readOnly = true)
  public int taxRateOf(UUID workspaceId, UUID projectId) {
    return projects.taxRate(workspaceId, projectId);
  }

  /** Sets the tax rate from a signed contract (a system step, no access check). */
  @Transactional
  public void applyTaxRate(UUID workspaceId, UUID projectId, int basisPoints) {
    projects.setTaxRate(workspaceId, projectId, basisPoints);
  }

  /** A project's client, for automatic steps; no access check. */
  @Transactional(readOnly = true)
  public UUID clientOf(UUID workspaceId, UUID projectId) {
    return load(workspaceId, projectId).clientId().value();
  }

  /** A project's name, for mails and pages; no access check. */
  @Transactional(readOnly = true)
  public String nameOf(UUID workspaceId, UUID projectId) {
    return load(workspaceId, projectId).name();
  }

  /** A project's currency, for features that must match it; no access check. */
  @Transactional(readOnly = true)
  public String currencyOf(UUID workspaceId, UUID projectId) {
    return load(workspaceId, projectId).currency().getCurrencyCode();
  }

  /** A project's credit limit; no access check. */
  @Transactional(readOnly = true)
  public Money creditLimitOf(UUID workspaceId, UUID projectId) {
    return load(workspaceId, projectId).creditLimit();
  }

  /** Sets a project's credit limit from a signed contract (a system step, no access check). */
  @Transactional
  public void applyCreditLimit(UUID workspaceId, UUID projectId, Money creditLimit) {
    Project current = load(workspaceId, projectId);
    projects.update(current.withDetails(current.name(), current.type(), creditLimit));
  }

  private void linkContact(Actor actor, Project project, UUID contactId) {
    ContactView contact = Errors.at("contactIds", () -> clients.contact(actor, contactId));
    if (!contact.clientId().equals(project.clientId().value())) {
      throw DomainException.field(
          ProjectErrors.CONTACT_OF_OTHER_CLIENT, "contactIds", Map.of("contactId", contactId));
    }
    projects.addContact(project.id().value(), contactId);
  }

  private Project load(Actor actor, UUID id) {
    return load(actor.workspaceId(), id);
  }

  private Project load(UUID workspaceId, UUID id) {
    return projects.find(workspaceId, id).orElseThrow(Errors.notFoundSupplier("project", id));
  }
}
