package io.tranche.app.platform.internal;

import io.tranche.app.platform.Errors;
import io.tranche.core.error.DomainException;
import io.tranche.core.error.ErrorCode;
import io.tranche.core.error.ErrorKind;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every error of the JSON API into an RFC 9457 {@code application/problem+json} response with
 * a stable {@code code} and, for bad input, the {@code errors} per field. Never a stack trace, SQL,
 * path or secret: an unexpected error gets a correlation id that is also in the log line.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProblemHandler {
  private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
  static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;

  private final RequestBodyLimit bodyLimit;

  ProblemHandler(RequestBodyLimit bodyLimit) {
    this.bodyLimit = bodyLimit;
  }

  @ExceptionHandler(DomainException.class)
  ResponseEntity<Map<String, Object>> domain(DomainException e, HttpServletRequest request) {
    if (e instanceof io.tranche.core.error.FieldChecks.InvalidFields fields) {
      HttpStatus status = status(e.code().kind());
      Map<String, Object> body = body(status, e.code().slug(), e.getMessage(), request);
      body.put(
          "errors",
          fields.refusals().stream()
              .map(
                  r ->
                      Map.of(
                          "field",
                          String.valueOf(r.field()),
                          "code",
                          r.code().slug(),
                          "message",
                          r.getMessage()))
              .toList());
      return ResponseEntity.status(status).contentType(PROBLEM).body(body);
    }
    ResponseEntity<Map<String, Object>> problem =
        problem(e.code(), e.getMessage(), e.field(), request);
    Object seconds = e.args().get("seconds");
    if (e.code().kind() == ErrorKind.RATE_LIMITED && seconds != null) {
      return ResponseEntity.status(problem.getStatusCode())
          .headers(problem.getHeaders())
          .header("Retry-After", seconds.toString())
          .body(problem.getBody());
    }
    return problem;
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Map<String, Object>> unreadable(
      HttpMessageNotReadableException e, HttpServletRequest request) {
    if (RequestBodyLimit.tooLarge(e)) {
      return tooLarge(e, request);
    }
    Throwable cause = e.getCause();
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof DomainException domain) {
        String prefix = t == cause ? null : path(cause);
        String field =
            prefix == null
                ? domain.field()
                : domain.field() == null ? prefix : prefix + "." + domain.field();
        return problem(domain.code(), domain.getMessage(), field, request);
      }
    }
    if (cause instanceof UnrecognizedPropertyException unknown) {
      String field = path(unknown);
      var ex =
          DomainException.field(
              Errors.UNKNOWN_FIELD,
              field,
              Map.of("field", field, "known", String.valueOf(unknown.getKnownPropertyIds())));
      return domain(ex, request);
    }
    if (cause instanceof InvalidFormatException || cause instanceof MismatchedInputException) {
      MismatchedInputException mismatch = (MismatchedInputException) cause;
      String field = path(mismatch);
      if (field == null || field.isEmpty()) {
        return domain(
            new DomainException(Errors.MALFORMED_JSON, Map.of("problem", "expected a JSON object")),
            request);
      }
      Class<?> target = mismatch.getTargetType();
      String expected = target == null ? "another type" : describe(target);
      return domain(
          DomainException.field(
              Errors.BAD_VALUE, field, Map.of("field", field, "expected", expected)),
          request);
    }
    String problem =
        cause instanceof JacksonException jackson
            ? firstLine(jackson.getOriginalMessage())
            : "the body is missing or cannot be read";
    return domain(new DomainException(Errors.MALFORMED_JSON, Map.of("problem", problem)), request);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<Map<String, Object>> typeMismatch(
      MethodArgumentTypeMismatchException e, HttpServletRequest request) {
    if (isPathVariable(e)) {
      return problem(Errors.NOT_FOUND, "no such resource", null, request);
    }
    String expected = e.getRequiredType() == null ? "another type" : describe(e.getRequiredType());
    return domain(
        DomainException.field(
            Errors.BAD_PARAMETER,
            e.getName(),
            Map.of("field", e.getName(), "problem", "expected " + expected)),
        request);
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<Map<String, Object>> missingParameter(
      MissingServletRequestParameterException e, HttpServletRequest request) {
    return domain(
        DomainException.field(
            Errors.BAD_PARAMETER,
            e.getParameterName(),
            Map.of("field", e.getParameterName(), "problem", "is required")),
        request);
  }

  @ExceptionHandler({
    HttpRequestMethodNotSupportedException.class,
    HttpMediaTypeNotSupportedException.class,
    HttpMediaTypeNotAcceptableException.class,
    NoResourceFoundException.class
  })
  ResponseEntity<Map<String, Object>> unrouted(Exception e, HttpServletRequest request) {
    return routing(e, request);
  }

  /**
   * The answer to a request no route takes as it came: no such path, or a method or media type its
   * path does not take (also for {@link ApiRoutingProblems}, which sees these before a controller
   * is chosen).
   */
  static ResponseEntity<Map<String, Object>> routing(Exception e, HttpServletRequest request) {
    if (e instanceof HttpRequestMethodNotSupportedException method) {
      ResponseEntity<Map<String, Object>> answer =
          plain(
              HttpStatus.METHOD_NOT_ALLOWED,
              "request.method-not-allowed",
              method.getMessage(),
              request);
      Set<HttpMethod> allowed = method.getSupportedHttpMethods();
      return allowed == null || allowed.isEmpty()
          ? answer
          : ResponseEntity.status(answer.getStatusCode())
              .contentType(PROBLEM)
              .allow(allowed.toArray(HttpMethod[]::new))
              .body(answer.getBody());
    }
    if (e instanceof HttpMediaTypeNotSupportedException) {
      return plain(
          HttpStatus.UNSUPPORTED_MEDIA_TYPE,
          "request.unsupported-media-type",
          "send the body as application/json",
          request);
    }
    if (e instanceof HttpMediaTypeNotAcceptableException) {
      return plain(
          HttpStatus.NOT_ACCEPTABLE,
          "request.not-acceptable",
          "this API answers in application/json: accept it",
          request);
    }
    return plain(HttpStatus.NOT_FOUND, "resource.not-found", "no such resource", request);
  }

  @ExceptionHandler(org.springframework.security.core.AuthenticationException.class)
  ResponseEntity<Map<String, Object>> unauthenticated(
      org.springframework.security.core.AuthenticationException e, HttpServletRequest request) {
    return plain(
        HttpStatus.UNAUTHORIZED,
        "auth.unauthenticated",
        "sign in first: send an API token as 'Authorization: Bearer <token>'",
        request);
  }

  @ExceptionHandler(org.springframework.security.access.AccessDeniedException.class)
  ResponseEntity<Map<String, Object>> denied(
      org.springframework.security.access.AccessDeniedException e, HttpServletRequest request) {
    return plain(HttpStatus.FORBIDDEN, "auth.forbidden", "you may not do this", request);
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ResponseEntity<Map<String, Object>> tooLarge(Exception e, HttpServletRequest request) {
    return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
        .contentType(PROBLEM)
        .body(RequestBodyLimit.tooLargeBody(bodyLimit.limitOf(e, request), request));
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<Map<String, Object>> unexpected(Exception e, HttpServletRequest request) {
    if (RequestBodyLimit.tooLarge(e)) {
      return tooLarge(e, request);
    }
    String correlationId = MDC.get(CorrelationIdFilter.MDC_KEY);
    log.error(
        "unexpected error {} on {} {}",
        correlationId,
        request.getMethod(),
        request.getRequestURI(),
        e);
    Map<String, Object> body =
        body(
            HttpStatus.INTERNAL_SERVER_ERROR,
            "server.internal",
            "Something went wrong on our side. Quote the correlation id when reporting it.",
            request);
    body.put("correlationId", correlationId);
    return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).contentType(PROBLEM).body(body);
  }

  static ResponseEntity<Map<String, Object>> problem(
      ErrorCode code, String message, @Nullable String field, HttpServletRequest request) {
    HttpStatus status = status(code.kind());
    Map<String, Object> body = body(status, code.slug(), message, request);
    if (field != null) {
      List<Map<String, String>> errors = new ArrayList<>();
      errors.add(Map.of("field", field, "code", code.slug(), "message", message));
      body.put("errors", errors);
    }
    return ResponseEntity.status(status).contentType(PROBLEM).body(body);
  }

  /** The HTTP status of an error kind ({@link Errors#httpStatus} is the one mapping). */
  static HttpStatus status(ErrorKind kind) {
    return HttpStatus.valueOf(Errors.httpStatus(kind));
  }

  static Map<String, Object> body(
      HttpStatus status, String code, String detail, HttpServletRequest request) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "urn:tranche:problem:" + code);
    body.put("title", status.getReasonPhrase());
    body.put("status", status.value());
    body.put("detail", detail);
    body.put("instance", URI.create(request.getRequestURI()).getPath());
    body.put("code", code);
    return body;
  }

  private static ResponseEntity<Map<String, Object>> plain(
      HttpStatus status, String code, String detail, HttpServletRequest request) {
    return ResponseEntity.status(status)
        .contentType(PROBLEM)
        .body(body(status, code, detail, request));
  }

  private static boolean isPathVariable(MethodArgumentTypeMismatchException e) {
    return e.getParameter()
        .hasParameterAnnotation(org.springframework.web.bind.annotation.PathVariable.class);
  }

  /** The JSON path of a Jackson error, e.g. {@code milestones[1].amount.amountMinor}. */
  static @Nullable String path(Throwable t) {
    if (!(t instanceof JacksonException jackson)) {
      return null;
    }
    StringBuilder out = new StringBuilder();
    for (JacksonException.Reference ref : jackson.getPath()) {
      if (ref.getPropertyName() != null) {
        if (!out.isEmpty()) {
          out.append('.');
        }
        out.append(ref.getPropertyName());
      } else if (ref.getIndex() >= 0) {
        out.append('[').append(ref.getIndex()).append(']');
      }
    }
    return out.toString();
  }

  private static String describe(Class<?> type) {
    if (type == long.class || type == Long.class || type == int.class || type == Integer.class) {
      return "a whole number";
    }
    if (type == String.class) {
      return "a string";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "true or false";
    }
    if (type.isEnum()) {
      List<String> names = new ArrayList<>();
      for (Object constant : type.getEnumConstants()) {
        names.add(((Enum<?>) constant).name());
      }
      return "one of " + names;
    }
    if (type == java.util.UUID.class) {
      return "an id (UUID)";
    }
    if (java.util.Collection.class.isAssignableFrom(type)) {
      return "a JSON array";
    }
    return "a JSON object";
  }

  private static String firstLine(@Nullable String message) {
    if (message == null) {
      return "unreadable";
    }
    int newline = message.indexOf('\n');
    String line = newline < 0 ? message : message.substring(0, newline);
    return line.length() > 200 ? line.substring(0, 200) : line;
  }
}
