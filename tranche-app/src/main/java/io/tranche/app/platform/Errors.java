package io.tranche.app.platform;

import io.tranche.core.error.DomainException;
import io.tranche.core.error.ErrorCode;
import io.tranche.core.error.ErrorKind;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/** Error codes of the application's edges, and helpers to raise the common ones. */
public final class Errors {
  public static final ErrorCode NOT_FOUND =
      new ErrorCode("resource.not-found", ErrorKind.NOT_FOUND, "no {resource} with id {id}");
  public static final ErrorCode FORBIDDEN =
      new ErrorCode(
          "auth.forbidden", ErrorKind.FORBIDDEN, "this needs {needed}, which the caller is not");
  public static final ErrorCode MALFORMED_JSON =
      new ErrorCode(
          "request.malformed-json",
          ErrorKind.INVALID,
          "the request body is not valid JSON: {problem}");
  public static final ErrorCode BAD_VALUE =
      new ErrorCode(
          "request.bad-value",
          ErrorKind.INVALID,
          "{field} has the wrong type: expected {expected}");
  public static final ErrorCode NOT_OFFERED =
      new ErrorCode("request.not-offered", ErrorKind.INVALID, "{field} must be one of {choices}");
  public static final ErrorCode UNKNOWN_FIELD =
      new ErrorCode(
          "request.unknown-field",
          ErrorKind.INVALID,
          "{field} is not a field of this request; known fields are {known}");
  public static final ErrorCode BAD_PARAMETER =
      new ErrorCode(
          "request.bad-parameter", ErrorKind.INVALID, "parameter {field} is not valid: {problem}");

  public static final ErrorCode REQUEST_TOO_LARGE =
      new ErrorCode(
          "request.too-large",
          ErrorKind.TOO_LARGE,
          "the request body is larger than this endpoint accepts: at most {limit} ({maxBytes}"
              + " bytes)");

  private Errors() {}

  /** The one mapping of error kinds to HTTP statuses, for the API and for pages. */
  public static int httpStatus(ErrorKind kind) {
    return switch (kind) {
      case INVALID -> 400;
      case NOT_FOUND -> 404;
      case CONFLICT -> 409;
      case FORBIDDEN -> 403;
      case RATE_LIMITED -> 429;
      case TOO_LARGE -> 413;
      case GONE -> 410;
    };
  }

  /**
   * The status of a page that shows a refused form again with the error next to its field. A
   * refusal that is not about the form (not found, forbidden) is rethrown, so the caller gets the
   * error page with that status instead of a form they may not see.
   */
  public static int formStatus(DomainException e) {
    ErrorKind kind = e.code().kind();
    if (kind == ErrorKind.NOT_FOUND || kind == ErrorKind.FORBIDDEN) {
      throw e;
    }
    return httpStatus(kind);
  }

  /** A 404 for a resource that does not exist or belongs to another workspace. */
  public static DomainException notFound(String resource, UUID id) {
    return new DomainException(NOT_FOUND, Map.of("resource", resource, "id", id));
  }

  /** A supplier of {@link #notFound}, for {@code Optional.orElseThrow}. */
  public static Supplier<DomainException> notFoundSupplier(String resource, UUID id) {
    return () -> notFound(resource, id);
  }

  /**
   * Runs {@code action} and prefixes the field of a domain refusal with {@code prefix}, so an error
   * in a nested JSON object names its full path, e.g. {@code milestones[1].amount}.
   */
  public static <T> T at(String prefix, Supplier<T> action) {
    try {
      return action.get();
    } catch (DomainException e) {
      String field = e.field() == null ? prefix : prefix + "." + e.field();
      throw new DomainException(e.code(), field, e.args());
    }
  }

  /**
   * A form value that none of the choices a page offers has (a hand-made request): refused as such,
   * not as missing.
   */
  public static DomainException notOffered(String field, Enum<?>[] choices) {
    return DomainException.field(
        NOT_OFFERED,
        field,
        Map.of(
            "field",
            field,
            "choices",
            String.join(", ", java.util.Arrays.stream(choices).map(Enum::name).toList())));
  }
}
