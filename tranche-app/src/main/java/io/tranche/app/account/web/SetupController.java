package io.tranche.app.account.web;

import io.tranche.app.account.AccountErrors;
import io.tranche.app.account.SetupService;
import io.tranche.app.account.internal.SignIn;
import io.tranche.app.platform.Actor;
import io.tranche.core.error.DomainException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The one-time setup page that creates the first workspace and its owner. */
@Controller
class SetupController {
  private final SetupService setup;
  private final SignIn signIn;

  SetupController(SetupService setup, SignIn signIn) {
    this.setup = setup;
    this.signIn = signIn;
  }

  @GetMapping("/setup")
  String form(
      @RequestParam(defaultValue = "") String token, HttpServletResponse response, Model model) {
    model.addAttribute("token", token);
    if (!setup.isUsable(token)) {
      response.setStatus(HttpServletResponse.SC_NOT_FOUND);
      FormErrors.add(
          model, DomainException.field(AccountErrors.SETUP_INVALID, "token", Map.of()), "token");
    }
    return "account/setup";
  }

  @PostMapping("/setup")
  String create(
      @RequestParam(defaultValue = "") String token,
      @RequestParam(defaultValue = "") String workspaceName,
      @RequestParam(defaultValue = "") String name,
      @RequestParam(defaultValue = "") String email,
      @RequestParam(defaultValue = "") String password,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    model.addAttribute("token", token);
    model.addAttribute("workspaceName", workspaceName);
    model.addAttribute("name", name);
    model.addAttribute("email", email);
    try {
      Actor owner = setup.complete(token, workspaceName, name, email, password);
      signIn.newOwner(owner, request, response);
      return "redirect:/console";
    } catch (DomainException e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      FormErrors.add(model, e, "workspaceName");
      return "account/setup";
    }
  }
}
