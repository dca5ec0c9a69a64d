package io.tranche.app.account.web;

import io.tranche.app.account.AccountErrors;
import io.tranche.app.account.MagicLinkService;
import io.tranche.app.account.RateLimitProperties;
import io.tranche.app.account.RateLimiter;
import io.tranche.app.account.internal.SignIn;
import io.tranche.app.platform.Actor;
import io.tranche.app.platform.DeepLink;
import io.tranche.app.workspace.WorkspaceService;
import io.tranche.core.error.DomainException;
import io.tranche.core.error.Validation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Client contacts' sign-in by magic link: ask for a link, open it (a confirm page that does not use
 * it up), confirm (which signs in).
 */
@Controller
class PortalLoginController {
  private final MagicLinkService links;
  private final SignIn signIn;
  private final RateLimiter limiter;
  private final RateLimitProperties limits;
  private final WorkspaceService workspaces;

  PortalLoginController(
      MagicLinkService links,
      SignIn signIn,
      RateLimiter limiter,
      RateLimitProperties limits,
      WorkspaceService workspaces) {
    this.workspaces = workspaces;
    this.links = links;
    this.signIn = signIn;
    this.limiter = limiter;
    this.limits = limits;
  }

  /** The sign-in page; {@code w} names the workspace whose portal it is (from its own links). */
  @GetMapping("/portal/login")
  String form(
      @RequestParam(defaultValue = "") String w,
      @RequestParam(defaultValue = "") String next,
      Model model) {
    portal(w, model);
    model.addAttribute("next", DeepLink.portal(next).orElse(""));
    return "account/portal-login";
  }

  @PostMapping("/portal/login")
  String request(
      @RequestParam(defaultValue = "") String email,
      @RequestParam(defaultValue = "") String w,
      @RequestParam(defaultValue = "") String next,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    model.addAttribute("email", email);
    UUID portal = portal(w, model);
    model.addAttribute("next", DeepLink.portal(next).orElse(""));
    try {
      String address = Validation.email("email", email);
      limiter.acquire(
          "magic-ip:" + RateLimiter.addressKey(request.getRemoteAddr()),
          limits.magicLinkPerIp(),
          "email");
      limiter.acquire("magic-account:" + address, limits.magicLinkPerAccount(), "email");
      links.request(address, portal, DeepLink.portal(next).orElse(null));
      model.addAttribute("sent", true);
      return "account/portal-login";
    } catch (DomainException e) {
      FormErrors.status(response, e, HttpServletResponse.SC_BAD_REQUEST);
      FormErrors.add(model, e, "email");
      return "account/portal-login";
    }
  }

  /**
   * The workspace a sign-in page belongs to, when {@code w} names one that exists; its name is
   * shown.
   */
  private @Nullable UUID portal(String w, Model model) {
    UUID id;
    try {
      id = w.isBlank() ? null : UUID.fromString(w.strip());
    } catch (IllegalArgumentException e) {
      id = null;
    }
    if (id == null) {
      return null;
    }
    Optional<String> name = workspaces.name(id);
    if (name.isEmpty()) {
      return null;
    }
    model.addAttribute("workspace", id);
    model.addAttribute("workspaceName", name.get());
    return id;
  }

  @GetMapping("/portal/magic")
  String confirm(
      @RequestParam(defaultValue = "") String token, HttpServletResponse response, Model model) {
    model.addAttribute("token", token);
    if (!links.isUsable(token)) {
      refused(token, response, model);
    }
    return "account/portal-confirm";
  }

  @PostMapping("/portal/magic")
  String signIn(
      @RequestParam(defaultValue = "") String token,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    String landing = links.landing(token);
    Optional<Actor> contact = links.consume(token);
    if (contact.isEmpty()) {
      refused(token, response, model);
      return "account/portal-confirm";
    }
    signIn.contact(contact.get(), request, response);
    return "redirect:" + landing;
  }

  /** A link that no longer signs in: said so, with the way to a new one for the same business. */
  private void refused(String token, HttpServletResponse response, Model model) {
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    FormErrors.add(
        model, DomainException.field(AccountErrors.LINK_INVALID, "token", Map.of()), "token");
    links.workspaceOf(token).ifPresent(w -> model.addAttribute("workspace", w));
  }
}
