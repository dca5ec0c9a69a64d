package io.tranche.app.artifact;

import io.tranche.app.artifact.internal.ArtifactRepository;
import io.tranche.app.artifact.internal.ArtifactRepository.Release;
import io.tranche.app.artifact.internal.ArtifactRepository.StoredArtifact;
import io.tranche.app.artifact.internal.BlobChannel;
import io.tranche.app.contract.SignedContracts;
import io.tranche.app.mail.MailService;
import io.tranche.app.mail.OutgoingMail;
import io.tranche.app.platform.Access;
import io.tranche.app.platform.Actor;
import io.tranche.app.platform.BaseUrl;
import io.tranche.app.platform.Errors;
import io.tranche.app.platform.KeyRing;
import io.tranche.app.platform.Secrets;
import io.tranche.app.platform.TokenScope;
import io.tranche.app.project.MilestoneService;
import io.tranche.app.project.MilestoneView;
import io.tranche.app.project.ProjectService;
import io.tranche.app.signing.SigningKeys;
import io.tranche.app.storage.BlobStore;
import io.tranche.app.storage.BlobTooLargeException;
import io.tranche.app.storage.BlobWriter;
import io.tranche.app.workspace.ClientService;
import io.tranche.app.workspace.WorkspaceService;
import io.tranche.core.error.DomainException;
import io.tranche.core.message.Attachments;
import io.tranche.core.milestone.Milestone;
import io.tranche.core.milestone.MilestoneState;
import io.tranche.vault.DataKey;
import io.tranche.vault.DeliveryReceipt;
import io.tranche.vault.Receipts;
import io.tranche.vault.Sealing;
import jakarta.annotation.PreDestroy;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sealed deliverables of milestones. An upload is sealed while it streams (a fresh data key per
 * artifact, wrapped by the key-encryption key) into a blob that stays invisible until committed;
 * its row is written first, so an upload cut off by a crash is found and removed by the sweeper.
 * Receipts are issued when the milestone is submitted. Before release, nobody outside the vendor's
 * workspace gets the plaintext or the data key; downloads go through short-lived tokens that
 * re-check the release state on every use.
 */
@Service
public class ArtifactService {
  private static final Logger log = LoggerFactory.getLogger(ArtifactService.class);
  private static final Set<MilestoneState> OPEN_FOR_UPLOAD =
      Set.of(MilestoneState.IN_PROGRESS, MilestoneState.CHANGES_REQUESTED);
  private static final Pattern MEDIA_TYPE =
      Pattern.compile("[a-z0-9][a-z0-9!#$&^_.+-]{0,126}/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}");

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
  private final WorkspaceService workspaces;
  private final ClientService clients;
  private final SignedContracts contracts;
  private final SigningKeys signingKeys;
  private final KeyRing keyRing;
  private final BlobStore blobs;
  private final MailService mail;
  private final BaseUrl baseUrl;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final TransactionTemplate separately;
  private final long maxBytes;
  private final Duration tokenTtl;
  private final Duration heartbeat;
  private final ScheduledExecutorService heartbeats =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "upload-heartbeat");
            t.setDaemon(true);
            return t;
          });

  ArtifactService(
      ArtifactRepository artifacts,
      MilestoneService milestones,
      ProjectService projects,
      WorkspaceService workspaces,
      ClientService clients,
      SignedContracts contracts,
      SigningKeys signingKeys,
      KeyRing keyRing,
      BlobStore blobs,
      MailService mail,
      BaseUrl baseUrl,
      ApplicationEventPublisher events,
      Clock clock,
      PlatformTransactionManager transactions,
      @Value("${tranche.artifacts.max-bytes}") long maxBytes,
      @Value("${tranche.downloads.token-ttl}") Duration tokenTtl,
      @Value("${tranche.artifacts.heartbeat-interval}") Duration heartbeat) {
    this.artifacts = artifacts;
    this.milestones = milestones;
    this.projects = projects;
    this.workspaces = workspaces;
    this.clients = clients;
    this.contracts = contracts;
    this.signingKeys = signingKeys;
    this.keyRing = keyRing;
    this.blobs = blobs;
    this.mail = mail;
    this.baseUrl = baseUrl;
    this.events = events;
    this.clock = clock;
    this.separately = new TransactionTemplate(transactions);
    this.maxBytes = maxBytes;
    this.tokenTtl = tokenTtl;
    this.heartbeat = heartbeat;
  }

  /**
   * Seals an upload into a new artifact of a milestone (members, while the milestone is in progress
   * or changes are requested). Not one transaction: the row naming the blob commits first, the
   * bytes stream without holding a database connection, and the artifact becomes visible in a last
   * short transaction — or everything is removed on failure.
   */
  public ArtifactView upload(
      Actor actor,
      UUID milestoneId,
      @Nullable String name,
      @Nullable String contentType,
      InputStream body) {
    Access.member(actor);
    MilestoneView milestone = milestones.milestone(actor, milestoneId);
    requireOpenForUpload(milestone.state(), milestone.disputed());
    Pending upload =
        new Pending(
            UUID.randomUUID(),
            actor,
            milestone.projectId(),
            milestoneId,
            fileName(name),
            mediaType(contentType));
    UUID id = upload.id();
    DataKey key = DataKey.generate();
    String wrapped = keyRing.wrap(key.keyset(), DataKey.context(id.toString()));
    try (BlobWriter writer = blobs.create()) {
      separately.executeWithoutResult(
          s ->
              artifacts.insertSealing(
                  id,
                  actor.workspaceId(),
                  milestone.projectId(),
                  milestoneId,
                  upload.fileName(),
                  upload.mediaType(),
                  writer.key(),
                  wrapped,
                  key.commitment(),
                  actor.label(),
                  clock.instant()));
      boolean visible = false;
      ScheduledFuture<?> beat =
          heartbeats.scheduleAtFixedRate(
              () -> beat(id), heartbeat.toMillis(), heartbeat.toMillis(), TimeUnit.MILLISECONDS);
      try {
        Sealing.Digests digests;
        try (OutputStream out = writer.stream()) {
          digests = Sealing.seal(key, id.toString(), limited(body), out);
        }
        if (digests.plaintextSize() == 0) {
          throw new DomainException(ArtifactErrors.EMPTY, Map.of());
        }
        writer.commit();
        visible = Boolean.TRUE.equals(separately.execute(s -> makeVisible(upload, key, digests)));
        if (!visible) {
          throw new IllegalStateException("the upload was swept while it was sealing");
        }
      } catch (BlobTooLargeException e) {
        throw new DomainException(ArtifactErrors.TOO_LARGE, Map.of("maxBytes", maxBytes));
      } catch (UploadCutOff e) {
        log.warn(
            "upload {} to milestone {} interrupted: {}", id, milestoneId, e.getCause().toString());
        throw new DomainException(ArtifactErrors.INTERRUPTED, Map.of());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot store upload " + id, e);
      } finally {
        beat.cancel(false);
        if (!visible) {
          discard(id, writer.key());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return view(artifacts.find(id).orElseThrow(), release(milestoneId));
  }

  /**
   * Tells the sweeper an upload is alive, on a timer rather than per read, so an upload whose
   * storage is slow (and which therefore reads slowly) is not taken for a dead one.
   */
  private void beat(UUID id) {
    try {
      separately.executeWithoutResult(s -> artifacts.heartbeat(id, clock.instant()));
    } catch (RuntimeException e) {
      log.warn("heartbeat of upload {} failed: {}", id, e.toString());
    }
  }

  @PreDestroy
  void stopHeartbeats() {
    heartbeats.shutdownNow();
  }

  /** An upload under way: what its row and its evidence need. */
  private record Pending(
      UUID id, Actor actor, UUID projectId, UUID milestoneId, String fileName, String mediaType) {}

  private static void requireOpenForUpload(MilestoneState state, boolean disputed) {
    if (!OPEN_FOR_UPLOAD.contains(state) || disputed) {
      throw new DomainException(
          ArtifactErrors.NOT_OPEN_FOR_UPLOAD,
          Map.of("state", state.name() + (disputed ? ", disputed" : "")));
    }
  }

  /**
   * The last step of an upload, in its own transaction: under a lock on the milestone (so a
   * submission cannot slip in between), the row becomes SEALED and the sealing is evidence. An
   * upload whose milestone was submitted or disputed meanwhile is refused: it would sit in a
   * delivered milestone without a receipt. False when the sweeper took the row.
   */
  private boolean makeVisible(Pending upload, DataKey key, Sealing.Digests digests) {
    Milestone now = milestones.lock(upload.milestoneId()).orElseThrow();
    requireOpenForUpload(now.state(), now.disputed());
    if (!artifacts.markSealed(
        upload.id(),
        digests.plaintextSize(),
        digests.plaintextSha256(),
        digests.ciphertextSize(),
        digests.ciphertextSha256(),
        clock.instant())) {
      return false;
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("artifact", upload.id().toString());
    details.put("milestone", upload.milestoneId().toString());
    details.put("name", upload.fileName());
    details.put("mediaType", upload.mediaType());
    details.put("plaintextSize", digests.plaintextSize());
    details.put("plaintextSha256", digests.plaintextSha256());
    details.put("ciphertextSize", digests.ciphertextSize());
    details.put("ciphertextSha256", digests.ciphertextSha256());
    details.put("keyCommitment", key.commitment());
    events.publishEvent(
        new ArtifactEvent(
            upload.actor().workspaceId(),
            upload.projectId(),
            "artifact.sealed",
            upload.actor().label(),
            details));
    return true;
  }

  /** A milestone's artifacts; a client contact sees only those with a delivery receipt. */
  @Transactional(readOnly = true)
  public List<ArtifactView> artifacts(Actor actor, UUID milestoneId) {
    milestones.milestone(actor, milestoneId);
    Optional<Release> release = release(milestoneId);
    return artifacts.ofMilestone(milestoneId).stream()
        .filter(a -> actor.isMember() || a.receiptJws() != null)
        .map(a -> view(a, release))
        .toList();
  }

  /** A project's artifacts (as {@link #artifacts}). */
  @Transactional(readOnly = true)
  public List<ArtifactView> ofProject(Actor actor, UUID projectId) {
    projects.requireVisible(actor, projectId);
    return artifacts.ofProject(projectId).stream()
        .filter(a -> actor.isMember() || a.receiptJws() != null)
        .map(a -> view(a, release(a.milestoneId())))
        .toList();
  }

  @Transactional(readOnly = true)
  public ArtifactView artifact(Actor actor, UUID id) {
    StoredArtifact a = load(actor, id);
    return view(a, release(a.milestoneId()));
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

  /**
   * The data key (base64 of the keyset): for members always, for the client once released. The
   * hand-over to a client is evidence.
   */
  @Transactional
  public String dataKey(Actor actor, UUID id) {
    StoredArtifact a = load(actor, id);
    if (!actor.isMember() && release(a.milestoneId()).isEmpty()) {
      throw new DomainException(ArtifactErrors.NOT_RELEASED, Map.of());
    }
    if (actor.isMember()) {
      TokenScope.require(TokenScope.FULL, "reading a data key");
    }
    events.publishEvent(
        new ArtifactEvent(
            a.workspaceId(),
            a.projectId(),
            actor.isMember() ? "artifact.key-read" : "artifact.key-handed-over",
            actor.label(),
            Map.of("artifact", a.id().toString(), "keyCommitment", a.keyCommitment())));
    return Base64.getEncoder().encodeToString(unwrap(a).keyset());
  }

  /** A short-lived link to download the ciphertext or the plaintext, if the caller may now. */
  @Transactional
  public DownloadLink download(Actor actor, UUID id, @Nullable String kind) {
    StoredArtifact a = load(actor, id);
    Kind k = kind(kind);
    requireMay(actor.isMember(), k, a);
    if (k == Kind.PLAINTEXT) {
      if (actor.isMember()) {
        TokenScope.require(TokenScope.FULL, "reading the plaintext of a sealed artifact");
      }
      events.publishEvent(
          new ArtifactEvent(
              a.workspaceId(),
              a.projectId(),
              actor.isMember() ? "artifact.plaintext-read" : "artifact.plaintext-link",
              actor.label(),
              Map.of("artifact", a.id().toString(), "plaintextSha256", a.plaintextSha256())));
    }
    String token = Secrets.newSecret("dl_");
    Instant expires = clock.instant().plus(tokenTtl);
    artifacts.insertToken(
        Secrets.hash(token), a.id(), a.workspaceId(), k.name(), actor.label(), expires);
    return new DownloadLink(baseUrl.get() + "/downloads/" + token, k, expires);
  }

  /**
   * What a download token opens, re-checked now against the release state: an expired or unknown
   * token, or one whose permission has gone (e.g. a refund before release), opens nothing.
   */
  @Transactional(readOnly = true)
  public Servable serve(String token) {
    ArtifactRepository.Token t =
        artifacts
            .token(Secrets.hash(token))
            .filter(x -> x.expiresAt().isAfter(clock.instant()))
            .orElseThrow(() -> new DomainException(ArtifactErrors.TOKEN_EXPIRED, Map.of()));
    // the person the link was made for must still be who they were: a removed member or a
    // contact taken off the project opens nothing
    Actor holder =
        holder(t.actor())
            .filter(x -> x.workspaceId().equals(t.workspaceId()))
            .orElseThrow(() -> new DomainException(ArtifactErrors.TOKEN_EXPIRED, Map.of()));
    StoredArtifact a;
    try {
      a = load(holder, t.artifactId());
    } catch (DomainException e) {
      throw new DomainException(ArtifactErrors.TOKEN_EXPIRED, Map.of());
    }
    Kind kind = Kind.valueOf(t.kind());
    requireMay(holder.isMember(), kind, a);
    if (kind == Kind.CIPHERTEXT) {
      return new Servable(
          a.name() + ".sealed",
          "application/octet-stream",
          a.ciphertextSize(),
          (from, length, out) -> {
            try (InputStream in = blobs.open(a.blobKey(), from)) {
              copy(in, out, length);
            }
          });
    }
    DataKey key = unwrap(a);
    String artifactId = a.id().toString();
    return new Servable(
        a.name(),
        a.mediaType(),
        a.plaintextSize(),
        (from, length, out) -> {
          if (from == 0 && length == a.plaintextSize()) {
            try (InputStream in = blobs.open(a.blobKey())) {
              Sealing.open(key, artifactId, in, out);
            }
            return;
          }
          try (SeekableByteChannel plain =
              Sealing.openSeekable(
                  key, artifactId, new BlobChannel(blobs, a.blobKey(), a.ciphertextSize()))) {
            plain.position(from);
            ByteBuffer buffer = ByteBuffer.allocate(256 * 1024);
            long left = length;
            while (left > 0) {
              buffer.clear().limit((int) Math.min(buffer.capacity(), left));
              int n = plain.read(buffer);
              if (n < 0) {
                throw new IOException("the ciphertext ended early");
              }
              out.write(buffer.array(), 0, n);
              left -= n;
            }
          }
        });
  }

  /** Removes an artifact that has no receipt yet (members), e.g. a wrong upload. */
  @Transactional
  public void delete(Actor actor, UUID id) {
    Access.member(actor);
    StoredArtifact a = load(actor, id);
    if (a.receiptJws() != null || !artifacts.deleteUnreceipted(a.id())) {
      throw new DomainException(ArtifactErrors.HAS_RECEIPT, Map.of());
    }
    events.publishEvent(
        new ArtifactEvent(
            a.workspaceId(),
            a.projectId(),
            "artifact.deleted",
            actor.label(),
            Map.of("artifact", a.id().toString(), "name", a.name())));
    try {
      blobs.delete(a.blobKey());
    } catch (IOException e) {
      log.warn(
          "artifact {} deleted, its blob stays until the next sweep: {}", a.id(), e.toString());
    }
  }

  /**
   * Issues the delivery receipts of a submitted milestone's artifacts that have none yet, signed
   * with the workspace's key, and tells the client (a system step inside the submission).
   */
  @Transactional
  public int issueReceipts(UUID workspaceId, UUID projectId, UUID milestoneId) {
    Optional<String> contract =
        contracts.signedContract(projectId).map(SignedContracts.SignedContract::documentHash);
    String kid = SigningKeys.fingerprint(signingKeys.publicKey(workspaceId)).replace(" ", "");
    int issued = 0;
    Instant now = clock.instant();
    for (StoredArtifact a : artifacts.ofMilestone(milestoneId)) {
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
      if (artifacts.setReceipt(a.id(), jws, now)) {
        issued++;
        events.publishEvent(
            new ArtifactEvent(
                workspaceId,
                projectId,
                "artifact.receipt-issued",
                "system",
                Map.of(
                    "artifact", a.id().toString(),
                    "milestone", milestoneId.toString(),
                    "receiptSha256", Secrets.hash(jws))));
      }
    }
    if (issued > 0) {
      String name = milestones.find(milestoneId).map(Milestone::name).orElse("a milestone");
      tell(
          workspaceId,
          projectId,
          "Delivered: " + name,
          issued
              + " sealed deliverable(s) of "
              + name
              + " are ready, each with a signed delivery receipt that states what the key will"
              + " open. Check them before you pay: "
              + baseUrl.portal(workspaceId, "/portal/projects/" + projectId + "/deliverables"));
    }
    return issued;
  }

  /** Mails the project's contacts, ending the text with the link to their deliverables. */
  void tellWithDeliverables(UUID workspaceId, UUID projectId, String subject, String text) {
    tell(
        workspaceId,
        projectId,
        subject,
        text + baseUrl.portal(workspaceId, "/portal/projects/" + projectId + "/deliverables"));
  }

  /** Mails the project's contacts. */
  void tell(UUID workspaceId, UUID projectId, String subject, String body) {
    for (String to : projects.contactEmails(projectId)) {
      mail.enqueue(new OutgoingMail(workspaceId, to, subject, body));
    }
  }

  Optional<Release> release(UUID milestoneId) {
    return artifacts.release(milestoneId);
  }

  /** Removes an upload's row and blob (a failed or abandoned upload). */
  void discard(UUID id, String blobKey) {
    try {
      blobs.delete(blobKey);
    } catch (IOException | RuntimeException e) {
      log.warn("could not remove the blob of abandoned upload {}: {}", id, e.toString());
    }
    separately.executeWithoutResult(s -> artifacts.delete(id));
  }

  private Optional<Actor> holder(String label) {
    int colon = label.indexOf(':');
    if (colon < 0) {
      return Optional.empty();
    }
    UUID id;
    try {
      id = UUID.fromString(label.substring(colon + 1));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    return switch (label.substring(0, colon)) {
      case "member" -> workspaces.memberActor(id);
      case "contact" -> clients.contactActor(id);
      default -> Optional.empty();
    };
  }

  private void requireMay(boolean member, Kind kind, StoredArtifact a) {
    if (member) {
      return;
    }
    if (a.receiptJws() == null) {
      throw Errors.notFound("artifact", a.id());
    }
    boolean released = release(a.milestoneId()).isPresent();
    if (kind == Kind.PLAINTEXT && !released) {
      throw new DomainException(ArtifactErrors.NOT_RELEASED, Map.of());
    }
    if (kind == Kind.CIPHERTEXT && !released && !earlyDownload(a.projectId())) {
      throw new DomainException(ArtifactErrors.NO_EARLY_DOWNLOAD, Map.of());
    }
  }

  private boolean earlyDownload(UUID projectId) {
    return contracts
        .signedContract(projectId)
        .map(SignedContracts.SignedContract::earlyCiphertextDownload)
        .orElse(true);
  }

  private StoredArtifact load(Actor actor, UUID id) {
    StoredArtifact a = artifacts.find(id).orElseThrow(Errors.notFoundSupplier("artifact", id));
    if (!a.workspaceId().equals(actor.workspaceId())) {
      throw Errors.notFound("artifact", id);
    }
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

  private DataKey unwrap(StoredArtifact a) {
    return DataKey.of(keyRing.unwrap(a.wrappedKey(), DataKey.context(a.id().toString())));
  }

  private ArtifactView view(StoredArtifact a, Optional<Release> release) {
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
        release.isPresent() || earlyDownload(a.projectId()));
  }

  /** The upload's bytes, refused beyond the size limit; a read failure is a cut-off upload. */
  private InputStream limited(InputStream body) {
    return new FilterInputStream(body) {
      private long count;

      @Override
      public int read() throws IOException {
        int b;
        try {
          b = super.read();
        } catch (IOException e) {
          throw new UploadCutOff(e);
        }
        if (b >= 0 && ++count > maxBytes) {
          throw new BlobTooLargeException(maxBytes);
        }
        return b;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        int n;
        try {
          n = super.read(b, off, len);
        } catch (IOException e) {
          throw new UploadCutOff(e);
        }
        if (n > 0) {
          count += n;
          if (count > maxBytes) {
            throw new BlobTooLargeException(maxBytes);
          }
        }
        return n;
      }
    };
  }

  /** Reading the upload's body failed: the client went away. */
  private static final class UploadCutOff extends IOException {
    UploadCutOff(IOException cause) {
      super(cause.getMessage(), cause);
    }
  }

  private static Kind kind(@Nullable String kind) {
    if (kind == null) {
      return Kind.CIPHERTEXT;
    }
    try {
      return Kind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw DomainException.field(ArtifactErrors.BAD_KIND, "kind", Map.of("kind", kind));
    }
  }

  /** An artifact's name, by the one rule for file names ({@link Attachments#nameProblem}). */
  static String fileName(@Nullable String name) {
    String n = Attachments.normalName(name);
    Attachments.nameProblem(n)
        .ifPresent(
            problem -> {
              throw DomainException.field(
                  ArtifactErrors.BAD_NAME, "name", Map.of("problem", problem));
            });
    return n;
  }

  static String mediaType(@Nullable String contentType) {
    if (contentType == null) {
      return "application/octet-stream";
    }
    String t = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    return MEDIA_TYPE.matcher(t).matches() ? t : "application/octet-stream";
  }

  private static void copy(InputStream in, OutputStream out, long length) throws IOException {
    byte[] buffer = new byte[256 * 1024];
    long left = length;
    while (left > 0) {
      int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
      if (n < 0) {
        throw new IOException("the blob ended early");
      }
      out.write(buffer, 0, n);
      left -= n;
    }
  }
}
