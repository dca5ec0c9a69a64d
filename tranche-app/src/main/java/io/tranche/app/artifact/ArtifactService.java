package io.tranche.app.artifact;

import io.tranche.app.artifact.internal.ArtifactRepository;
import io.tranche.app.artifact.internal.ArtifactRepository.Release;
import io.tranche.app.artifact.internal.ArtifactRepository.StoredArtifact;
import io.tranche.app.contract.SignedContracts;
import io.tranche.app.platform.Actor;
import io.tranche.app.platform.Errors;
import io.tranche.app.project.MilestoneService;
import io.tranche.app.project.ProjectService;
import io.tranche.app.signing.SigningKeys;
import io.tranche.core.error.DomainException;
import io.tranche.vault.Receipts;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sealed deliverables of milestones as people see them: a milestone's or project's artifacts (a
 * client only those with a delivery receipt), one artifact, its receipt and the vendor's public
 * key. Uploads are {@link ArtifactUploads}'s, receipts {@link DeliveryReceipts}'s, keys and
 * downloads {@link ArtifactDownloads}'s; before release nobody outside the vendor's workspace gets
 * the plaintext or the data key.
 */
@Service
public class ArtifactService {
  private static final Logger log = LoggerFactory.getLogger(ArtifactService.class);

  /** What a download token opens. */
  public enum Kind {
    CIPHERTEXT,
    PLAINTEXT
  }

  /** A short-lived download link. */
  public record DownloadLink(String url, Kind kind, Instant expiresAt) {}

  /** A download about to be served: what it is and how to write any range of it. */
  public record Servable(String fileName, String contentType, long size, RangeWriter writer) {
    /** Writes {@code length} bytes from {@code from} on. */
    public void write(long from, long length, OutputStream out) throws IOException {
      writer.write(from, length, out);
    }
  }

  /** Writes a range of a download. */
  @FunctionalInterface
  public interface RangeWriter {
    void write(long from, long length, OutputStream out) throws IOException;
  }

  private final ArtifactRepository artifacts;
  private final MilestoneService milestones;
  private final ProjectService projects;
  private final SignedContracts contracts;
  private final SigningKeys signingKeys;
  private final ArtifactUploads uploads;

  ArtifactService(
      ArtifactRepository artifacts,
      MilestoneService milestones,
      ProjectService projects,
      SignedContracts contracts,
      SigningKeys signingKeys,
      ArtifactUploads uploads) {
    this.artifacts = artifacts;
    this.milestones = milestones;
    this.projects = projects;
    this.contracts = contracts;
    this.signingKeys = signingKeys;
    this.uploads = uploads;
  }

  /**
   * Seals an upload into a new artifact of a milestone (members, while the milestone is in progress
   * or changes are requested); see {@link ArtifactUploads#upload}.
   */
  public ArtifactView upload(
      Actor actor,
      UUID milestoneId,
      @Nullable String name,
      @Nullable String contentType,
      InputStream body) {
    return artifact(actor, uploads.upload(actor, milestoneId, name, contentType, body));
  }

  /** A milestone's artifacts; a client contact sees only those with a delivery receipt. */
  @Transactional(readOnly = true)
  public List<ArtifactView> artifacts(Actor actor, UUID milestoneId) {
    UUID projectId = milestones.milestone(actor, milestoneId).projectId();
    Optional<Release> release = artifacts.release(actor.workspaceId(), milestoneId);
    BooleanSupplier early = earlyDownloadOnce(actor.workspaceId(), projectId);
    return artifacts.ofMilestone(actor.workspaceId(), milestoneId).stream()
        .filter(a -> actor.isMember() || a.receiptJws() != null)
        .map(a -> view(a, release, early))
        .toList();
  }

  /** A project's artifacts (as {@link #artifacts}). */
  @Transactional(readOnly = true)
  public List<ArtifactView> ofProject(Actor actor, UUID projectId) {
    projects.requireVisible(actor, projectId);
    BooleanSupplier early = earlyDownloadOnce(actor.workspaceId(), projectId);
    Map<UUID, Release> releases = artifacts.releasesOfProject(actor.workspaceId(), projectId);
    return artifacts.ofProject(actor.workspaceId(), projectId).stream()
        .filter(a -> actor.isMember() || a.receiptJws() != null)
        .map(a -> view(a, Optional.ofNullable(releases.get(a.milestoneId())), early))
        .toList();
  }

  /**
   * The milestones of a project that have a sealed file the actor may see: what a page needs to
   * know of a project's files without reading them (a client sees those with a receipt).
   */
  @Transactional(readOnly = true)
  public java.util.Set<UUID> milestonesWithFiles(Actor actor, UUID projectId) {
    projects.requireVisible(actor, projectId);
    return artifacts.milestonesWithFiles(actor.workspaceId(), projectId, !actor.isMember());
  }

  /**
   * The names of a project's sealed files not yet released, by milestone, oldest first: what paying
   * each milestone's invoice unlocks (a client sees the files with a receipt).
   */
  @Transactional(readOnly = true)
  public Map<UUID, List<String>> sealedNames(Actor actor, UUID projectId) {
    projects.requireVisible(actor, projectId);
    return artifacts.unreleasedNames(actor.workspaceId(), projectId, !actor.isMember());
  }

  @Transactional(readOnly = true)
  public ArtifactView artifact(Actor actor, UUID id) {
    StoredArtifact a = load(actor, id);
    return view(a, release(a), earlyDownloadOnce(a.workspaceId(), a.projectId()));
  }

  /** The delivery receipt (JWS compact form). */
  @Transactional(readOnly = true)
  public String receipt(Actor actor, UUID id) {
    StoredArtifact a = load(actor, id);
    if (a.receiptJws() == null) {
      throw new DomainException(ArtifactErrors.NO_RECEIPT, Map.of());
    }
    return a.receiptJws();
  }

  /** The workspace's public signing key as a JWK, for verifying receipts. */
  @Transactional(readOnly = true)
  public String signingKeyJwk(Actor actor) {
    return Receipts.toJwk(signingKeys.publicKey(actor.workspaceId()));
  }

  Optional<Release> release(StoredArtifact a) {
    return artifacts.release(a.workspaceId(), a.milestoneId());
  }

  void requireMay(boolean member, Kind kind, StoredArtifact a) {
    if (member) {
      return;
    }
    if (a.receiptJws() == null) {
      throw Errors.notFound("artifact", a.id());
    }
    boolean released = release(a).isPresent();
    if (kind == Kind.PLAINTEXT && !released) {
      throw new DomainException(ArtifactErrors.NOT_RELEASED, Map.of());
    }
    if (kind == Kind.CIPHERTEXT && !released && !earlyDownload(a.workspaceId(), a.projectId())) {
      throw new DomainException(ArtifactErrors.NO_EARLY_DOWNLOAD, Map.of());
    }
  }

  private boolean earlyDownload(UUID workspaceId, UUID projectId) {
    return contracts
        .signedContract(workspaceId, projectId)
        .map(SignedContracts.SignedContract::earlyCiphertextDownload)
        .orElse(true);
  }

  StoredArtifact load(Actor actor, UUID id) {
    StoredArtifact a =
        artifacts
            .find(actor.workspaceId(), id)
            .orElseThrow(Errors.notFoundSupplier("artifact", id));
    try {
      projects.requireVisible(actor, a.projectId());
    } catch (DomainException e) {
      throw Errors.notFound("artifact", id);
    }
    if (!actor.isMember() && a.receiptJws() == null) {
      throw Errors.notFound("artifact", id);
    }
    return a;
  }

  /**
   * Whether the project's signed contract lets the client download sealed files before release,
   * asked at most once however many artifacts are shown (it reads and parses the contract).
   */
  private BooleanSupplier earlyDownloadOnce(UUID workspaceId, UUID projectId) {
    return new BooleanSupplier() {
      private @Nullable Boolean answer;

      @Override
      public boolean getAsBoolean() {
        if (answer == null) {
          answer = earlyDownload(workspaceId, projectId);
        }
        return answer;
      }
    };
  }

  private ArtifactView view(
      StoredArtifact a, Optional<Release> release, BooleanSupplier earlyDownload) {
    return new ArtifactView(
        a.id(),
        a.projectId(),
        a.milestoneId(),
        a.name(),
        a.mediaType(),
        a.plaintextSize(),
        a.plaintextSha256(),
        a.ciphertextSize(),
        a.ciphertextSha256(),
        a.keyCommitment(),
        a.createdAt(),
        a.receiptAt(),
        release.isPresent(),
        release.map(Release::releasedAt).orElse(null),
        release.map(Release::reason).orElse(null),
        release.map(Release::reversal).orElse(null),
        release.map(Release::reversedAfterAt).orElse(null),
        release.isPresent() || earlyDownload.getAsBoolean());
  }
}
