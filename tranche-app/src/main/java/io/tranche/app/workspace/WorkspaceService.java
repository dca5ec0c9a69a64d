package io.tranche.app.workspace;

import io.tranche.app.platform.Access;
import io.tranche.app.platform.Actor;
import io.tranche.app.platform.ActorKind;
import io.tranche.app.workspace.internal.WorkspaceRepository;
import io.tranche.core.contract.SigningOrder;
import io.tranche.core.error.DomainException;
import io.tranche.core.error.Validation;
import io.tranche.core.workspace.Member;
import io.tranche.core.workspace.MemberId;
import io.tranche.core.workspace.MemberRole;
import io.tranche.core.workspace.Workspace;
import io.tranche.core.workspace.WorkspaceId;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Workspaces and their members. */
@Service
public class WorkspaceService {
  private final WorkspaceRepository repository;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  WorkspaceService(WorkspaceRepository repository, ApplicationEventPublisher events, Clock clock) {
    this.repository = repository;
    this.events = events;
    this.clock = clock;
  }

  /**
   * Creates a workspace and its first owner; {@code passwordHash} is already hashed by the caller.
   * Refuses an email that another member already uses.
   */
  @Transactional
  public Member createWithOwner(
      String workspaceName, String ownerName, String ownerEmail, String passwordHash) {
    Workspace workspace = new Workspace(WorkspaceId.random(), workspaceName, clock.instant());
    Member owner =
        new Member(MemberId.random(), workspace.id(), ownerEmail, ownerName, MemberRole.OWNER);
    if (repository.memberByEmail(owner.email()).isPresent()) {
      throw DomainException.field(WorkspaceErrors.EMAIL_TAKEN, "email", Map.of());
    }
    repository.insert(workspace);
    repository.insert(owner, passwordHash, clock.instant());
    events.publishEvent(
        new WorkspaceCreated(
            workspace.id().value(), workspace.name(), owner.id().value(), owner.email()));
    return owner;
  }

  /** Whether any workspace exists yet (a first start has none). */
  @Transactional(readOnly = true)
  public boolean anyWorkspace() {
    return repository.count() > 0;
  }

  /** The workspace of the caller. */
  @Transactional(readOnly = true)
  public Workspace current(Actor actor) {
    return repository
        .find(actor.workspaceId())
        .orElseThrow(() -> new IllegalStateException("the actor's workspace is gone"));
  }

  /** The workspace of the caller with its settings, read together. */
  @Transactional(readOnly = true)
  public CurrentWorkspace currentWithSettings(Actor actor) {
    return repository
        .findWithSettings(actor.workspaceId())
        .orElseThrow(() -> new IllegalStateException("the actor's workspace is gone"));
  }

  /**
   * How a workspace numbers its invoices, how many days it gives to pay, and its bank details for
   * transfers (null until set).
   */
  public record InvoiceSettings(
      String prefix, int paymentTermsDays, @org.jspecify.annotations.Nullable String bankDetails) {}

  /** Sets how invoices are numbered and how many days clients have to pay (owners only). */
  @Transactional
  public void setInvoiceTerms(
      Actor actor,
      @org.jspecify.annotations.Nullable String prefix,
      @org.jspecify.annotations.Nullable Integer paymentTermsDays) {
    Access.owner(actor);
    if (prefix != null) {
      io.tranche.core.invoice.InvoiceNumbers.format(prefix, 2000, 1);
      repository.setInvoicePrefix(actor.workspaceId(), prefix);
    }
    if (paymentTermsDays != null) {
      repository.setPaymentTermsDays(
          actor.workspaceId(),
          (int) Validation.range("paymentTermsDays", paymentTermsDays, 0, 365));
    }
  }

  /** Sets the bank details printed on invoices (owners only); blank clears them. */
  @Transactional
  public void setBankDetails(Actor actor, @org.jspecify.annotations.Nullable String details) {
    Access.owner(actor);
    repository.setBankDetails(
        actor.workspaceId(), Validation.optionalText("bankDetails", details, 1000));
  }

  @Transactional(readOnly = true)
  public InvoiceSettings invoiceSettings(UUID workspaceId) {
    return repository.invoiceSettings(workspaceId);
  }

  /** Who signs a workspace's contracts first. */
  @Transactional(readOnly = true)
  public SigningOrder signingOrder(UUID workspaceId) {
    return repository.signingOrder(workspaceId);
  }

  /** Sets who signs contracts first (owners only); applies to quotes sent from now on. */
  @Transactional
  public void setSigningOrder(Actor actor, SigningOrder order) {
    Access.owner(actor);
    repository.setSigningOrder(actor.workspaceId(), Validation.required("signingOrder", order));
  }

  /** The workspace's time zone: the dates people read (invoice, due, validity) are in it. */
  @Transactional(readOnly = true)
  public java.time.ZoneId zone(UUID workspaceId) {
    return java.time.ZoneId.of(repository.timeZone(workspaceId));
  }

  /** Today's date in the workspace's time zone. */
  @Transactional(readOnly = true)
  public java.time.LocalDate today(UUID workspaceId) {
    return java.time.LocalDate.ofInstant(clock.instant(), zone(workspaceId));
  }

  /** Sets the workspace's time zone (owners), a region id such as {@code Europe/Berlin}. */
  @Transactional
  public void setTimeZone(Actor actor, String zone) {
    Access.owner(actor);
    String id = Validation.text("timeZone", zone, 64).strip();
    try {
      repository.setTimeZone(actor.workspaceId(), java.time.ZoneId.of(id).getId());
    } catch (java.time.DateTimeException e) {
      throw DomainException.field(WorkspaceErrors.BAD_TIME_ZONE, "timeZone", Map.of("zone", id));
    }
  }

  /**
   * Whether work may start before a contract is signed (off by default). Signing still applies the
   * signed plan, and no milestone is invoiced before it.
   */
  @Transactional(readOnly = true)
  public boolean workBeforeContract(UUID workspaceId) {
    return repository.workBeforeContract(workspaceId);
  }

  /** Allows or forbids work before a contract (owners only). */
  @Transactional
  public void setWorkBeforeContract(Actor actor, boolean allowed) {
    Access.owner(actor);
    repository.setWorkBeforeContract(actor.workspaceId(), allowed);
  }

  /** The email addresses of a workspace's members, for notifications. */
  @Transactional(readOnly = true)
  public List<String> memberEmails(UUID workspaceId) {
    return repository.memberEmails(workspaceId);
  }

  /** The name of a workspace, for mails and pages. */
  @Transactional(readOnly = true)
  public Optional<String> name(UUID workspaceId) {
    return repository.find(workspaceId).map(Workspace::name);
  }

  @Transactional(readOnly = true)
  public Optional<Workspace> findByName(String name) {
    return repository.findByName(name);
  }

  /** A member's password login: the actor they sign in as and their password hash. */
  @Transactional(readOnly = true)
  public Optional<MemberLogin> memberLogin(String email) {
    return repository
        .memberWithHash(email.strip().toLowerCase(Locale.ROOT))
        .map(stored -> new MemberLogin(actor(stored.member()), stored.passwordHash()));
  }

  /** The actor of a member, by id; for API tokens. */
  @Transactional(readOnly = true)
  public Optional<Actor> memberActor(UUID memberId) {
    return repository.member(memberId).map(WorkspaceService::actor);
  }

  static Actor actor(Member m) {
    return new Actor(
        ActorKind.MEMBER,
        m.id().value(),
        m.workspaceId().value(),
        m.email(),
        m.role() == MemberRole.OWNER);
  }

  /** A member's login details. */
  public record MemberLogin(Actor actor, String passwordHash) {}
}
