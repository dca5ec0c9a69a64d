package io.tranche.app.preview;

import io.tranche.app.platform.Access;
import io.tranche.app.platform.Actor;
import io.tranche.app.platform.Errors;
import io.tranche.app.platform.Secrets;
import io.tranche.app.preview.internal.PreviewRepository;
import io.tranche.core.error.DomainException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who reaches a preview, as members manage it: share links (a member hands one out; it opens the
 * preview only for the project's signed-in people, until it expires or is revoked), revoking the
 * preview itself, and the log of who opened it.
 */
@Service
public class PreviewLinks {
  private final PreviewService previews;
  private final PreviewRepository repository;
  private final org.springframework.context.ApplicationEventPublisher events;
  private final Clock clock;
  private final io.tranche.app.project.StopWork stopWork;

  PreviewLinks(
      PreviewService previews,
      PreviewRepository repository,
      org.springframework.context.ApplicationEventPublisher events,
      Clock clock,
      io.tranche.app.project.StopWork stopWork) {
    this.stopWork = stopWork;
    this.previews = previews;
    this.repository = repository;
    this.events = events;
    this.clock = clock;
  }

  /** How long a share link works unless revoked. */
  public static final Duration LINK_VALIDITY = Duration.ofDays(7);

  /** How long a viewer's pass into a preview works: one sitting, not a standing link. */
  public static final Duration PASS_VALIDITY = Duration.ofHours(4);

  /**
   * A signed-in member or contact opens a preview they may see (through a share link when {@code
   * linkToken} is given, already checked): a new pass, the token of {@code /preview/<token>/}.
   */
  @Transactional
  public String enter(Actor actor, UUID id, @Nullable String linkToken) {
    PreviewView p = previews.preview(actor, id);
    if (actor.isContact()) {
      paused(actor.workspaceId(), p.projectId());
    }
    String token = Secrets.newSecret("pp_");
    repository.insertGrant(
        Secrets.hash(token),
        new PreviewGrant(actor.workspaceId(), p.id(), actor.label(), actor.email()),
        linkToken == null ? null : Secrets.hash(linkToken),
        clock.instant(),
        clock.instant().plus(PASS_VALIDITY));
    return token;
  }

  /**
   * The pass a token names: unknown tokens are not found, expired ones say so (the viewer opens the
   * preview again from Tranche).
   */
  @Transactional(readOnly = true)
  public PreviewGrant pass(String token) {
    PreviewRepository.Pass pass =
        repository
            .grant(Secrets.hash(token))
            .orElseThrow(() -> Errors.notFound("preview pass", new UUID(0, 0)));
    if (!clock.instant().isBefore(pass.expiresAt())) {
      throw new DomainException(
          PreviewErrors.PASS_EXPIRED, Map.of("at", pass.expiresAt().toString()));
    }
    PreviewGrant grant = pass.grant();
    if (grant.viewer().startsWith("contact:")) {
      repository
          .find(grant.workspaceId(), grant.previewId())
          .ifPresent(p -> paused(grant.workspaceId(), p.projectId()));
    }
    return grant;
  }

  /** Previews pause for the client while the project is in stop-work (members still see them). */
  private void paused(UUID workspaceId, UUID projectId) {
    stopWork
        .of(workspaceId, projectId)
        .ifPresent(
            pause -> {
              throw new DomainException(
                  PreviewErrors.PAUSED,
                  Map.of("invoice", pause.invoiceNumber(), "open", pause.open().toString()));
            });
  }

  /**
   * A member creates a share link to a preview: {@code /portal/p/<token>/}, for the project's
   * signed-in people, for {@link #LINK_VALIDITY}. The token is shown once; only its hash is kept.
   */
  @Transactional
  public String shareLink(Actor actor, UUID id) {
    Access.member(actor);
    PreviewView p = previews.preview(actor, id);
    String token = Secrets.newSecret("pv_");
    repository.insertLink(
        Secrets.hash(token),
        actor.workspaceId(),
        p.id(),
        clock.instant(),
        clock.instant().plus(LINK_VALIDITY),
        actor.label());
    return token;
  }

  /** A member revokes every share link of a preview. */
  @Transactional
  public void revokeLinks(Actor actor, UUID id) {
    Access.member(actor);
    previews.preview(actor, id);
    repository.revokeLinks(actor.workspaceId(), id, clock.instant());
    repository.endLinkGrants(actor.workspaceId(), id);
  }

  /**
   * The preview a share link opens for the caller, or why not: unknown links and links to other
   * workspaces' or projects' previews are not found; expired or revoked ones say so ({@code
   * preview.link-expired}).
   */
  @Transactional(readOnly = true)
  public UUID previewOfLink(Actor actor, String token) {
    PreviewRepository.Link link =
        repository
            .link(Secrets.hash(token))
            .filter(l -> l.workspaceId().equals(actor.workspaceId()))
            .orElseThrow(() -> Errors.notFound("preview link", new UUID(0, 0)));
    PreviewView p = previews.preview(actor, link.previewId());
    if (link.revoked() || !clock.instant().isBefore(link.expiresAt())) {
      throw new DomainException(
          PreviewErrors.LINK_EXPIRED, Map.of("at", link.expiresAt().toString()));
    }
    return p.id();
  }

  /** A member withdraws a preview: nobody opens it any more, through any link. */
  @Transactional
  public PreviewView revoke(Actor actor, UUID id) {
    Access.member(actor);
    PreviewView p = previews.preview(actor, id);
    repository.revokeLinks(actor.workspaceId(), id, clock.instant());
    if (repository.revoke(actor.workspaceId(), id, clock.instant())) {
      events.publishEvent(
          new PreviewEvent.Revoked(actor.workspaceId(), p.projectId(), actor.label(), id));
    }
    return p;
  }

  /** Who opened a preview, first and last (members). */
  @Transactional(readOnly = true)
  public java.util.List<PreviewRepository.Viewer> viewers(Actor actor, UUID id) {
    Access.member(actor);
    previews.preview(actor, id);
    return repository.viewers(actor.workspaceId(), id);
  }
}
