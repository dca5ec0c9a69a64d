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
public final class FormMessages {
  private FormMessages() {}

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
      String named = refusal.field() == null ? null : fieldOf(refusal.field(), labels);
      String field = named == null || !labels.containsKey(named) ? fallback : named;
      errors.putIfAbsent(field, plain(refusal, labels.getOrDefault(field, field)));
    }
    return errors;
  }

  /** How pages name the fields people fill in, by their names in the code. */
  public static final Map<String, String> LABELS =
      Map.ofEntries(
          Map.entry("typedName", "Your full name"),
          Map.entry("consent", "Your consent"),
          Map.entry("documentHash", "The document"),
          Map.entry("body", "The message"),
          Map.entry("files", "The attachments"),
          Map.entry("comment", "What should change"),
          Map.entry("reason", "The reason"),
          Map.entry("outcome", "How it was resolved"),
          Map.entry("amount", "The amount"),
          Map.entry("paidOn", "The date you paid"),
          Map.entry("receivedOn", "The date it arrived"),
          Map.entry("reference", "The reference"),
          Map.entry("email", "Email"),
          Map.entry("password", "Password"),
          Map.entry("workspaceName", "Business name"),
          Map.entry("ownerName", "Your name"),
          Map.entry("name", "Name"),
          Map.entry("scope", "Scope"),
          Map.entry("timeline", "Timeline"),
          Map.entry("validUntil", "Valid until"),
          Map.entry("lines", "Line items"),
          Map.entry("milestones", "Payment plan"),
          Map.entry("reviewDays", "Review days"),
          Map.entry("modificationDays", "Modification days"),
          Map.entry("creditLimit", "Credit limit"),
          Map.entry("what", "What to change"),
          Map.entry("where", "Where"),
          Map.entry("expected", "What you expect"),
          Map.entry("heldAt", "When"),
          Map.entry("notes", "Notes"),
          Map.entry("token", "The sign-in link"),
          Map.entry("paymentTermsDays", "Payment terms"),
          Map.entry("durationMinutes", "Duration"),
          Map.entry("taxPercent", "Tax rate"));

  /** The refusals of {@code e} by field, named with {@link #LABELS}. */
  public static Map<String, String> of(DomainException e, String fallback) {
    Map<String, String> labels = new java.util.HashMap<>(LABELS);
    if (e.field() != null) {
      labels.putIfAbsent(fieldOf(e.field()), e.field());
    }
    labels.putIfAbsent(fallback, fallback);
    if (e instanceof FieldChecks.InvalidFields fields) {
      fields.refusals().stream()
          .map(DomainException::field)
          .filter(java.util.Objects::nonNull)
          .forEach(f -> labels.putIfAbsent(fieldOf(f), f));
    }
    return of(e, labels, fallback);
  }

  /**
   * The field of a form a refusal is about: {@code amount} for {@code amount.amount} (the amount
   * part of the money the form's field gives), the name itself when it is a field of its own.
   */
  public static String fieldOf(String field) {
    return fieldOf(field, LABELS);
  }

  private static String fieldOf(String field, Map<String, String> labels) {
    int dot = field.indexOf('.');
    return labels.containsKey(field) || dot < 0 || !labels.containsKey(field.substring(0, dot))
        ? field
        : field.substring(0, dot);
  }

  /**
   * A refused form as its page shows it again: what was typed, by field, and under {@code field}
   * the one the refusal names ({@code fallback} when it names none of them). The map may be added
   * to (e.g. which row's form it is).
   */
  public static Map<String, String> typedAgain(
      DomainException e, Map<String, String> typed, String fallback) {
    Map<String, String> form = new java.util.HashMap<>(typed);
    String named = e.field() == null ? null : fieldOf(e.field());
    form.put("field", named != null && typed.containsKey(named) ? named : fallback);
    return form;
  }

  /** A refusal in one sentence for a notice at the top of a page, its field named by label. */
  public static String message(DomainException e) {
    String field = e.field() == null ? null : fieldOf(e.field());
    return plain(e, field == null ? "" : LABELS.getOrDefault(field, field));
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
      // the pages' plan has percentages only (amounts are for the API)
      case "plan.mixed-parts" -> "Give every part of the plan a percentage.";
      case "validation.out-of-range" ->
          (named(label) ? label + " must be a whole number" : "Enter a whole number")
              + " from "
              + a.get("min")
              + " to "
              + a.get("max")
              + ".";
      case "attachment.too-large" ->
          "The file '"
              + a.get("name")
              + "' is larger than "
              + (a.get("limit") instanceof Number n ? Sizes.label(n.longValue()) : a.get("limit"))
              + ", the most one attachment may be.";
      case "validation.date-out-of-range" ->
          (named(label) ? label + " must be a date" : "Enter a date")
              + " from "
              + day(a.get("earliest"))
              + " to "
              + day(a.get("latest"))
              + ".";
      case "money.malformed-amount" ->
          String.valueOf(a.get("value")).isBlank()
              ? "Please fill in " + lower(label.isEmpty() ? "the amount" : label) + "."
              : "Write "
                  + lower(label.isEmpty() ? "the amount" : label)
                  + " like 1234.50 ('"
                  + a.get("value")
                  + "' is not an amount).";
      case "money.negative" ->
          (named(label) ? label : "The amount")
              + " must not be negative (was "
              + a.get("value")
              + ").";
      case "request.not-offered" ->
          named(label) ? "Choose " + lower(label) + " from the list." : "Choose from the list.";
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

  /**
   * Whether {@code label} is a field's name in words ("Review period"), not its name in the code
   * ("paymentTermsDays"), which a page must never show: labels are capitalised, code names not.
   */
  private static boolean named(String label) {
    return !label.isEmpty() && Character.isUpperCase(label.charAt(0));
  }

  private static String day(@org.jspecify.annotations.Nullable Object date) {
    return date instanceof java.time.LocalDate d ? Dates.day(d) : String.valueOf(date);
  }

  private static String lower(String label) {
    return label.isEmpty()
        ? label
        : label.substring(0, 1).toLowerCase(Locale.ROOT) + label.substring(1);
  }
}
