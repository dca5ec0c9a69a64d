package io.tranche.app.console;

import io.tranche.app.platform.Actor;
import io.tranche.app.platform.Errors;
import io.tranche.app.platform.FormMessages;
import io.tranche.app.platform.Paging;
import io.tranche.app.project.NewProject;
import io.tranche.app.project.ProjectService;
import io.tranche.app.project.ProjectView;
import io.tranche.app.workspace.ClientService;
import io.tranche.app.workspace.ClientView;
import io.tranche.app.workspace.ContactView;
import io.tranche.app.workspace.SettingsService;
import io.tranche.app.workspace.WorkspaceErrors;
import io.tranche.app.workspace.WorkspaceLogos;
import io.tranche.app.workspace.WorkspaceService;
import io.tranche.app.workspace.WorkspaceSettings;
import io.tranche.core.contract.SigningOrder;
import io.tranche.core.error.DomainException;
import io.tranche.core.error.FieldChecks;
import io.tranche.core.error.Validation;
import io.tranche.core.milestone.PaymentPlan;
import io.tranche.core.money.Money;
import io.tranche.core.project.Project;
import io.tranche.core.project.ProjectType;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Starting out from the console: the workspace's settings page, and a new project for a client,
 * which leads straight to its first quote (the signed quote's plan becomes the project's plan).
 */
@Controller
class ConsoleSetupController {
  static final Map<String, String> SETTINGS_LABELS =
      Map.ofEntries(
          Map.entry("name", "Business name"),
          Map.entry("address", "Address"),
          Map.entry("taxId", "VAT or tax id"),
          Map.entry("currency", "Currency"),
          Map.entry("bankDetails", "Bank details"),
          Map.entry("invoicePrefix", "Invoice number prefix"),
          Map.entry("paymentTermsDays", "Payment terms"),
          Map.entry("timeZone", "Time zone"),
          Map.entry("signingOrder", "Who signs first"),
          Map.entry("taxNote", "Note on invoices without tax"));
  static final Map<String, String> PROJECT_LABELS =
      Map.of(
          "clientId", "Client",
          "name", "Project name",
          "type", "Kind of work",
          "currency", "Currency",
          "contactIds", "People at the client");

  /** The currencies offered first; any ISO 4217 code is accepted. */
  static final List<String> CURRENCIES =
      List.of("EUR", "USD", "GBP", "CHF", "SEK", "NOK", "DKK", "PLN", "CZK", "CAD", "AUD", "JPY");

  private final WorkspaceService workspaces;
  private final SettingsService settings;
  private final ClientService clients;
  private final ProjectService projects;
  private final WorkspaceLogos logos;

  ConsoleSetupController(
      WorkspaceService workspaces,
      SettingsService settings,
      ClientService clients,
      ProjectService projects,
      WorkspaceLogos logos) {
    this.logos = logos;
    this.workspaces = workspaces;
    this.settings = settings;
    this.clients = clients;
    this.projects = projects;
  }

  @GetMapping("/console/settings")
  String settings(Actor actor, Model model) {
    return settingsPage(actor, settingsForm(actor), Map.of(), model);
  }

  /** The owner uploads a logo; a refused file is named next to the field. */
  @PostMapping("/console/settings/logo")
  String uploadLogo(
      Actor actor,
      @RequestParam(name = "logo", required = false) @Nullable MultipartFile logo,
      HttpServletResponse response,
      RedirectAttributes redirect,
      Model model)
      throws IOException {
    try {
      if (logo == null || logo.isEmpty()) {
        throw new DomainException(
            WorkspaceErrors.BAD_LOGO, Map.of("problem", "was not chosen: pick an image file"));
      }
      try (InputStream in = logo.getInputStream()) {
        logos.upload(actor, in);
      }
      redirect.addFlashAttribute("saved", "Logo saved.");
      return "redirect:/console/settings";
    } catch (DomainException e) {
      response.setStatus(Errors.formStatus(e));
      return settingsPage(
          actor, settingsForm(actor), Map.of("logo", FormMessages.message(e)), model);
    }
  }

  @PostMapping("/console/settings/logo/remove")
  String removeLogo(Actor actor, RedirectAttributes redirect) {
    logos.remove(actor);
    redirect.addFlashAttribute("saved", "Logo removed.");
    return "redirect:/console/settings";
  }

  private Map<String, String> settingsForm(Actor actor) {
    WorkspaceSettings s = settings.settings(actor.workspaceId());
    Map<String, String> form = new LinkedHashMap<>();
    form.put("name", s.name());
    form.put("address", s.address() == null ? "" : s.address());
    form.put("taxId", s.taxId() == null ? "" : s.taxId());
    form.put("currency", s.currency());
    form.put("bankDetails", s.bankDetails() == null ? "" : s.bankDetails());
    form.put("invoicePrefix", s.invoicePrefix());
    form.put("paymentTermsDays", String.valueOf(s.paymentTermsDays()));
    form.put("timeZone", s.timeZone());
    form.put("signingOrder", s.signingOrder().name());
    form.put("workBeforeContract", s.workBeforeContract() ? "true" : "");
    form.put("taxNote", s.taxNote() == null ? "" : s.taxNote());
    return form;
  }

  @PostMapping("/console/settings")
  String saveSettings(
      Actor actor,
      @RequestParam Map<String, String> form,
      HttpServletResponse response,
      RedirectAttributes redirect,
      Model model) {
    try {
      settings.update(actor, change(form));
      redirect.addFlashAttribute("saved", "Settings saved.");
      return "redirect:/console/settings";
    } catch (DomainException e) {
      response.setStatus(Errors.formStatus(e));
      return settingsPage(actor, form, FormMessages.of(e, SETTINGS_LABELS, "name"), model);
    }
  }

  @GetMapping("/console/projects/new")
  String newProject(
      Actor actor, @RequestParam(required = false) @Nullable UUID client, Model model) {
    Map<String, Object> form = new LinkedHashMap<>();
    form.put("clientId", client == null ? "" : client.toString());
    form.put("currency", settings.settings(actor.workspaceId()).currency());
    form.put("type", ProjectType.WEB.name());
    form.put("contactIds", List.of());
    return projectPage(actor, form, Map.of(), model);
  }

  @PostMapping("/console/projects")
  String createProject(
      Actor actor,
      @RequestParam MultiValueMap<String, String> values,
      HttpServletResponse response,
      Model model) {
    Map<String, Object> form = new LinkedHashMap<>();
    values.forEach((k, v) -> form.put(k, k.equals("contactIds") ? v : v.get(0)));
    form.putIfAbsent("contactIds", List.of());
    try {
      ProjectView created = projects.create(actor, newProject(values));
      return "redirect:/console/projects/" + created.id() + "/quotes/new";
    } catch (DomainException e) {
      response.setStatus(Errors.formStatus(e));
      return projectPage(actor, form, FormMessages.of(e, PROJECT_LABELS, "name"), model);
    }
  }

  /** A project from the form, every field checked at once; its draft plan waits for the quote. */
  private static NewProject newProject(MultiValueMap<String, String> values) {
    FieldChecks checks = new FieldChecks();
    UUID client =
        checks.check(
            "clientId",
            () -> {
              String id = Validation.text("clientId", values.getFirst("clientId"), 36);
              try {
                return UUID.fromString(id);
              } catch (IllegalArgumentException e) {
                throw DomainException.field(
                    Validation.REQUIRED, "clientId", Map.of("field", "clientId"));
              }
            });
    String name =
        checks.check(
            "name", () -> Validation.text("name", values.getFirst("name"), Project.NAME_MAX));
    ProjectType type =
        checks.check(
            "type",
            () -> {
              String text = Validation.text("type", values.getFirst("type"), 20);
              try {
                return ProjectType.valueOf(text.toUpperCase(Locale.ROOT));
              } catch (IllegalArgumentException e) {
                throw Errors.notOffered("type", ProjectType.values());
              }
            });
    java.util.Currency currency =
        checks.check(
            "currency",
            () -> Money.currency(Validation.text("currency", values.getFirst("currency"), 3)));
    List<UUID> contacts = new ArrayList<>();
    checks.check(
        "contactIds",
        () -> {
          for (String id : values.getOrDefault("contactIds", List.of())) {
            contacts.add(UUID.fromString(id));
          }
          return contacts;
        });
    checks.throwIfAny();
    Money zero = Money.zero(currency);
    return new NewProject(client, name, type, zero, PaymentPlan.thirds(zero), contacts);
  }

  private String settingsPage(
      Actor actor, Map<String, String> form, Map<String, String> errors, Model model) {
    header(actor, model);
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    model.addAttribute("currencies", CURRENCIES);
    model.addAttribute("zones", zones());
    model.addAttribute("signingOrders", SigningOrder.values());
    return "console/settings";
  }

  private String projectPage(
      Actor actor, Map<String, Object> form, Map<String, String> errors, Model model) {
    header(actor, model);
    List<ClientView> all = clients.clients(actor, new Paging(0, Paging.MAX_SIZE)).items();
    Map<ClientView, List<ContactView>> contacts = new LinkedHashMap<>();
    Map<UUID, List<ContactView>> byClient =
        clients.contactsOfWorkspace(actor, 1000).stream()
            .collect(java.util.stream.Collectors.groupingBy(ContactView::clientId));
    for (ClientView c : all) {
      contacts.put(c, byClient.getOrDefault(c.id(), List.of()));
    }
    model.addAttribute("clientContacts", contacts);
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    model.addAttribute("currencies", CURRENCIES);
    model.addAttribute("types", ProjectType.values());
    return "console/project-new";
  }

  private void header(Actor actor, Model model) {
    model.addAttribute("workspace", workspaces.current(actor));
    model.addAttribute("actor", actor);
  }

  private static WorkspaceSettings.Change change(Map<String, String> form) {
    Integer days;
    try {
      days = Integer.valueOf(form.getOrDefault("paymentTermsDays", "").strip());
    } catch (NumberFormatException e) {
      days = -1; // refused as out of range, next to the field
    }
    // none keeps the current order; a name the list does not offer is refused, not ignored
    String orderText = form.getOrDefault("signingOrder", "").strip();
    SigningOrder order;
    try {
      order = orderText.isEmpty() ? null : SigningOrder.valueOf(orderText);
    } catch (IllegalArgumentException e) {
      throw Errors.notOffered("signingOrder", SigningOrder.values());
    }
    return new WorkspaceSettings.Change(
        form.getOrDefault("name", ""),
        form.getOrDefault("address", ""),
        form.getOrDefault("taxId", ""),
        form.getOrDefault("currency", ""),
        form.getOrDefault("bankDetails", ""),
        form.getOrDefault("invoicePrefix", ""),
        days,
        form.getOrDefault("timeZone", ""),
        order,
        "true".equals(form.get("workBeforeContract")),
        form.getOrDefault("taxNote", ""));
  }

  /** Region time zones people pick from (Europe/Berlin), sorted. */
  private static List<String> zones() {
    List<String> regions =
        ZoneId.getAvailableZoneIds().stream()
            .filter(
                z ->
                    z.matches(
                        "(Africa|America|Asia|Atlantic|Australia|Europe|Pacific)/[A-Za-z_/-]+"))
            .sorted()
            .toList();
    List<String> zones = new ArrayList<>(List.of("UTC"));
    zones.addAll(regions);
    return zones;
  }
}
