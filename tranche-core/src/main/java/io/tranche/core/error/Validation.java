package io.tranche.core.error;

import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Field checks shared by the domain's constructors; each failure names the field. */
public final class Validation {
  public static final ErrorCode REQUIRED =
      new ErrorCode("validation.required", ErrorKind.INVALID, "{field} is required");
  public static final ErrorCode TOO_LONG =
      new ErrorCode(
          "validation.too-long",
          ErrorKind.INVALID,
          "{field} must be at most {max} characters, was {length}");
  public static final ErrorCode BAD_EMAIL =
      new ErrorCode(
          "validation.bad-email",
          ErrorKind.INVALID,
          "{field} must be an email address like name@example.com");
  public static final ErrorCode OUT_OF_RANGE =
      new ErrorCode(
          "validation.out-of-range",
          ErrorKind.INVALID,
          "{field} must be between {min} and {max}, was {value}");

  public static final ErrorCode BAD_CHARACTERS =
      new ErrorCode(
          "validation.bad-characters",
          ErrorKind.INVALID,
          "{field} contains a character that is not text (a NUL or a broken surrogate pair)");
  public static final ErrorCode TOO_MANY =
      new ErrorCode(
          "validation.too-many",
          ErrorKind.INVALID,
          "{field} has {count} entries; at most {max} are accepted");
  public static final ErrorCode DATE_OUT_OF_RANGE =
      new ErrorCode(
          "validation.date-out-of-range",
          ErrorKind.INVALID,
          "{field} must be a date from {earliest} to {latest}, was {value}");

  private static final Pattern EMAIL =
      Pattern.compile(
          "[^@\\s]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?(?:\\.[A-Za-z0-9-]{1,63})+");

  private Validation() {}

  /** A trimmed, non-blank text of at most {@code max} characters. */
  public static String text(String field, @Nullable String value, int max) {
    if (value == null || value.isBlank()) {
      throw DomainException.field(REQUIRED, field, Map.of("field", field));
    }
    String trimmed = value.strip();
    if (trimmed.length() > max) {
      throw DomainException.field(
          TOO_LONG, field, Map.of("field", field, "max", max, "length", trimmed.length()));
    }
    if (!isText(trimmed)) {
      throw DomainException.field(BAD_CHARACTERS, field, Map.of("field", field));
    }
    return trimmed;
  }

  /**
   * Whether {@code value} is storable text: no NUL (PostgreSQL refuses it in text columns) and no
   * lone surrogate (it has no UTF-8 form).
   */
  public static boolean isText(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == 0) {
        return false;
      }
      if (Character.isHighSurrogate(c)
          && i + 1 < value.length()
          && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  /** An optional text: {@code null} or blank becomes {@code null}, otherwise as {@link #text}. */
  public static @Nullable String optionalText(String field, @Nullable String value, int max) {
    return value == null || value.isBlank() ? null : text(field, value, max);
  }

  /** A trimmed email address, lower-cased for comparison. */
  public static String email(String field, @Nullable String value) {
    String text = text(field, value, 320);
    if (!EMAIL.matcher(text).matches()) {
      throw DomainException.field(BAD_EMAIL, field, Map.of("field", field));
    }
    return text.toLowerCase(java.util.Locale.ROOT);
  }

  /** A required value. */
  public static <T> T required(String field, @Nullable T value) {
    if (value == null) {
      throw DomainException.field(REQUIRED, field, Map.of("field", field));
    }
    return value;
  }

  /** A list of at most {@code max} entries. */
  public static <T> java.util.List<T> atMost(String field, java.util.List<T> list, int max) {
    if (list.size() > max) {
      throw DomainException.field(
          TOO_MANY, field, Map.of("field", field, "count", list.size(), "max", max));
    }
    return list;
  }

  /**
   * A date within {@code [today − past, today + future]}: what a person can mean by a payment or
   * meeting date, so a typo such as year 20026 or {@code +999999999-12-31} is refused at the edge.
   */
  public static java.time.LocalDate dateWithin(
      String field,
      java.time.LocalDate value,
      java.time.LocalDate today,
      java.time.Period past,
      java.time.Period future) {
    java.time.LocalDate earliest = today.minus(past);
    java.time.LocalDate latest = today.plus(future);
    if (value.isBefore(earliest) || value.isAfter(latest)) {
      throw DomainException.field(
          DATE_OUT_OF_RANGE,
          field,
          Map.of("field", field, "earliest", earliest, "latest", latest, "value", value));
    }
    return value;
  }

  /** A whole number within {@code [min, max]}. */
  public static long range(String field, long value, long min, long max) {
    if (value < min || value > max) {
      throw DomainException.field(
          OUT_OF_RANGE, field, Map.of("field", field, "min", min, "max", max, "value", value));
    }
    return value;
  }
}
