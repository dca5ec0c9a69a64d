package io.tranche.app.account.web;

import io.tranche.core.error.DomainException;
import io.tranche.core.error.ErrorKind;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;

/** Puts a refusal next to its field on a page: the model's {@code errors} map, by field. */
final class FormErrors {
  private FormErrors() {}

  static void add(Model model, DomainException e, String fallbackField) {
    model.addAttribute("errors", io.tranche.app.platform.FormMessages.of(e, fallbackField));
    model.addAttribute("errorCode", e.code().slug());
  }

  /**
   * The status of a refused sign-in form: 429 with {@code Retry-After} (seconds) when rate-limited,
   * otherwise {@code otherwise}.
   */
  static void status(HttpServletResponse response, DomainException e, int otherwise) {
    if (e.code().kind() == ErrorKind.RATE_LIMITED) {
      response.setStatus(429);
      Object seconds = e.args().get("seconds");
      if (seconds != null) {
        response.setHeader("Retry-After", seconds.toString());
      }
    } else {
      response.setStatus(otherwise);
    }
  }
}
