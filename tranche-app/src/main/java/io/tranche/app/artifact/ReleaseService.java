package io.tranche.app.artifact;

import io.tranche.app.artifact.internal.ArtifactRepository;
import io.tranche.app.artifact.internal.ArtifactRepository.Release;
import io.tranche.app.artifact.internal.ArtifactRepository.StoredArtifact;
import io.tranche.app.invoice.InvoiceService;
import io.tranche.app.invoice.InvoiceService.MilestoneMoney;
import io.tranche.app.platform.Access;
import io.tranche.app.platform.Actor;
import io.tranche.app.platform.Errors;
import io.tranche.app.project.MilestoneService;
import io.tranche.app.project.MilestoneView;
import io.tranche.core.error.DomainException;
import io.tranche.core.milestone.Milestone;
import io.tranche.core.milestone.MilestoneAction;
import io.tranche.core.milestone.MilestoneState;
import io.tranche.core.release.ReleaseRule;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Releases a milestone's sealed artifacts: automatically when the release rule holds (invoice fully
 * paid from the ledger, not settled by credit notes alone, exposure within the credit limit, no
 * dispute), or by an explicit vendor action. A release happens once per milestone however many
 * triggers race (the release row is the lock), is written to the evidence log and is mailed to the
 * client. A refund before release cancels it; a refund after release is recorded and shown.
 */
@Service
public class ReleaseService {
  private static final Logger log = LoggerFactory.getLogger(ReleaseService.class);

  private final ArtifactRepository artifacts;
  private final io.tranche.app.artifact.internal.ClientMail clientMail;
  private final MilestoneService milestones;
  private final InvoiceService invoices;
  private final io.tranche.app.invoice.HandedOver handedOver;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  ReleaseService(
      ArtifactRepository artifacts,
      io.tranche.app.artifact.internal.ClientMail clientMail,
      MilestoneService milestones,
      InvoiceService invoices,
      io.tranche.app.invoice.HandedOver handedOver,
      ApplicationEventPublisher events,
      Clock clock) {
    this.handedOver = handedOver;
    this.artifacts = artifacts;
    this.clientMail = clientMail;
    this.milestones = milestones;
    this.invoices = invoices;
    this.events = events;
    this.clock = clock;
  }

  /**
   * The vendor's early release: hands the milestone's artifacts over now, paid or not (members),
   * through the same code path as a paid release, with the member's reason in the evidence. A
   * milestone already released is answered as it is.
   */
  @Transactional
  public ReleaseView releaseByVendor(Actor actor, UUID milestoneId, @Nullable String reason) {
    Access.member(actor);
    MilestoneView m = milestones.milestone(actor, milestoneId);
    Milestone milestone = milestones.find(actor.workspaceId(), m.id()).orElseThrow();
    if (artifacts.release(actor.workspaceId(), milestoneId).isPresent()) {
      return view(actor.workspaceId(), milestoneId);
    }
    if (!hasReceipts(milestone)) {
      throw new DomainException(ArtifactErrors.NOTHING_TO_RELEASE, Map.of());
    }
    String why = io.tranche.core.error.Validation.text("reason", reason, 500);
    if (why.isBlank()) {
      throw DomainException.field(
          io.tranche.core.error.Validation.REQUIRED, "reason", Map.of("field", "reason"));
    }
    release(milestone, "vendor", actor.label(), why);
    return view(actor.workspaceId(), milestoneId);
  }

  /**
   * Applies the release rule to a milestone with receipted artifacts (a system step inside the
   * transaction of its trigger: a payment, a resolved dispute); returns whether it is released.
   */
  @Transactional
  public boolean evaluate(UUID workspaceId, UUID milestoneId, String trigger) {
    Optional<Milestone> found = milestones.find(workspaceId, milestoneId);
    if (found.isEmpty()) {
      return false;
    }
    Milestone m = found.get();
    if (artifacts.release(workspaceId, milestoneId).isPresent()) {
      // released by the vendor before it was paid: now paid, the milestone catches up
      if (m.state() == MilestoneState.PAID && !m.disputed()) {
        milestones.transitionAsSystem(
            m.workspaceId().value(), milestoneId, MilestoneAction.RELEASE);
      }
      return false;
    }
    List<StoredArtifact> receipted =
        artifacts.ofMilestone(workspaceId, milestoneId).stream()
            .filter(a -> a.receiptJws() != null)
            .toList();
    if (receipted.isEmpty()) {
      return false;
    }
    MilestoneMoney money = invoices.milestoneMoney(workspaceId, m.projectId().value(), milestoneId);
    ReleaseRule.Decision decision =
        ReleaseRule.decide(
            new ReleaseRule.Facts(
                money.invoiced(),
                money.invoiceOpen(),
                money.invoiceCredited(),
                handedOver.value(workspaceId, m.projectId().value()),
                m.amount(),
                money.received(),
                money.creditLimit(),
                m.disputed()));
    if (!decision.release()) {
      log.info("milestone {} not released on {}: {}", milestoneId, trigger, decision.heldBecause());
      return false;
    }
    return release(m, "paid", "system");
  }

  /**
   * Applies the release rule to every milestone of a project that waits for it (a payment on any
   * invoice lowers the exposure, which may free a milestone held by the credit limit).
   */
  @Transactional
  public void evaluateProject(UUID workspaceId, UUID projectId, String trigger) {
    for (Milestone m : milestones.planAsSystem(workspaceId, projectId)) {
      if (artifacts.release(workspaceId, m.id().value()).isEmpty() && hasReceipts(m)) {
        evaluate(workspaceId, m.id().value(), trigger);
      }
    }
  }

  /**
   * A refund on a milestone's invoice: before release, a pending release is cancelled (the rule no
   * longer holds, and that is evidence); after release, the refund is recorded on the release.
   */
  @Transactional
  public void refunded(
      UUID workspaceId, UUID invoiceId, io.tranche.core.money.Money refunded, String actor) {
    Optional<Milestone> milestone = milestoneOf(workspaceId, invoiceId);
    if (milestone.isEmpty() || reversedAfterRelease(milestone.get(), invoiceId, "refund", actor)) {
      return;
    }
    Milestone m = milestone.get();
    boolean wasFullyPaid =
        invoices
                .milestoneMoney(workspaceId, m.projectId().value(), m.id().value())
                .invoiceOpen()
                .compareTo(refunded)
            <= 0;
    if (wasFullyPaid && hasReceipts(m)) {
      events.publishEvent(
          new ArtifactEvent.ReleaseCancelled(
              workspaceId, m.projectId().value(), actor, m.id().value(), invoiceId, refunded));
    }
  }

  /**
   * A chargeback (the client disputed a card payment with their bank) on a milestone's invoice:
   * before release it opens a dispute on the milestone, which holds the release until someone
   * resolves it; after release it is recorded on the release.
   */
  @Transactional
  public void chargedBack(UUID workspaceId, UUID invoiceId, String actor) {
    Optional<Milestone> milestone = milestoneOf(workspaceId, invoiceId);
    if (milestone.isEmpty()
        || reversedAfterRelease(milestone.get(), invoiceId, "chargeback", actor)) {
      return;
    }
    Milestone m = milestone.get();
    if (!m.disputed() && hasReceipts(m)) {
      milestones.transitionAsSystem(
          m.workspaceId().value(), m.id().value(), MilestoneAction.OPEN_DISPUTE);
      events.publishEvent(
          new ArtifactEvent.ReleaseHeld(
              workspaceId, m.projectId().value(), actor, m.id().value(), invoiceId, "chargeback"));
    }
  }

  private Optional<Milestone> milestoneOf(UUID workspaceId, UUID invoiceId) {
    return invoices
        .milestoneOfInvoice(workspaceId, invoiceId)
        .flatMap(id -> milestones.find(workspaceId, id));
  }

  private boolean hasReceipts(Milestone m) {
    return artifacts.ofMilestone(m.workspaceId().value(), m.id().value()).stream()
        .anyMatch(a -> a.receiptJws() != null);
  }

  /** Records money taken back after release; true when the milestone was released. */
  private boolean reversedAfterRelease(Milestone m, UUID invoiceId, String reversal, String actor) {
    Optional<Release> release = artifacts.release(m.workspaceId().value(), m.id().value());
    if (release.isEmpty()) {
      return false;
    }
    if (artifacts.markReversedAfterRelease(
        m.workspaceId().value(), m.id().value(), reversal, clock.instant())) {
      log.warn(
          "milestone {}: {} after its artifacts were released on {}",
          m.id(),
          reversal,
          release.get().releasedAt());
      events.publishEvent(
          new ArtifactEvent.ReversedAfterRelease(
              m.workspaceId().value(),
              m.projectId().value(),
              actor,
              m.id().value(),
              invoiceId,
              reversal,
              release.get().releasedAt()));
    }
    return true;
  }

  private boolean release(Milestone m, String reason, String actor) {
    return release(m, reason, actor, null);
  }

  private boolean release(Milestone m, String reason, String actor, @Nullable String note) {
    UUID milestoneId = m.id().value();
    boolean first;
    try {
      first =
          artifacts.insertRelease(
              milestoneId,
              m.workspaceId().value(),
              m.projectId().value(),
              reason,
              actor,
              clock.instant());
    } catch (DuplicateKeyException e) {
      first = false;
    }
    if (!first) {
      return false;
    }
    if (m.state() == MilestoneState.PAID && !m.disputed()) {
      milestones.transitionAsSystem(m.workspaceId().value(), milestoneId, MilestoneAction.RELEASE);
    }
    List<StoredArtifact> released =
        artifacts.ofMilestone(m.workspaceId().value(), milestoneId).stream()
            .filter(a -> a.receiptJws() != null)
            .toList();
    events.publishEvent(
        new ArtifactEvent.Released(
            m.workspaceId().value(),
            m.projectId().value(),
            actor,
            milestoneId,
            reason,
            note,
            released.stream()
                .map(a -> new ArtifactEvent.ReleasedArtifact(a.id(), a.keyCommitment()))
                .toList()));
    clientMail.tellWithDeliverables(
        m.workspaceId().value(), m.projectId().value(), "released", Map.of("milestone", m.name()));
    log.info("milestone {} released ({}, {} artifacts)", milestoneId, reason, released.size());
    return true;
  }

  private ReleaseView view(UUID workspaceId, UUID milestoneId) {
    Release r =
        artifacts
            .release(workspaceId, milestoneId)
            .orElseThrow(Errors.notFoundSupplier("release", milestoneId));
    return new ReleaseView(milestoneId, true, r.reason(), r.actor(), r.releasedAt());
  }
}
