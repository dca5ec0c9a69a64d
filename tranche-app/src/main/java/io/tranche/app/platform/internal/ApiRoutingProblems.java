package io.tranche.app.platform.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The API's answer, as {@code application/problem+json}, when no route takes a request: an unknown
 * path under {@code /api/}, or a method or media type its path does not take. Spring raises these
 * before a controller is chosen, where {@link ProblemHandler} (for the API's controllers) does not
 * apply, and Spring Boot answered with its own error JSON. Anything else (the pages) is thrown on
 * to Spring's own handling.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class ApiRoutingProblems {
  @ExceptionHandler({
    HttpRequestMethodNotSupportedException.class,
    HttpMediaTypeNotSupportedException.class,
    HttpMediaTypeNotAcceptableException.class,
    NoResourceFoundException.class
  })
  ResponseEntity<Map<String, Object>> unrouted(Exception e, HttpServletRequest request)
      throws Exception {
    if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
      // Spring carries on with the exception it was given, without a warning
      throw e;
    }
    return ProblemHandler.routing(e, request);
  }
}
