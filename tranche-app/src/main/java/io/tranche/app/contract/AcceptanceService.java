package io.tranche.app.contract;

import io.tranche.app.contract.internal.SignatureRepository;
import io.tranche.app.platform.Actor;
import io.tranche.app.project.MilestoneService;
import io.tranche.app.project.MilestoneView;
import io.tranche.core.contract.ContractErrors;
import io.tranche.core.contract.SignatureRequest;
import io.tranche.core.error.DomainException;
import io.tranche.core.error.ErrorCode;
import io.tranche.core.error.ErrorKind;
import io.tranche.core.evidence.CanonicalJson;
import io.tranche.core.evidence.EvidenceChain;
import io.tranche.core.milestone.MilestoneAction;
import io.tranche.core.milestone.MilestoneState;
import io.tranche.core.milestone.PaymentTrigger;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The client's signed decisions on delivered work, with the same signature component as quotes:
 * accepting a submitted milestone (step 7; changes can be requested instead) and signing off the
 * released final delivery (step 9).
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
  private final SignatureRepository signatures;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  AcceptanceService(
      MilestoneService milestones,
      SignatureRepository signatures,
      ApplicationEventPublisher events,
      Clock clock) {
    this.milestones = milestones;
    this.signatures = signatures;
    this.events = events;
    this.clock = clock;
  }

  /** A milestone with the document a client signs for it now, if any. */
  public record Decision(
      MilestoneView milestone, String kind, String documentHash, List<SignatureView> signatures) {}

  /** Opens a milestone for the client's decision; recorded as shown to the caller. */
  @Transactional
  public Decision open(Actor actor, UUID milestoneId) {
    MilestoneView m = milestones.milestone(actor, milestoneId);
    String kind = kindFor(m);
    String hash = hash(m, kind);
    signatures.recordView(actor.workspaceId(), kind, m.id(), hash, actor.label(), clock.instant());
    return new Decision(m, kind, hash, signatures.of(List.of(m.id())));
  }

  /**
   * Signs the acceptance of submitted work (then the milestone is ACCEPTED) or the sign-off of the
   * released final delivery.
   */
  @Transactional
  public Decision sign(Actor actor, UUID milestoneId, SignatureRequest request, SignedBy from) {
    MilestoneView m = milestones.milestone(actor, milestoneId);
    String kind = kindFor(m);
    if (kind.isEmpty()) {
      throw new DomainException(NOTHING_TO_SIGN, Map.of("state", m.state().name(), "what", "sign"));
    }
    if (!actor.isContact()) {
      throw new DomainException(
          ContractErrors.NOT_A_SIGNER, Map.of("who", "a client contact of the project"));
    }
    String hash = hash(m, kind);
    if (!signatures.hasViewed(m.id(), hash, actor.label())) {
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
    if (kind.equals(ACCEPTANCE)) {
      milestones.decideAsClient(actor, milestoneId, MilestoneAction.ACCEPT);
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("role", "CLIENT");
    details.put("typedName", name);
    details.put("ip", from.ip());
    details.put("userAgent", from.userAgent());
    details.put("milestone", m.id().toString());
    events.publishEvent(
        new AgreementEvent(
            actor.workspaceId(),
            m.projectId(),
            kind.equals(ACCEPTANCE) ? "milestone.acceptance-signed" : "project.signed-off",
            actor.label(),
            m.id(),
            hash,
            details));
    return new Decision(
        milestones.milestone(actor, milestoneId), kind, hash, signatures.of(List.of(m.id())));
  }

  /** The client asks for changes to submitted work, with a comment. */
  @Transactional
  public MilestoneView requestChanges(Actor actor, UUID milestoneId, String comment) {
    MilestoneView m = milestones.milestone(actor, milestoneId);
    String text = io.tranche.core.error.Validation.text("comment", comment, 5000);
    if (m.state() != MilestoneState.SUBMITTED) {
      throw new DomainException(
          NOTHING_TO_SIGN, Map.of("state", m.state().name(), "what", "ask changes for"));
    }
    MilestoneView next =
        milestones.decideAsClient(actor, milestoneId, MilestoneAction.REQUEST_CHANGES);
    events.publishEvent(
        new AgreementEvent(
            actor.workspaceId(),
            m.projectId(),
            "milestone.changes-requested",
            actor.label(),
            m.id(),
            hash(m, ACCEPTANCE),
            Map.of("milestone", m.id().toString(), "comment", text)));
    return next;
  }

  private static String kindFor(MilestoneView m) {
    if (m.state() == MilestoneState.SUBMITTED) {
      return ACCEPTANCE;
    }
    if (m.state() == MilestoneState.RELEASED && m.trigger() == PaymentTrigger.FINAL_DEMO) {
      return SIGNOFF;
    }
    return "";
  }

  /** The document a decision signs: the milestone's identity, scope of payment and state. */
  static String hash(MilestoneView m, String kind) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("kind", kind);
    doc.put("project", m.projectId().toString());
    doc.put("milestone", m.id().toString());
    doc.put("name", m.name());
    doc.put("amountMinor", m.amount().amountMinor());
    doc.put("currency", m.amount().currency());
    doc.put("state", m.state().name());
    return EvidenceChain.sha256(CanonicalJson.write(doc));
  }
}
