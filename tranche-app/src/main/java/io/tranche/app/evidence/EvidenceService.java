package io.tranche.app.evidence;

import io.tranche.app.evidence.internal.EvidenceRepository;
import io.tranche.app.platform.Access;
import io.tranche.app.platform.Actor;
import io.tranche.app.platform.PageOf;
import io.tranche.app.platform.Paging;
import io.tranche.app.signing.SigningKeys;
import io.tranche.core.evidence.Checkpoint;
import io.tranche.core.evidence.EvidenceChain;
import io.tranche.core.evidence.EvidenceEntry;
import io.tranche.core.evidence.EvidenceVerifier;
import io.tranche.core.evidence.Verification;
import io.tranche.core.workspace.WorkspaceId;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The workspace's evidence log: appends (in the caller's transaction, so evidence and the action it
 * records commit together or not at all), signed checkpoints, verification and reading.
 */
@Service
public class EvidenceService {
  /** The actor label of automatic steps. */
  public static final String SYSTEM = "system";

  private final EvidenceRepository repository;
  private final SigningKeys keys;
  private final Clock clock;

  EvidenceService(EvidenceRepository repository, SigningKeys keys, Clock clock) {
    this.repository = repository;
    this.keys = keys;
    this.clock = clock;
  }

  /**
   * Appends an entry; concurrent appends to one workspace wait on its chain head, so sequence
   * numbers have no gaps and the chain has no forks.
   */
  @Transactional(propagation = Propagation.REQUIRED)
  public EvidenceEntry append(
      UUID workspaceId,
      String actor,
      @Nullable UUID projectId,
      String type,
      Map<String, ?> payload) {
    EvidenceChain.Head head = repository.lockHead(workspaceId).orElse(null);
    EvidenceEntry entry =
        EvidenceChain.append(
            new WorkspaceId(workspaceId), head, clock.instant(), actor, projectId, type, payload);
    repository.append(entry);
    return entry;
  }

  /** Signs the current head of a workspace's log (unless it is already signed). */
  @Transactional
  public Optional<Checkpoint> checkpoint(UUID workspaceId) {
    Optional<EvidenceChain.Head> head = repository.lockHead(workspaceId);
    if (head.isEmpty()
        || repository.lastCheckpoint(workspaceId).orElse(0L) >= head.get().sequence()) {
      return head.isEmpty()
          ? Optional.empty()
          : repository.checkpoints(workspaceId).stream()
              .filter(c -> c.sequence() == head.get().sequence())
              .findFirst();
    }
    Checkpoint checkpoint =
        Checkpoint.sign(
            new WorkspaceId(workspaceId),
            head.get(),
            clock.instant(),
            keys.privateKey(workspaceId));
    repository.insert(checkpoint);
    return Optional.of(checkpoint);
  }

  /** On demand, for a member: signs the head of the caller's workspace log. */
  @Transactional
  public Optional<Checkpoint> checkpoint(Actor actor) {
    return checkpoint(Access.member(actor).workspaceId());
  }

  /** Walks the caller's workspace log and its checkpoints. */
  @Transactional(readOnly = true)
  public Verification verify(Actor actor) {
    return verify(Access.member(actor).workspaceId());
  }

  @Transactional(readOnly = true)
  public Verification verify(UUID workspaceId) {
    try (Stream<EvidenceEntry> entries = repository.stream(workspaceId)) {
      return EvidenceVerifier.verify(
          entries.iterator(), repository.checkpoints(workspaceId), keys.publicKey(workspaceId));
    }
  }

  /**
   * A project's entries of the given types, oldest first (a system read: what a demand letter says
   * was delivered, viewed and accepted).
   */
  @Transactional(readOnly = true)
  public List<EvidenceEntry> ofProject(
      UUID workspaceId, UUID projectId, java.util.Collection<String> types, int max) {
    return repository.ofTypes(workspaceId, projectId, types, max);
  }

  /** The newest entries of the caller's workspace, optionally of one project. */
  @Transactional(readOnly = true)
  public PageOf<EvidenceEntry> entries(Actor actor, @Nullable UUID projectId, Paging paging) {
    UUID workspace = Access.member(actor).workspaceId();
    return new PageOf<>(
        repository.page(workspace, projectId, paging),
        paging.page(),
        paging.size(),
        repository.count(workspace, projectId));
  }
}
