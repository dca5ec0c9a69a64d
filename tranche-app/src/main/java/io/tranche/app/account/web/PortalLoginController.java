package io.tranche.app.account.web;

import io.tranche.app.account.AccountErrors;
import io.tranche.app.account.MagicLinkService;
import io.tranche.app.account.RateLimitProperties;
import io.tranche.app.account.RateLimiter;
import io.tranche.app.account.internal.SignIn;
import io.tranche.app.platform.Actor;
import io.tranche.core.error.DomainException;
import io.tranche.core.error.Validation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Optional;
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

  PortalLoginController(
      MagicLinkService links, SignIn signIn, RateLimiter limiter, RateLimitProperties limits) {
    this.links = links;
    this.signIn = signIn;
    this.limiter = limiter;
    this.limits = limits;
  }

  @GetMapping("/portal/login")
  String form() {
    return "account/portal-login";
  }

  @PostMapping("/portal/login")
  String request(
      @RequestParam(defaultValue = "") String email,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    model.addAttribute("email", email);
    try {
      String address = Validation.email("email", email);
      limiter.acquire("magic-ip:" + request.getRemoteAddr(), limits.magicLinkPerIp(), "email");
      limiter.acquire("magic-account:" + address, limits.magicLinkPerAccount(), "email");
      links.request(address);
      model.addAttribute("sent", true);
      return "account/portal-login";
    } catch (DomainException e) {
      response.setStatus(
          e.code() == AccountErrors.RATE_LIMITED ? 429 : HttpServletResponse.SC_BAD_REQUEST);
      FormErrors.add(model, e, "email");
      return "account/portal-login";
    }
  }

  @GetMapping("/portal/magic")
  String confirm(
      @RequestParam(defaultValue = "") String token, HttpServletResponse response, Model model) {
    model.addAttribute("token", token);
    if (!links.isUsable(token)) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      FormErrors.add(
          model, DomainException.field(AccountErrors.LINK_INVALID, "token", Map.of()), "token");
    }
    return "account/portal-confirm";
  }

  @PostMapping("/portal/magic")
  String signIn(
      @RequestParam(defaultValue = "") String token,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    Optional<Actor> contact = links.consume(token);
    if (contact.isEmpty()) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      FormErrors.add(
          model, DomainException.field(AccountErrors.LINK_INVALID, "token", Map.of()), "token");
      return "account/portal-confirm";
    }
    signIn.contact(contact.get(), request, response);
    return "redirect:/portal";
  }
}
