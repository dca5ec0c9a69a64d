package io.tranche.app.account;

import io.tranche.app.account.internal.MagicLinkRepository;
import io.tranche.app.mail.MailService;
import io.tranche.app.mail.OutgoingMail;
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

  private final MagicLinkRepository links;
  private final ClientService clients;
  private final WorkspaceService workspaces;
  private final MailService mail;
  private final BaseUrl baseUrl;
  private final Clock clock;

  MagicLinkService(
      MagicLinkRepository links,
      ClientService clients,
      WorkspaceService workspaces,
      MailService mail,
      BaseUrl baseUrl,
      Clock clock) {
    this.links = links;
    this.clients = clients;
    this.workspaces = workspaces;
    this.mail = mail;
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
      links.insert(contact.id().value(), Secrets.hash(token), now, now.plus(VALIDITY));
      String workspace = workspaces.name(contact.workspaceId().value()).orElse("your supplier");
      String link =
          baseUrl.get() + "/portal/magic?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
      mail.enqueue(
          new OutgoingMail(
              contact.workspaceId().value(),
              contact.email(),
              "Your sign-in link for " + workspace,
              """
              Hello %s,

              open this link to sign in to %s's client portal:

              %s

              The link works once and expires in %d minutes. If you did not ask for it, ignore this
              mail: nobody can sign in without opening it.
              """
                  .formatted(contact.name(), workspace, link, VALIDITY.toMinutes())));
    }
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
