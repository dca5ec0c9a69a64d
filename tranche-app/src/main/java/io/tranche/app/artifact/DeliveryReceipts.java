package io.tranche.app.artifact;

import io.tranche.app.artifact.internal.ArtifactRepository;
import io.tranche.app.artifact.internal.ArtifactRepository.StoredArtifact;
import io.tranche.app.artifact.internal.ClientMail;
import io.tranche.app.contract.SignedContracts;
import io.tranche.app.platform.Secrets;
import io.tranche.app.project.MilestoneService;
import io.tranche.app.signing.SigningKeys;
import io.tranche.core.milestone.Milestone;
import io.tranche.vault.DeliveryReceipt;
import io.tranche.vault.Receipts;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Delivery receipts: when a milestone is submitted, each of its sealed artifacts gets a JWS signed
 * with the workspace's key that states sizes, digests, the key commitment and the contract's hash,
 * and the client is told.
 */
@Service
public class DeliveryReceipts {
  private final ArtifactRepository artifacts;
  private final MilestoneService milestones;
  private final SignedContracts contracts;
  private final SigningKeys signingKeys;
  private final ClientMail mail;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  DeliveryReceipts(
      ArtifactRepository artifacts,
      MilestoneService milestones,
      SignedContracts contracts,
      SigningKeys signingKeys,
      ClientMail mail,
      ApplicationEventPublisher events,
      Clock clock) {
    this.artifacts = artifacts;
    this.milestones = milestones;
    this.contracts = contracts;
    this.signingKeys = signingKeys;
    this.mail = mail;
    this.events = events;
    this.clock = clock;
  }

  /**
   * Issues the delivery receipts of a submitted milestone's artifacts that have none yet, signed
   * with the workspace's key, and tells the client (a system step inside the submission).
   */
  @Transactional
  public int issueReceipts(UUID workspaceId, UUID projectId, UUID milestoneId) {
    Optional<String> contract =
        contracts
            .signedContract(workspaceId, projectId)
            .map(SignedContracts.SignedContract::documentHash);
    String kid = SigningKeys.fingerprint(signingKeys.publicKey(workspaceId)).replace(" ", "");
    int issued = 0;
    Instant now = clock.instant();
    for (StoredArtifact a : artifacts.ofMilestone(workspaceId, milestoneId)) {
      if (a.receiptJws() != null) {
        continue;
      }
      DeliveryReceipt receipt =
          new DeliveryReceipt(
              workspaceId.toString(),
              projectId.toString(),
              milestoneId.toString(),
              a.id().toString(),
              a.name(),
              a.mediaType(),
              a.plaintextSize(),
              a.plaintextSha256(),
              a.ciphertextSize(),
              a.ciphertextSha256(),
              a.keyCommitment(),
              contract.orElse(null),
              now.toString());
      String jws = Receipts.sign(receipt, signingKeys.privateKey(workspaceId), kid);
      if (artifacts.setReceipt(workspaceId, a.id(), jws, now)) {
        issued++;
        events.publishEvent(
            new ArtifactEvent.ReceiptIssued(
                workspaceId, projectId, a.id(), milestoneId, Secrets.hash(jws)));
      }
    }
    if (issued > 0) {
      String name =
          milestones.find(workspaceId, milestoneId).map(Milestone::name).orElse("a milestone");
      mail.tellWithDeliverables(
          workspaceId, projectId, "delivered", Map.of("milestone", name, "count", issued));
    }
    return issued;
  }
}
