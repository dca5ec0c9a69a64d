package io.tranche.app.artifact;

import io.tranche.app.artifact.ArtifactService.DownloadLink;
import io.tranche.app.artifact.ArtifactService.Kind;
import io.tranche.app.artifact.internal.ArtifactRepository;
import io.tranche.app.artifact.internal.ArtifactRepository.StoredArtifact;
import io.tranche.app.platform.Actor;
import io.tranche.app.platform.BaseUrl;
import io.tranche.app.platform.KeyRing;
import io.tranche.app.platform.Secrets;
import io.tranche.app.platform.TokenScope;
import io.tranche.core.error.DomainException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The data key and downloads of sealed artifacts: members always, the client once released (and the
 * ciphertext before, if the contract allows). Every key or plaintext a member reads is evidence, as
 * is the hand-over to the client. Downloads go through short-lived tokens (stored hashed) that
 * re-check their holder and the release state on every use, with HTTP ranges.
 */
@Service
public class ArtifactDownloads {
  private final ArtifactRepository artifacts;
  private final ArtifactService reads;
  private final KeyRing keyRing;
  private final ApplicationEventPublisher events;
  private final BaseUrl baseUrl;
  private final Clock clock;
  private final Duration tokenTtl;

  ArtifactDownloads(
      ArtifactRepository artifacts,
      ArtifactService reads,
      KeyRing keyRing,
      ApplicationEventPublisher events,
      BaseUrl baseUrl,
      Clock clock,
      @Value("${tranche.downloads.token-ttl}") Duration tokenTtl) {
    this.artifacts = artifacts;
    this.reads = reads;
    this.keyRing = keyRing;
    this.events = events;
    this.baseUrl = baseUrl;
    this.clock = clock;
    this.tokenTtl = tokenTtl;
  }

  /**
   * The data key (base64 of the keyset): for members always, for the client once released. The
   * hand-over to a client is evidence.
   */
  @Transactional
  public String dataKey(Actor actor, UUID id) {
    StoredArtifact a = reads.load(actor, id);
    if (!actor.isMember() && reads.release(a).isEmpty()) {
      throw new DomainException(ArtifactErrors.NOT_RELEASED, Map.of());
    }
    if (actor.isMember()) {
      TokenScope.require(TokenScope.FULL, "reading a data key");
    }
    events.publishEvent(
        new ArtifactEvent.KeyRead(
            a.workspaceId(),
            a.projectId(),
            actor.label(),
            a.id(),
            a.keyCommitment(),
            actor.isMember()));
    return Base64.getEncoder().encodeToString(ArtifactKeys.unwrap(keyRing, a).keyset());
  }

  /** A short-lived link to download the ciphertext or the plaintext, if the caller may now. */
  @Transactional
  public DownloadLink download(Actor actor, UUID id, @Nullable String kind) {
    StoredArtifact a = reads.load(actor, id);
    Kind k = kind(kind);
    reads.requireMay(actor.isMember(), k, a);
    if (k == Kind.PLAINTEXT) {
      if (actor.isMember()) {
        TokenScope.require(TokenScope.FULL, "reading the plaintext of a sealed artifact");
      }
      events.publishEvent(
          new ArtifactEvent.PlaintextRead(
              a.workspaceId(),
              a.projectId(),
              actor.label(),
              a.id(),
              a.plaintextSha256(),
              actor.isMember()));
    }
    String token = Secrets.newSecret("dl_");
    Instant expires = clock.instant().plus(tokenTtl);
    artifacts.insertToken(
        Secrets.hash(token), a.id(), a.workspaceId(), k.name(), actor.label(), expires);
    return new DownloadLink(baseUrl.get() + "/downloads/" + token, k, expires);
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
}
