package io.tranche.app.platform;

import io.tranche.core.error.DomainException;
import io.tranche.core.error.FieldChecks;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A form's refusals as a page shows them: one sentence per field, next to the field, in words that
 * name the field by its label rather than its name in the code ("Tax id" not "taxId").
 */
public final class PageErrors {
  private PageErrors() {}

  /**
   * Every refusal of {@code e} by field (a refusal without a field goes under {@code fallback}),
   * phrased with the fields' {@code labels}.
   */
  public static Map<String, String> of(
      DomainException e, Map<String, String> labels, String fallback) {
    List<DomainException> all =
        e instanceof FieldChecks.InvalidFields fields ? fields.refusals() : List.of(e);
    Map<String, String> errors = new LinkedHashMap<>();
    for (DomainException refusal : all) {
      String field =
          refusal.field() == null || !labels.containsKey(refusal.field())
              ? fallback
              : refusal.field();
      errors.putIfAbsent(field, plain(refusal, labels.getOrDefault(field, field)));
    }
    return errors;
  }

  /** One refusal in words, naming the field by its label. */
  public static String plain(DomainException e, String label) {
    Map<String, Object> a = e.args();
    return switch (e.code().slug()) {
      case "validation.required" -> "Please fill in " + lower(label) + ".";
      case "validation.too-long" ->
          label
              + " can be at most "
              + a.get("max")
              + " characters; this has "
              + a.get("length")
              + ".";
      case "validation.bad-email" -> "Enter an email address like name@example.com.";
      case "validation.out-of-range" ->
          "Enter a whole number from " + a.get("min") + " to " + a.get("max") + ".";
      case "validation.bad-characters" -> label + " contains a character that is not text.";
      case "validation.bad-tax-id" ->
          "Use letters, digits, spaces, dots, dashes or slashes, like DE123456789.";
      default -> sentence(e, label);
    };
  }

  private static String sentence(DomainException e, String label) {
    String text = e.getMessage();
    if (e.field() != null && !e.field().isEmpty() && text.startsWith(e.field())) {
      text = label + text.substring(e.field().length());
    }
    text = text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    return text.endsWith(".") ? text : text + ".";
  }

  private static String lower(String label) {
    return label.isEmpty()
        ? label
        : label.substring(0, 1).toLowerCase(Locale.ROOT) + label.substring(1);
  }
}
