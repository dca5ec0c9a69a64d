package io.tranche.app.platform.internal;

import io.tranche.app.platform.FormMessages;
import io.tranche.core.error.DomainException;
import io.tranche.core.error.ErrorKind;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Shows a refusal on a console or portal page as an error page: what went wrong in words, the
 * status the API would use, the code for whoever helps (collapsed), and the way back to the side
 * the person came from. (JSON API errors are {@link ProblemHandler}'s.)
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class PageErrors {
  @ExceptionHandler(DomainException.class)
  String refused(
      DomainException e, HttpServletRequest request, HttpServletResponse response, Model model) {
    response.setStatus(ProblemHandler.status(e.code().kind()).value());
    // "no quote with id 6924e6bd-…" tells a person nothing they can act on
    model.addAttribute(
        "message",
        e.code().kind() == ErrorKind.NOT_FOUND
            ? "There is nothing here, or your sign-in may not open it. A link from a mail may be"
                + " meant for someone else: ask whoever sent it."
            : FormMessages.message(e));
    model.addAttribute("code", e.code().slug());
    String path = request.getRequestURI().substring(request.getContextPath().length());
    boolean portal = path.startsWith("/portal");
    boolean console = path.startsWith("/console");
    model.addAttribute("back", portal ? "/portal" : console ? "/console" : "/");
    model.addAttribute(
        "backLabel",
        portal ? "Back to your projects" : console ? "Back to the console" : "Back to the start");
    return "error-page";
  }
}
