package io.tranche.app.license.internal;

import io.tranche.app.artifact.ArtifactEvent;
import io.tranche.app.license.LicenseEvent;
import io.tranche.app.mail.MailService;
import io.tranche.app.platform.Actor;
import io.tranche.app.platform.BaseUrl;
import io.tranche.app.platform.Reaction;
import io.tranche.app.project.MilestoneService;
import io.tranche.app.project.ProjectService;
import io.tranche.app.project.ProjectView;
import io.tranche.app.signing.SigningKeys;
import io.tranche.core.milestone.Milestone;
import io.tranche.core.milestone.PaymentTrigger;
import io.tranche.core.project.ProjectType;
import io.tranche.license.License;
import io.tranche.license.LicenseTokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Issues licences for a project's builds (projects that are not web sites): a preview licence when
 * a delivered part is released, the full licence when the final part is released, each exactly once
 * per release (however often the release event arrives), signed with the workspace's key, kept as
 * evidence and mailed to the client's contacts with the licence attached.
 */
@Component
public class LicenseIssuer {
  /**
   * A preview runs two weeks, warns three days more, on two machines, with its own features, unless
   * {@code tranche.license.preview-days}, {@code -grace-days} and {@code -machines} say otherwise.
   */
  private final Terms preview;

  /** The full licence does not expire in practice, on five machines, with every feature. */
  static final Terms FULL =
      new Terms(License.FULL, Duration.ofDays(365L * 99), Duration.ZERO, 5, List.of("full"));

  /** What a licence of an edition allows. */
  record Terms(
      String edition, Duration validity, Duration grace, int machines, List<String> features) {}

  private final LicenseRepository licenses;
  private final SigningKeys keys;
  private final ProjectService projects;
  private final MilestoneService milestones;
  private final MailService mail;
  private final BaseUrl baseUrl;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  LicenseIssuer(
      LicenseRepository licenses,
      SigningKeys keys,
      ProjectService projects,
      MilestoneService milestones,
      MailService mail,
      BaseUrl baseUrl,
      ApplicationEventPublisher events,
      Clock clock,
      @org.springframework.beans.factory.annotation.Value("${tranche.license.preview-days:14}")
          int previewDays,
      @org.springframework.beans.factory.annotation.Value("${tranche.license.preview-grace-days:3}")
          int graceDays,
      @org.springframework.beans.factory.annotation.Value("${tranche.license.preview-machines:2}")
          int machines) {
    this.preview =
        new Terms(
            License.PREVIEW,
            Duration.ofDays(previewDays),
            Duration.ofDays(graceDays),
            machines,
            List.of("preview"));
    this.licenses = licenses;
    this.keys = keys;
    this.projects = projects;
    this.milestones = milestones;
    this.mail = mail;
    this.baseUrl = baseUrl;
    this.events = events;
    this.clock = clock;
  }

  @Reaction
  void on(ArtifactEvent.Released e) {
    issueFor(e.workspaceId(), e.projectId(), e.milestoneId());
  }

  /**
   * The licence a release of {@code milestoneId} brings, issued unless it was already: the full
   * licence for the final part, a preview for another delivered part, nothing for a web site or a
   * part without work. Returns the licence issued by this call, if any.
   */
  public Optional<UUID> issueFor(UUID workspaceId, UUID projectId, UUID milestoneId) {
    ProjectView project = projects.project(Actor.workspace(workspaceId, "licenses"), projectId);
    Optional<Milestone> milestone = milestones.find(workspaceId, milestoneId);
    if (project.type() == ProjectType.WEB || milestone.isEmpty()) {
      return Optional.empty();
    }
    PaymentTrigger trigger = milestone.get().trigger();
    if (trigger == PaymentTrigger.CONTRACT_SIGNED) {
      return Optional.empty();
    }
    Terms terms = trigger == PaymentTrigger.FINAL_DEMO ? FULL : preview;
    return issue(workspaceId, project, milestoneId, terms, "system:release");
  }

  /** A licence a member issues by hand: no release, so never refused as a repeat. */
  public Optional<UUID> issueByHand(
      UUID workspaceId, ProjectView project, String edition, String actor) {
    return issue(workspaceId, project, null, License.FULL.equals(edition) ? FULL : preview, actor);
  }

  /** Signs and keeps a licence; empty when the release already has its licence of this edition. */
  Optional<UUID> issue(
      UUID workspaceId,
      ProjectView project,
      @Nullable UUID milestoneId,
      Terms terms,
      String actor) {
    Instant now = clock.instant();
    UUID id = UUID.randomUUID();
    License license =
        new License(
            id.toString(),
            project.clientName(),
            project.name(),
            terms.edition(),
            terms.features(),
            now,
            now.plus(terms.validity()),
            terms.grace(),
            terms.machines(),
            io.tranche.license.LicenseVerifier.fingerprint(keys.publicKey(workspaceId)));
    String token = LicenseTokens.sign(license, keys.privateKey(workspaceId));
    boolean issued =
        licenses.insert(
            new LicenseRepository.NewLicense(
                id,
                workspaceId,
                project.id(),
                milestoneId,
                terms.edition(),
                license.licensee(),
                license.product(),
                license.notBefore(),
                license.expiresAt(),
                terms.grace().getSeconds(),
                terms.machines(),
                token,
                actor),
            now);
    if (!issued) {
      return Optional.empty();
    }
    events.publishEvent(
        new LicenseEvent.Issued(
            workspaceId,
            project.id(),
            actor,
            id,
            milestoneId,
            terms.edition(),
            io.tranche.app.platform.Secrets.hash(token)));
    mail.send(
        workspaceId,
        projects.contactEmails(workspaceId, project.id()),
        License.FULL.equals(terms.edition()) ? "license-full" : "license-preview",
        Map.of(
            "project", project.name(),
            "expires",
                io.tranche.app.platform.Dates.day(license.expiresAt(), java.time.ZoneOffset.UTC),
            "machines", terms.machines(),
            "link",
                baseUrl.portal(workspaceId, "/portal/projects/" + project.id() + "/deliverables")),
        List.of("license:" + id));
    return Optional.of(id);
  }
}
