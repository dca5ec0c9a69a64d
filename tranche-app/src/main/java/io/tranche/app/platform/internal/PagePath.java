package io.tranche.app.platform.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives console and portal pages the path they were asked for, so a page's tabs can mark the one
 * shown ({@code aria-current}).
 */
@ControllerAdvice(basePackages = {"io.tranche.app.console", "io.tranche.app.portal"})
class PagePath {
  @ModelAttribute("path")
  String path(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }
}
