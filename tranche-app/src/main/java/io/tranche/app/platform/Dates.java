package io.tranche.app.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Dates and moments as pages show them to people, in the workspace's time zone: {@code 14 Dec
 * 2026}, {@code 14 Dec 2026, 09:30}. Never an ISO instant with microseconds.
 */
public final class Dates {
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter MOMENT =
      DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);
  private static final DateTimeFormatter ZONED =
      DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm z", Locale.ENGLISH);

  private Dates() {}

  /**
   * A date as a form's date field sends it ({@code 2026-12-01}); an empty or malformed one is
   * refused naming {@code field}.
   */
  public static LocalDate typed(@Nullable String text, String field) {
    try {
      return LocalDate.parse(text == null ? "" : text.strip());
    } catch (java.time.format.DateTimeParseException e) {
      throw io.tranche.core.error.DomainException.field(
          io.tranche.core.error.Validation.REQUIRED,
          field,
          java.util.Map.of("field", field + " (a date)"));
    }
  }

  public static String day(@Nullable LocalDate date) {
    return date == null ? "" : DAY.format(date);
  }

  public static String day(@Nullable Instant at, ZoneId zone) {
    return at == null ? "" : DAY.format(at.atZone(zone));
  }

  public static String moment(@Nullable Instant at, ZoneId zone) {
    return at == null ? "" : MOMENT.format(at.atZone(zone));
  }

  /**
   * A moment with its time zone, {@code 14 Dec 2026, 09:30 CET}: for a time a reader elsewhere acts
   * on (when a meeting was held).
   */
  public static String zoned(@Nullable Instant at, ZoneId zone) {
    return at == null ? "" : ZONED.format(at.atZone(zone));
  }
}
