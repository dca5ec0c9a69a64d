package io.tranche.app.workspace.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tranche.app.platform.Actor;
import io.tranche.app.platform.PageOf;
import io.tranche.app.platform.Paging;
import io.tranche.app.workspace.ClientDetails;
import io.tranche.app.workspace.ClientService;
import io.tranche.app.workspace.ClientView;
import io.tranche.app.workspace.ContactView;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Clients and their contacts, for workspace members. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "clients", description = "The vendor's customers and the people who sign in for them")
class ClientApi {
  private final ClientService clients;

  ClientApi(ClientService clients) {
    this.clients = clients;
  }

  /** The body of a create or update; on update, absent fields stay as they are. */
  record ClientBody(
      @Nullable String name,
      @Nullable String billingEmail,
      @Nullable String address,
      @Nullable String taxId) {
    ClientDetails details() {
      return new ClientDetails(name, billingEmail, address, taxId);
    }
  }

  /** The body of a contact create or update; on update, absent fields stay as they are. */
  record ContactBody(@Nullable String name, @Nullable String email) {}

  @GetMapping("/clients")
  @Operation(summary = "List the workspace's clients, by name")
  PageOf<ClientView> list(
      Actor actor,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "" + Paging.DEFAULT_SIZE) int size) {
    return clients.clients(actor, new Paging(page, size));
  }

  @PostMapping("/clients")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Create a client")
  ClientView create(Actor actor, @RequestBody ClientBody body) {
    return clients.createClient(actor, body.details());
  }

  @GetMapping("/clients/{clientId}")
  @Operation(summary = "Read a client")
  ClientView get(Actor actor, @PathVariable UUID clientId) {
    return clients.client(actor, clientId);
  }

  @PatchMapping("/clients/{clientId}")
  @Operation(summary = "Change a client's name or billing email")
  ClientView update(Actor actor, @PathVariable UUID clientId, @RequestBody ClientBody body) {
    return clients.updateClient(actor, clientId, body.details());
  }

  @GetMapping("/clients/{clientId}/contacts")
  @Operation(summary = "List a client's contacts")
  PageOf<ContactView> contacts(
      Actor actor,
      @PathVariable UUID clientId,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "" + Paging.DEFAULT_SIZE) int size) {
    return clients.contacts(actor, clientId, new Paging(page, size));
  }

  @PostMapping("/clients/{clientId}/contacts")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Add a contact to a client; they sign in to the portal by magic link")
  ContactView createContact(
      Actor actor, @PathVariable UUID clientId, @RequestBody ContactBody body) {
    return clients.createContact(actor, clientId, body.name(), body.email());
  }

  @GetMapping("/contacts/{contactId}")
  @Operation(summary = "Read a contact")
  ContactView contact(Actor actor, @PathVariable UUID contactId) {
    return clients.contact(actor, contactId);
  }

  @PatchMapping("/contacts/{contactId}")
  @Operation(summary = "Change a contact's name or email")
  ContactView updateContact(
      Actor actor, @PathVariable UUID contactId, @RequestBody ContactBody body) {
    return clients.updateContact(actor, contactId, body.name(), body.email());
  }
}
