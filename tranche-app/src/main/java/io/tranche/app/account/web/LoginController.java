package io.tranche.app.account.web;

import io.tranche.app.account.AccountErrors;
import io.tranche.app.account.RateLimitProperties;
import io.tranche.app.account.RateLimiter;
import io.tranche.app.account.internal.SignIn;
import io.tranche.app.platform.CurrentActor;
import io.tranche.app.platform.DeepLink;
import io.tranche.core.error.DomainException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The landing page and the members' password sign-in. */
@Controller
class LoginController {
  private final AuthenticationManager authentication;
  private final SignIn signIn;
  private final RateLimiter limiter;
  private final RateLimitProperties limits;

  LoginController(
      AuthenticationManager authentication,
      SignIn signIn,
      RateLimiter limiter,
      RateLimitProperties limits) {
    this.authentication = authentication;
    this.signIn = signIn;
    this.limiter = limiter;
    this.limits = limits;
  }

  @GetMapping("/")
  String home() {
    return CurrentActor.get()
        .map(actor -> actor.isMember() ? "redirect:/console" : "redirect:/portal")
        .orElse("account/home");
  }

  @GetMapping("/login")
  String form(@RequestParam(defaultValue = "") String next, Model model) {
    model.addAttribute("next", DeepLink.console(next).orElse(""));
    return "account/login";
  }

  @PostMapping("/login")
  String login(
      @RequestParam(defaultValue = "") String email,
      @RequestParam(defaultValue = "") String password,
      @RequestParam(defaultValue = "") String next,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    model.addAttribute("email", email);
    model.addAttribute("next", DeepLink.console(next).orElse(""));
    try {
      // Throttled per client address, and per account from that address: never per account alone,
      // or anybody could lock the owner out by failing on purpose (see docs/decisions.md).
      String address = RateLimiter.addressKey(request.getRemoteAddr());
      String account = "login-account-ip:" + email.strip().toLowerCase(Locale.ROOT) + "|" + address;
      limiter.acquire("login-ip:" + address, limits.loginPerIp(), "email");
      limiter.acquire(account, limits.loginPerAccountAndIp(), "email");
      Authentication checked;
      try {
        checked =
            authentication.authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated(email.strip(), password));
      } catch (AuthenticationException e) {
        throw DomainException.field(AccountErrors.BAD_CREDENTIALS, "password", Map.of());
      }
      signIn.member(checked, request, response);
      // only failures count against the limits
      limiter.release("login-ip:" + address, limits.loginPerIp());
      limiter.release(account, limits.loginPerAccountAndIp());
      return "redirect:" + DeepLink.console(next).orElse("/console");
    } catch (DomainException e) {
      FormErrors.status(response, e, 401);
      FormErrors.add(model, e, "email");
      return "account/login";
    }
  }
}
