package io.tranche.app.platform.internal;

import io.tranche.core.error.DomainException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Shows a refusal on a console or portal page as an error page with the message, the code and the
 * status the API would use. (JSON API errors are {@link ProblemHandler}'s.)
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class PageErrors {
  @ExceptionHandler(DomainException.class)
  String refused(DomainException e, HttpServletResponse response, Model model) {
    response.setStatus(ProblemHandler.status(e.code().kind()).value());
    model.addAttribute("message", e.getMessage());
    model.addAttribute("code", e.code().slug());
    return "error-page";
  }
}
