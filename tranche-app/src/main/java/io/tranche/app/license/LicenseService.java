package io.tranche.app.license;

import io.tranche.app.license.internal.LicenseRepository;
import io.tranche.app.platform.Access;
import io.tranche.app.platform.Actor;
import io.tranche.app.platform.Errors;
import io.tranche.app.project.ProjectService;
import io.tranche.app.signing.SigningKeys;
import io.tranche.core.error.Validation;
import io.tranche.license.LicenseTokens;
import io.tranche.license.LicenseVerifier;
import io.tranche.license.Verdict;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A project's licences for the people who may see the project, revocation by members, and the
 * online validation an app calls with its licence and machine: the signature, the time, whether it
 * was revoked, and the machine counted against the licence's limit.
 */
@Service
public class LicenseService {
  private final LicenseRepository licenses;
  private final io.tranche.app.license.internal.LicenseIssuer issuer;
  private final ProjectService projects;
  private final SigningKeys keys;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  private final io.tranche.app.project.StopWork stopWork;

  LicenseService(
      LicenseRepository licenses,
      io.tranche.app.license.internal.LicenseIssuer issuer,
      ProjectService projects,
      SigningKeys keys,
      ApplicationEventPublisher events,
      Clock clock,
      io.tranche.app.project.StopWork stopWork) {
    this.stopWork = stopWork;
    this.licenses = licenses;
    this.issuer = issuer;
    this.projects = projects;
    this.keys = keys;
    this.events = events;
    this.clock = clock;
  }

  /** A project's licences, oldest first, for its members and its client's contacts. */
  @Transactional(readOnly = true)
  public List<LicenseView> licenses(Actor actor, UUID projectId) {
    projects.requireVisible(actor, projectId);
    return licenses.ofProject(actor.workspaceId(), projectId);
  }

  /** A licence's token (the file an app reads), for whoever may see its project. */
  @Transactional(readOnly = true)
  public Token token(Actor actor, UUID id) {
    LicenseView l = visible(actor, id);
    String token =
        licenses.token(actor.workspaceId(), id).orElseThrow(Errors.notFoundSupplier("license", id));
    String name = (l.product() + "-" + l.edition()).replaceAll("[^A-Za-z0-9._-]+", "-");
    return new Token(name + ".license", token);
  }

  /** A licence file: its name and its text. */
  public record Token(String fileName, String text) {}

  /**
   * A member issues a licence by hand ({@code preview} or {@code full}, on the terms releases use),
   * for example a new preview after one expired; it is kept as evidence under the member's name.
   */
  @Transactional
  public LicenseView issue(Actor actor, UUID projectId, String edition) {
    Access.member(actor);
    projects.requireVisible(actor, projectId);
    if (!"preview".equals(edition) && !"full".equals(edition)) {
      throw io.tranche.core.error.DomainException.field(
          Validation.REQUIRED, "edition", java.util.Map.of("field", "edition (preview or full)"));
    }
    if ("preview".equals(edition)) {
      // a project in stop-work gets no new preview licence; the full one is paid for
      stopWork.refuseIfPaused(actor.workspaceId(), projectId);
    }
    UUID id =
        issuer
            .issueByHand(
                actor.workspaceId(), projects.project(actor, projectId), edition, actor.label())
            .orElseThrow();
    return licenses.find(actor.workspaceId(), id).orElseThrow();
  }

  /** The project a licence the caller may see belongs to. */
  @Transactional(readOnly = true)
  public UUID projectOf(Actor actor, UUID id) {
    return visible(actor, id).projectId();
  }

  /** A member revokes a licence: validation answers "revoked" from now on. */
  @Transactional
  public LicenseView revoke(Actor actor, UUID id, String reason) {
    Access.member(actor);
    LicenseView l = visible(actor, id);
    String why = Validation.text("reason", reason, 1000);
    if (licenses.revoke(actor.workspaceId(), id, why, clock.instant())) {
      events.publishEvent(
          new LicenseEvent.Revoked(actor.workspaceId(), l.projectId(), actor.label(), id, why));
    }
    return visible(actor, id);
  }

  /** What an app asked about its licence, and what Tranche knows. */
  public record Answer(
      String state,
      @Nullable String licenseId,
      @Nullable String edition,
      @Nullable String expiresAt,
      int activations,
      int machines) {
    static Answer refused(String state) {
      return new Answer(state, null, null, null, 0, 0);
    }
  }

  /**
   * The state of a licence an app sends from a machine (any text that names the machine; only its
   * SHA-256 is kept): {@code valid}, {@code in-grace}, {@code revoked}, {@code machine-limit}, or
   * why the token itself is refused ({@code expired}, {@code bad-signature}, …, {@code unknown}).
   */
  @Transactional
  public Answer validate(String token, String machine) {
    String name = Validation.text("machine", machine, 200);
    Optional<UUID> id = LicenseTokens.claimedId(token).flatMap(LicenseService::uuid);
    Optional<UUID> workspace = id.flatMap(licenses::workspaceOf);
    if (workspace.isEmpty()) {
      return Answer.refused("unknown");
    }
    UUID ws = workspace.get();
    Verdict verdict = LicenseVerifier.verify(token, keys.publicKey(ws), clock);
    if (verdict instanceof Verdict.Refused r) {
      return Answer.refused(r.reason().name().toLowerCase().replace('_', '-'));
    }
    LicenseView l = licenses.find(ws, id.get()).orElseThrow();
    String state = ((Verdict.Valid) verdict).inGrace() ? "in-grace" : "valid";
    if (l.revoked()) {
      state = "revoked";
    } else if (!licenses.activate(
        ws, l.id(), io.tranche.app.platform.Secrets.hash(name), l.machines(), clock.instant())) {
      state = "machine-limit";
    }
    LicenseView now = licenses.find(ws, l.id()).orElseThrow();
    return new Answer(
        state,
        l.id().toString(),
        l.edition(),
        l.expiresAt().toString(),
        now.activations(),
        l.machines());
  }

  private LicenseView visible(Actor actor, UUID id) {
    LicenseView l =
        licenses.find(actor.workspaceId(), id).orElseThrow(Errors.notFoundSupplier("license", id));
    try {
      projects.requireVisible(actor, l.projectId());
    } catch (io.tranche.core.error.DomainException e) {
      throw Errors.notFound("license", id);
    }
    return l;
  }

  private static Optional<UUID> uuid(String text) {
    try {
      return Optional.of(UUID.fromString(text));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
