package io.tranche.app.console;

import io.tranche.app.account.MagicLinkService;
import io.tranche.app.platform.Actor;
import io.tranche.app.platform.Errors;
import io.tranche.app.platform.FormMessages;
import io.tranche.app.platform.Paging;
import io.tranche.app.project.ProjectService;
import io.tranche.app.project.ProjectView;
import io.tranche.app.workspace.ClientDetails;
import io.tranche.app.workspace.ClientService;
import io.tranche.app.workspace.ClientView;
import io.tranche.app.workspace.ContactView;
import io.tranche.app.workspace.WorkspaceService;
import io.tranche.core.error.DomainException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's clients: the list, adding one with its address and tax id, its contacts, and
 * inviting a contact to a project (a mail with a sign-in link that lands on it).
 */
@Controller
class ConsoleClientController {
  static final Map<String, String> CLIENT_LABELS =
      Map.of(
          "name", "Name",
          "billingEmail", "Billing email",
          "address", "Address",
          "taxId", "VAT or tax id");
  static final Map<String, String> CONTACT_LABELS = Map.of("name", "Name", "email", "Email");

  private final WorkspaceService workspaces;
  private final ClientService clients;
  private final ProjectService projects;
  private final MagicLinkService links;
  private final io.tranche.app.invoice.ClientCredits credits;
  private final io.tranche.app.invoice.CreditPaybacks paybacks;

  ConsoleClientController(
      WorkspaceService workspaces,
      ClientService clients,
      ProjectService projects,
      MagicLinkService links,
      io.tranche.app.invoice.ClientCredits credits,
      io.tranche.app.invoice.CreditPaybacks paybacks) {
    this.paybacks = paybacks;
    this.credits = credits;
    this.workspaces = workspaces;
    this.clients = clients;
    this.projects = projects;
    this.links = links;
  }

  @GetMapping("/console/clients")
  String clients(Actor actor, @RequestParam(defaultValue = "0") int page, Model model) {
    return list(actor, page, Map.of(), Map.of(), model);
  }

  @PostMapping("/console/clients")
  String create(
      Actor actor,
      @RequestParam Map<String, String> form,
      HttpServletResponse response,
      Model model) {
    try {
      ClientView created = clients.createClient(actor, details(form));
      return "redirect:/console/clients/" + created.id();
    } catch (DomainException e) {
      response.setStatus(Errors.formStatus(e));
      return list(actor, 0, form, FormMessages.of(e, CLIENT_LABELS, "name"), model);
    }
  }

  @GetMapping("/console/clients/{clientId}")
  String client(Actor actor, @PathVariable UUID clientId, Model model) {
    ClientView client = clients.client(actor, clientId);
    return page(actor, client, form(client), Map.of(), Map.of(), Map.of(), model);
  }

  @PostMapping("/console/clients/{clientId}")
  String update(
      Actor actor,
      @PathVariable UUID clientId,
      @RequestParam Map<String, String> form,
      HttpServletResponse response,
      RedirectAttributes redirect,
      Model model) {
    ClientView client = clients.client(actor, clientId);
    try {
      clients.updateClient(actor, clientId, details(form));
      redirect.addFlashAttribute("saved", "Saved.");
      return "redirect:/console/clients/" + clientId;
    } catch (DomainException e) {
      response.setStatus(Errors.formStatus(e));
      return page(
          actor,
          client,
          form,
          Map.of(),
          FormMessages.of(e, CLIENT_LABELS, "name"),
          Map.of(),
          model);
    }
  }

  /**
   * A member records credit paid back to the client (by bank transfer, outside Tranche); a refusal
   * is shown next to its field with what was typed.
   */
  @PostMapping("/console/clients/{clientId}/credit/paid-back")
  String creditPaidBack(
      Actor actor,
      @PathVariable UUID clientId,
      @RequestParam Map<String, String> form,
      HttpServletResponse response,
      RedirectAttributes redirect,
      Model model) {
    ClientView client = clients.client(actor, clientId);
    try {
      String currency = paybacks.currency(actor, clientId);
      io.tranche.core.money.Money amount =
          io.tranche.app.platform.MoneyInput.typed(form.getOrDefault("amount", ""), currency)
              .toMoney("amount", currency);
      var paid =
          paybacks.record(
              actor,
              clientId,
              amount,
              io.tranche.app.platform.Dates.typed(form.get("paidOn"), "paidOn"),
              form.get("reference"));
      redirect.addFlashAttribute(
          "saved",
          paid.amount()
              + " of the client's credit recorded as paid back; it can no longer pay an invoice.");
      return "redirect:/console/clients/" + clientId;
    } catch (DomainException e) {
      response.setStatus(Errors.formStatus(e));
      model.addAttribute(
          "creditErrors",
          io.tranche.app.platform.FormMessages.of(
              e,
              Map.of("amount", "The amount", "paidOn", "The date", "reference", "The reference"),
              "amount"));
      model.addAttribute("creditForm", form);
      return page(actor, client, form(client), Map.of(), Map.of(), Map.of(), model);
    }
  }

  @PostMapping("/console/clients/{clientId}/contacts")
  String addContact(
      Actor actor,
      @PathVariable UUID clientId,
      @RequestParam Map<String, String> form,
      HttpServletResponse response,
      RedirectAttributes redirect,
      Model model) {
    ClientView client = clients.client(actor, clientId);
    UUID project = projectOf(actor, client, form.getOrDefault("projectId", ""));
    try {
      ContactView contact =
          clients.createContact(actor, clientId, form.get("name"), form.get("email"));
      if (project != null) {
        links.invite(actor, contact.id(), project);
        redirect.addFlashAttribute("saved", "Invitation sent to " + contact.email() + ".");
      } else {
        redirect.addFlashAttribute("saved", contact.name() + " added.");
      }
      return "redirect:/console/clients/" + clientId;
    } catch (DomainException e) {
      response.setStatus(Errors.formStatus(e));
      Map<String, String> contactForm = new LinkedHashMap<>(form);
      return page(
          actor,
          client,
          form(client),
          contactForm,
          Map.of(),
          FormMessages.of(e, CONTACT_LABELS, "email"),
          model);
    }
  }

  @PostMapping("/console/contacts/{contactId}/invitations")
  String invite(
      Actor actor,
      @PathVariable UUID contactId,
      @RequestParam(defaultValue = "") String projectId,
      RedirectAttributes redirect) {
    ContactView contact = clients.contact(actor, contactId);
    UUID project = projectOf(actor, clients.client(actor, contact.clientId()), projectId);
    if (project == null) {
      redirect.addFlashAttribute(
          "saved", "Choose the project to invite " + contact.name() + " to.");
      return "redirect:/console/clients/" + contact.clientId();
    }
    links.invite(actor, contactId, project);
    redirect.addFlashAttribute("saved", "Invitation sent to " + contact.email() + ".");
    return "redirect:/console/clients/" + contact.clientId();
  }

  /** The project a new contact is invited to, if one was chosen: one of this client's. */
  private @org.jspecify.annotations.Nullable UUID projectOf(
      Actor actor, ClientView client, String given) {
    if (given.isBlank()) {
      return null;
    }
    UUID id;
    try {
      id = UUID.fromString(given);
    } catch (IllegalArgumentException e) {
      throw Errors.notFound("project", new UUID(0, 0));
    }
    if (!projects.project(actor, id).clientId().equals(client.id())) {
      throw Errors.notFound("project", id);
    }
    return id;
  }

  private String list(
      Actor actor, int page, Map<String, String> form, Map<String, String> errors, Model model) {
    header(actor, model);
    model.addAttribute("clients", clients.clients(actor, new Paging(page, Paging.DEFAULT_SIZE)));
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    return "console/clients";
  }

  private String page(
      Actor actor,
      ClientView client,
      Map<String, String> form,
      Map<String, String> contactForm,
      Map<String, String> errors,
      Map<String, String> contactErrors,
      Model model) {
    header(actor, model);
    model.addAttribute("client", client);
    model.addAttribute("form", form);
    model.addAttribute("contactForm", contactForm);
    model.addAttribute("errors", errors);
    model.addAttribute("contactErrors", contactErrors);
    model.addAttribute(
        "contacts", clients.contacts(actor, client.id(), new Paging(0, Paging.MAX_SIZE)).items());
    List<ProjectView> ofClient =
        projects.projectsOfClient(actor, client.id(), new Paging(0, Paging.MAX_SIZE));
    model.addAttribute("projects", ofClient);
    model.addAttribute("credit", credits.ofClient(actor, client.id()));
    model.addAttribute("today", workspaces.today(actor.workspaceId()));
    if (!model.containsAttribute("creditForm")) {
      model.addAttribute("creditForm", Map.of());
      model.addAttribute("creditErrors", Map.of());
    }
    return "console/client";
  }

  private void header(Actor actor, Model model) {
    model.addAttribute("workspace", workspaces.current(actor));
    model.addAttribute("actor", actor);
  }

  private static ClientDetails details(Map<String, String> form) {
    return new ClientDetails(
        form.getOrDefault("name", ""),
        form.getOrDefault("billingEmail", ""),
        form.getOrDefault("address", ""),
        form.getOrDefault("taxId", ""));
  }

  private static Map<String, String> form(ClientView c) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("name", c.name());
    form.put("billingEmail", c.billingEmail() == null ? "" : c.billingEmail());
    form.put("address", c.address() == null ? "" : c.address());
    form.put("taxId", c.taxId() == null ? "" : c.taxId());
    return form;
  }
}
