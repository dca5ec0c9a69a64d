package io.tranche.app.platform.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives console and portal pages the path they were asked for, and the console section it belongs
 * to, so the header and a project's tabs mark the one shown ({@code aria-current}).
 */
@ControllerAdvice(
    basePackages = {
      "io.tranche.app.console",
      "io.tranche.app.portal",
      "io.tranche.app.dunning.web",
      "io.tranche.app.preview.web",
      "io.tranche.app.webhook.web"
    })
class PagePath {
  @ModelAttribute("path")
  String path(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }

  /** The console's section of a path: its first segment after /console, or projects. */
  @ModelAttribute("section")
  String section(HttpServletRequest request) {
    String[] parts = path(request).split("/");
    String first = parts.length > 2 ? parts[2] : "";
    return SECTIONS.contains(first) ? first : "projects";
  }

  private static final java.util.Set<String> SECTIONS =
      java.util.Set.of("clients", "invoices", "receivables", "settings", "tokens", "mailbox");
}
