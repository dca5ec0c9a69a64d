package io.tranche.app.contract;

import io.tranche.app.contract.DeliveredWork.Deliverable;
import io.tranche.app.contract.internal.SignatureRepository;
import io.tranche.app.platform.Actor;
import io.tranche.app.project.MilestoneService;
import io.tranche.app.project.MilestoneView;
import io.tranche.app.project.ProjectService;
import io.tranche.app.project.ProjectStage;
import io.tranche.app.project.UnderReview;
import io.tranche.core.contract.ContractErrors;
import io.tranche.core.contract.SignatureRequest;
import io.tranche.core.error.DomainException;
import io.tranche.core.error.ErrorCode;
import io.tranche.core.error.ErrorKind;
import io.tranche.core.error.Validation;
import io.tranche.core.milestone.FinalPart;
import io.tranche.core.milestone.Milestone;
import io.tranche.core.milestone.MilestoneAction;
import io.tranche.core.milestone.MilestoneState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The client's decisions on delivered work, with the same signature component as quotes: accepting
 * a submitted milestone (step 7 and the final demo; changes can be requested instead) and signing
 * off the released final delivery (step 9), which opens the modification window. Silence for a
 * whole review period counts as the decision ({@link #deem}).
 */
@Service
public class AcceptanceService {
  static final String ACCEPTANCE = "ACCEPTANCE";
  static final String SIGNOFF = "SIGNOFF";
  public static final ErrorCode NOTHING_TO_SIGN =
      new ErrorCode(
          "acceptance.nothing-to-sign",
          ErrorKind.CONFLICT,
          "this milestone is {state}: there is nothing to {what} now");

  private final MilestoneService milestones;
  private final io.tranche.app.project.MilestoneReviews reviews;
  private final ProjectService projects;
  private final SignatureRepository signatures;
  private final DeliveredWork delivered;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  AcceptanceService(
      MilestoneService milestones,
      io.tranche.app.project.MilestoneReviews reviews,
      ProjectService projects,
      SignatureRepository signatures,
      DeliveredWork delivered,
      ApplicationEventPublisher events,
      Clock clock) {
    this.milestones = milestones;
    this.reviews = reviews;
    this.projects = projects;
    this.signatures = signatures;
    this.delivered = delivered;
    this.events = events;
    this.clock = clock;
  }

  /**
   * A milestone with the document a client signs for it now, if any: what was delivered (each
   * file's name, size, SHA-256 and receipt id) and when the review period ends.
   *
   * @param kind ACCEPTANCE, SIGNOFF, or empty when there is nothing to sign
   */
  public record Decision(
      MilestoneView milestone,
      String kind,
      String documentHash,
      List<PartSignature> signatures,
      List<Deliverable> deliverables,
      List<DeliveredWork.Previewed> previews,
      List<String> previewsViewed,
      @Nullable Instant reviewEndsAt,
      java.time.ZoneId zone) {

    /** The end of the review period in the workspace's zone, e.g. {@code 7 Dec 2026, 10:00 CET}. */
    public String reviewEndsLabel() {
      return io.tranche.app.platform.Dates.zoned(reviewEndsAt, zone);
    }
  }

  /** Opens a milestone for the client's decision; recorded as shown to the caller. */
  @Transactional
  public Decision open(Actor actor, UUID milestoneId) {
    MilestoneView m = milestones.milestone(actor, milestoneId);
    String kind = kindFor(actor, m);
    List<Deliverable> files = delivered.of(actor.workspaceId(), m.id());
    List<DeliveredWork.Previewed> shown = delivered.previews(actor.workspaceId(), m.id());
    String hash = AcceptanceDocument.hash(m, kind, files, shown);
    signatures.recordView(actor.workspaceId(), kind, m.id(), hash, actor.label(), clock.instant());
    return decision(actor, m, kind, hash, files, shown);
  }

  /**
   * Signs the acceptance of submitted work (then the milestone is ACCEPTED, which invoices it per
   * the plan) or the sign-off of the released final delivery (which opens the modification window).
   */
  @Transactional
  public Decision sign(Actor actor, UUID milestoneId, SignatureRequest request, SignedBy from) {
    MilestoneView m = milestones.milestone(actor, milestoneId);
    String kind = kindFor(actor, m);
    if (kind.isEmpty()) {
      throw new DomainException(NOTHING_TO_SIGN, Map.of("state", m.state().name(), "what", "sign"));
    }
    if (!actor.isContact()) {
      throw new DomainException(
          ContractErrors.NOT_A_SIGNER, Map.of("who", "a client contact of the project"));
    }
    List<Deliverable> files = delivered.of(actor.workspaceId(), m.id());
    List<DeliveredWork.Previewed> shown = delivered.previews(actor.workspaceId(), m.id());
    String hash = AcceptanceDocument.hash(m, kind, files, shown);
    if (!signatures.hasViewed(actor.workspaceId(), m.id(), hash, actor.label())) {
      throw new DomainException(ContractErrors.NOT_SHOWN, Map.of());
    }
    String name = request.check(hash);
    Instant now = clock.instant();
    SignatureView signature =
        new SignatureView(
            "CLIENT",
            actor.label(),
            actor.email(),
            name,
            hash,
            SignatureRequest.CONSENT_TEXT,
            from.ip(),
            from.userAgent(),
            now);
    if (!signatures.insert(actor.workspaceId(), m.projectId(), kind, m.id(), signature)) {
      throw new DomainException(ContractErrors.ALREADY_SIGNED, Map.of("role", "client"));
    }
    // the decision's evidence comes first, then what it causes (the move, then its invoice)
    events.publishEvent(
        kind.equals(ACCEPTANCE)
            ? new AgreementEvent.AcceptanceSigned(
                actor.workspaceId(),
                m.projectId(),
                actor.label(),
                m.id(),
                hash,
                signature,
                files,
                delivered.viewedBy(actor.workspaceId(), m.id(), actor.label()))
            : new AgreementEvent.SignedOff(
                actor.workspaceId(),
                m.projectId(),
                actor.label(),
                m.id(),
                hash,
                signature,
                files,
                signOff(actor.workspaceId(), m, now)));
    if (kind.equals(ACCEPTANCE)) {
      milestones.decideAsClient(actor, milestoneId, MilestoneAction.ACCEPT);
    }
    return decision(actor, milestones.milestone(actor, milestoneId), kind, hash, files, shown);
  }

  /** The client asks for changes to submitted work, with a reason the vendor sees. */
  @Transactional
  public MilestoneView requestChanges(Actor actor, UUID milestoneId, String comment) {
    MilestoneView m = milestones.milestone(actor, milestoneId);
    String text = Validation.text("comment", comment, 5000);
    if (text.isBlank()) {
      throw DomainException.field(Validation.REQUIRED, "comment", Map.of("field", "comment"));
    }
    if (m.state() != MilestoneState.SUBMITTED) {
      throw new DomainException(
          NOTHING_TO_SIGN, Map.of("state", m.state().name(), "what", "ask changes for"));
    }
    events.publishEvent(
        new AgreementEvent.ChangesRequested(
            actor.workspaceId(),
            m.projectId(),
            actor.label(),
            m.id(),
            AcceptanceDocument.hash(
                m,
                ACCEPTANCE,
                delivered.of(actor.workspaceId(), m.id()),
                delivered.previews(actor.workspaceId(), m.id())),
            m.name(),
            text));
    reviews.keepChangeReason(actor.workspaceId(), m.id(), text);
    return milestones.decideAsClient(actor, milestoneId, MilestoneAction.REQUEST_CHANGES);
  }

  /**
   * The review period of {@code review} passed in silence: submitted work is deemed accepted (and
   * invoiced per the plan), a released final part deemed signed off. Logged with the reminders that
   * were sent. Does nothing if the milestone moved meanwhile; returns whether it acted.
   */
  @Transactional
  public boolean deem(UnderReview review, int reviewDays) {
    Milestone m = milestones.find(review.workspaceId(), review.id()).orElse(null);
    if (m == null
        || m.disputed()
        || m.state() != review.state()
        || !m.workspaceId().value().equals(review.workspaceId())) {
      return false;
    }
    MilestoneView view = MilestoneView.of(m);
    List<Deliverable> files = delivered.of(review.workspaceId(), review.id());
    Instant now = clock.instant();
    boolean acceptance = m.state() == MilestoneState.SUBMITTED;
    Instant windowEnds = acceptance ? null : signOff(review.workspaceId(), view, now);
    events.publishEvent(
        new AgreementEvent.Deemed(
            review.workspaceId(),
            review.projectId(),
            review.id(),
            AcceptanceDocument.hash(
                view,
                acceptance ? ACCEPTANCE : SIGNOFF,
                files,
                delivered.previews(review.workspaceId(), review.id())),
            review.startedAt(),
            reviewDays,
            review.reminders(),
            files,
            windowEnds));
    if (acceptance) {
      milestones.transitionAsSystem(review.workspaceId(), review.id(), MilestoneAction.ACCEPT);
    }
    return true;
  }

  /** Records the sign-off and returns the end of the modification window it opens. */
  private Instant signOff(UUID workspaceId, MilestoneView m, Instant now) {
    if (!projects.signOff(workspaceId, m.projectId(), now)) {
      throw new DomainException(ContractErrors.ALREADY_SIGNED, Map.of("role", "client"));
    }
    reviews.endReview(workspaceId, m.id());
    return java.util.Objects.requireNonNull(
        projects.stageOf(workspaceId, m.projectId()).windowEndsAt());
  }

  private Decision decision(
      Actor actor,
      MilestoneView m,
      String kind,
      String hash,
      List<Deliverable> files,
      List<DeliveredWork.Previewed> shown) {
    ProjectStage stage = projects.stageOf(actor.workspaceId(), m.projectId());
    int days = stage.reviewDays();
    Instant ends =
        kind.isEmpty()
            ? null
            : reviews
                .reviewStartedAt(actor, m.id())
                .map(t -> t.plus(Duration.ofDays(days)))
                .orElse(null);
    return new Decision(
        m,
        kind,
        hash,
        PartSignature.of(signatures.ofKinds(actor.workspaceId(), m.id())),
        files,
        shown,
        delivered.viewedBy(actor.workspaceId(), m.id(), actor.label()),
        ends,
        stage.zone());
  }

  private String kindFor(Actor actor, MilestoneView m) {
    if (m.state() == MilestoneState.SUBMITTED && !m.disputed()) {
      return ACCEPTANCE;
    }
    if (m.state() == MilestoneState.RELEASED
        && projects.stageOf(actor.workspaceId(), m.projectId()).signedOffAt() == null
        && FinalPart.of(milestones.plan(actor, m.projectId()))
            .map(f -> f.id().value().equals(m.id()))
            .orElse(false)) {
      return SIGNOFF;
    }
    return "";
  }
}
