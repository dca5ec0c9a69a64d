package io.tranche.app.webhook.web;

import io.tranche.app.platform.Actor;
import io.tranche.app.platform.FormMessages;
import io.tranche.app.webhook.WebhookEndpoints;
import io.tranche.app.webhook.WebhookTypes;
import io.tranche.app.workspace.WorkspaceService;
import io.tranche.core.error.DomainException;
import io.tranche.core.error.ErrorKind;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The console's webhooks page: endpoints (add, rotate the secret, disable) and deliveries. */
@Controller
class WebhookPages {
  private final WebhookEndpoints endpoints;
  private final WorkspaceService workspaces;

  WebhookPages(WebhookEndpoints endpoints, WorkspaceService workspaces) {
    this.endpoints = endpoints;
    this.workspaces = workspaces;
  }

  @GetMapping("/console/settings/webhooks")
  String page(Actor actor, Model model) {
    model.addAttribute("actor", actor);
    model.addAttribute("workspace", workspaces.current(actor));
    model.addAttribute("endpoints", endpoints.endpoints(actor));
    model.addAttribute("deliveries", endpoints.deliveries(actor));
    model.addAttribute("types", WebhookTypes.ALL);
    return "console/webhooks";
  }

  @PostMapping("/console/settings/webhooks")
  String add(
      Actor actor,
      @RequestParam(defaultValue = "") String url,
      @RequestParam(required = false) List<String> events,
      RedirectAttributes redirect) {
    try {
      var created = endpoints.create(actor, url, events);
      redirect.addFlashAttribute(
          "saved", "Endpoint added. Its signing secret, shown only now: " + created.secret());
    } catch (DomainException e) {
      if (e.code().kind() != ErrorKind.INVALID) {
        throw e;
      }
      redirect.addFlashAttribute("error", FormMessages.message(e));
      redirect.addFlashAttribute("url", url);
    }
    return "redirect:/console/settings/webhooks";
  }

  @PostMapping("/console/settings/webhooks/{endpointId}/rotation")
  String rotate(Actor actor, @PathVariable UUID endpointId, RedirectAttributes redirect) {
    var rotated = endpoints.rotate(actor, endpointId);
    redirect.addFlashAttribute(
        "saved",
        "New signing secret, shown only now (the old one still signs for 24 hours): "
            + rotated.secret());
    return "redirect:/console/settings/webhooks";
  }

  @PostMapping("/console/settings/webhooks/{endpointId}/disable")
  String disable(Actor actor, @PathVariable UUID endpointId, RedirectAttributes redirect) {
    endpoints.disable(actor, endpointId);
    redirect.addFlashAttribute("saved", "Endpoint disabled: nothing more is sent to it.");
    return "redirect:/console/settings/webhooks";
  }

  @PostMapping("/console/webhook-deliveries/{deliveryId}/resend")
  String resend(Actor actor, @PathVariable UUID deliveryId, RedirectAttributes redirect) {
    endpoints.resend(actor, deliveryId);
    redirect.addFlashAttribute("saved", "Delivery queued again.");
    return "redirect:/console/settings/webhooks";
  }
}
