package io.tranche.app.workspace;

import io.tranche.app.platform.Access;
import io.tranche.app.platform.Actor;
import io.tranche.app.platform.ActorKind;
import io.tranche.app.platform.Errors;
import io.tranche.app.platform.PageOf;
import io.tranche.app.platform.Paging;
import io.tranche.app.workspace.internal.ClientRepository;
import io.tranche.core.error.DomainException;
import io.tranche.core.error.Validation;
import io.tranche.core.workspace.Client;
import io.tranche.core.workspace.ClientId;
import io.tranche.core.workspace.Contact;
import io.tranche.core.workspace.ContactId;
import io.tranche.core.workspace.WorkspaceId;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Clients of a workspace and their contacts; every call is scoped to the caller's workspace. */
@Service
public class ClientService {
  private final ClientRepository repository;
  private final Clock clock;

  ClientService(ClientRepository repository, Clock clock) {
    this.repository = repository;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public PageOf<ClientView> clients(Actor actor, Paging paging) {
    Access.member(actor);
    return new PageOf<>(
        repository.clients(actor.workspaceId(), paging).stream().map(ClientView::of).toList(),
        paging.page(),
        paging.size(),
        repository.countClients(actor.workspaceId()));
  }

  /**
   * The client a document is addressed to (name, address, tax id), for a caller already allowed to
   * see the document (a contact reading their invoice included); within the caller's workspace.
   */
  @Transactional(readOnly = true)
  public ClientView addressee(Actor actor, UUID id) {
    return ClientView.of(
        repository
            .client(actor.workspaceId(), id)
            .orElseThrow(Errors.notFoundSupplier("client", id)));
  }

  @Transactional(readOnly = true)
  public ClientView client(Actor actor, UUID id) {
    Access.member(actor);
    return ClientView.of(load(actor, id));
  }

  @Transactional
  public ClientView createClient(
      Actor actor, @Nullable String name, @Nullable String billingEmail) {
    return createClient(actor, new ClientDetails(name, billingEmail, null, null));
  }

  /** Adds a client; every field is checked at once, and nothing is stored unless all pass. */
  @Transactional
  public ClientView createClient(Actor actor, ClientDetails details) {
    Access.member(actor);
    Client client = details.apply(ClientId.random(), new WorkspaceId(actor.workspaceId()), null);
    repository.insert(client, clock.instant());
    return ClientView.of(client);
  }

  /** Changes the fields that are given; {@code null} keeps a field as it is. */
  @Transactional
  public ClientView updateClient(Actor actor, UUID id, ClientDetails details) {
    Access.member(actor);
    Client current = load(actor, id);
    Client next = details.apply(current.id(), current.workspaceId(), current);
    repository.update(next);
    return ClientView.of(next);
  }

  @Transactional(readOnly = true)
  public PageOf<ContactView> contacts(Actor actor, UUID clientId, Paging paging) {
    Access.member(actor);
    load(actor, clientId);
    return new PageOf<>(
        repository.contacts(actor.workspaceId(), clientId, paging).stream()
            .map(ContactView::of)
            .toList(),
        paging.page(),
        paging.size(),
        repository.countContacts(actor.workspaceId(), clientId));
  }

  /** Every contact of the workspace's clients (members), at most {@code limit}, by client. */
  @Transactional(readOnly = true)
  public List<ContactView> contactsOfWorkspace(Actor actor, int limit) {
    Access.member(actor);
    return repository.contactsOfWorkspace(actor.workspaceId(), limit).stream()
        .map(ContactView::of)
        .toList();
  }

  @Transactional
  public ContactView createContact(
      Actor actor, UUID clientId, @Nullable String name, @Nullable String email) {
    Access.member(actor);
    Client client = load(actor, clientId);
    io.tranche.core.error.FieldChecks checks = new io.tranche.core.error.FieldChecks();
    checks.check("name", () -> Validation.text("name", name, Contact.NAME_MAX));
    checks.check("email", () -> Validation.email("email", email));
    checks.throwIfAny();
    Contact contact =
        new Contact(ContactId.random(), client.workspaceId(), client.id(), name, email);
    if (repository
        .contactByEmail(actor.workspaceId(), client.id().value(), contact.email())
        .isPresent()) {
      throw DomainException.field(WorkspaceErrors.CONTACT_EXISTS, "email", Map.of());
    }
    repository.insert(contact, clock.instant());
    return ContactView.of(contact);
  }

  @Transactional(readOnly = true)
  public ContactView contact(Actor actor, UUID contactId) {
    Access.member(actor);
    return ContactView.of(loadContact(actor, contactId));
  }

  /** Changes the fields that are given; {@code null} keeps a field as it is. */
  @Transactional
  public ContactView updateContact(
      Actor actor, UUID contactId, @Nullable String name, @Nullable String email) {
    Access.member(actor);
    Contact current = loadContact(actor, contactId);
    Contact next =
        new Contact(
            current.id(),
            current.workspaceId(),
            current.clientId(),
            name == null ? current.name() : name,
            email == null ? current.email() : email);
    if (!next.email().equals(current.email())
        && repository
            .contactByEmail(actor.workspaceId(), current.clientId().value(), next.email())
            .isPresent()) {
      throw DomainException.field(WorkspaceErrors.CONTACT_EXISTS, "email", Map.of());
    }
    repository.update(next);
    return ContactView.of(next);
  }

  /**
   * Every contact with this email address, in any workspace: a system look-up for sign-in links,
   * never shown to a caller.
   */
  @Transactional(readOnly = true)
  public List<Contact> contactsForSignIn(String email) {
    String normalized;
    try {
      normalized = Validation.email("email", email);
    } catch (DomainException e) {
      return List.of();
    }
    return repository.contactsByEmail(normalized);
  }

  /** The actor a contact signs in as. */
  @Transactional(readOnly = true)
  public Optional<Actor> contactActor(UUID contactId) {
    return repository
        .contactOfSession(contactId)
        .map(
            c ->
                new Actor(
                    ActorKind.CONTACT, c.id().value(), c.workspaceId().value(), c.email(), false));
  }

  private Client load(Actor actor, UUID id) {
    Client client =
        repository
            .client(actor.workspaceId(), id)
            .orElseThrow(Errors.notFoundSupplier("client", id));
    Access.sameWorkspace(actor, client.workspaceId().value(), "client", id);
    return client;
  }

  private Contact loadContact(Actor actor, UUID id) {
    Contact contact =
        repository
            .contact(actor.workspaceId(), id)
            .orElseThrow(Errors.notFoundSupplier("contact", id));
    Access.sameWorkspace(actor, contact.workspaceId().value(), "contact", id);
    return contact;
  }
}
