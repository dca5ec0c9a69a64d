package io.tranche.app.account;

import io.tranche.app.account.internal.MagicLinkRepository;
import io.tranche.app.mail.MailService;
import io.tranche.app.platform.Actor;
import io.tranche.app.platform.BaseUrl;
import io.tranche.app.platform.Secrets;
import io.tranche.app.workspace.ClientService;
import io.tranche.app.workspace.WorkspaceService;
import io.tranche.core.workspace.Contact;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Passwordless sign-in for client contacts: a link with a 256-bit single-use token that expires
 * after {@link #VALIDITY}, stored as its SHA-256. Opening the link only shows a confirm page; the
 * confirm page's POST signs in, so mail scanners that fetch links do not use them up.
 */
@Service
public class MagicLinkService {
  public static final Duration VALIDITY = Duration.ofMinutes(15);

  /** How long an invitation's link works: long enough to be read after a weekend. */
  public static final Duration INVITATION_VALIDITY = Duration.ofDays(7);

  private final MagicLinkRepository links;
  private final ClientService clients;
  private final WorkspaceService workspaces;
  private final MailService mail;
  private final io.tranche.app.project.ProjectService projects;
  private final BaseUrl baseUrl;
  private final Clock clock;

  MagicLinkService(
      MagicLinkRepository links,
      ClientService clients,
      WorkspaceService workspaces,
      MailService mail,
      io.tranche.app.project.ProjectService projects,
      BaseUrl baseUrl,
      Clock clock) {
    this.links = links;
    this.clients = clients;
    this.workspaces = workspaces;
    this.mail = mail;
    this.projects = projects;
    this.baseUrl = baseUrl;
    this.clock = clock;
  }

  /**
   * Mails a sign-in link to the contact with this address in the portal being signed into: the
   * workspace {@code portal} when the sign-in page named one ({@code /portal/login?w=…}); without
   * one, only when the address is a contact of exactly one workspace. So a workspace that adds
   * another's client as its own contact never receives (in its mailbox) the links that client asks
   * of someone else. Does nothing, and says nothing different, when the address is unknown.
   */
  @Transactional
  public void request(String email, @Nullable UUID portal) {
    request(email, portal, null);
  }

  /** As {@link #request(String, UUID)}; the link lands on {@code landing}, a portal page. */
  @Transactional
  public void request(String email, @Nullable UUID portal, @Nullable String landing) {
    Instant now = clock.instant();
    List<Contact> contacts = clients.contactsForSignIn(email);
    List<Contact> recipients =
        portal != null
            ? contacts.stream().filter(c -> c.workspaceId().value().equals(portal)).toList()
            : contacts.stream().map(c -> c.workspaceId().value()).distinct().count() == 1
                ? contacts
                : List.of();
    for (Contact contact : recipients) {
      String token = Secrets.newSecret("");
      links.insert(
          contact.id().value(),
          Secrets.hash(token),
          now,
          now.plus(VALIDITY),
          io.tranche.app.platform.DeepLink.portal(landing).orElse(null));
      String workspace = workspaces.name(contact.workspaceId().value()).orElse("your supplier");
      String link =
          baseUrl.get() + "/portal/magic?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
      mail.send(
          contact.workspaceId().value(),
          List.of(contact.email()),
          "sign-in-link",
          Map.of(
              "name",
              contact.name(),
              "vendor",
              workspace,
              "link",
              link,
              "minutes",
              VALIDITY.toMinutes()));
    }
  }

  /**
   * A member invites a contact of the project's client to the project: the contact may see it from
   * now on, and gets a mail with a sign-in link that lands on the project and works once, for
   * {@link #INVITATION_VALIDITY}.
   */
  @Transactional
  public void invite(Actor member, UUID contactId, UUID projectId) {
    io.tranche.app.platform.Access.member(member);
    io.tranche.app.workspace.ContactView contact = clients.contact(member, contactId);
    io.tranche.app.project.ProjectView project = projects.project(member, projectId);
    if (!project.contactIds().contains(contactId)) {
      projects.addContact(member, projectId, contactId);
    }
    Instant now = clock.instant();
    String token = Secrets.newSecret("");
    String landing = "/portal/projects/" + projectId;
    links.insert(contactId, Secrets.hash(token), now, now.plus(INVITATION_VALIDITY), landing);
    String workspace = workspaces.current(member).name();
    String link =
        baseUrl.get() + "/portal/magic?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    mail.send(
        member.workspaceId(),
        List.of(contact.email()),
        "invitation",
        Map.of(
            "name", contact.name(),
            "vendor", workspace,
            "project", project.name(),
            "link", link,
            "days", INVITATION_VALIDITY.toDays()));
  }

  /** Where a link lands once used: the project it invites to, or the portal's home. */
  @Transactional(readOnly = true)
  public String landing(String token) {
    return links
        .landing(Secrets.hash(token))
        .flatMap(io.tranche.app.platform.DeepLink::portal)
        .orElse("/portal");
  }

  /**
   * The workspace a link was sent for, also once it expired or was used: the way to a new link
   * names the business again.
   */
  @Transactional(readOnly = true)
  public Optional<UUID> workspaceOf(String token) {
    return links.workspaceOf(Secrets.hash(token));
  }

  /** Whether a link's token is known, unused and not expired; does not use it up. */
  @Transactional(readOnly = true)
  public boolean isUsable(String token) {
    return links.usableContact(Secrets.hash(token), clock.instant()).isPresent();
  }

  /**
   * Uses a link's token up and returns the contact it signs in, or empty if it is unknown, used or
   * expired. Two concurrent uses of one token sign in at most once.
   */
  @Transactional
  public Optional<Actor> consume(String token) {
    Instant now = clock.instant();
    String hash = Secrets.hash(token);
    return links
        .usableContact(hash, now)
        .filter(contactId -> links.markUsed(hash, now))
        .flatMap(clients::contactActor);
  }
}
