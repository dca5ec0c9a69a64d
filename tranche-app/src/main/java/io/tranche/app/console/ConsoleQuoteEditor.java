package io.tranche.app.console;

import io.tranche.app.contract.QuoteInput;
import io.tranche.app.contract.QuoteService;
import io.tranche.app.contract.QuoteView;
import io.tranche.app.platform.Actor;
import io.tranche.app.platform.MoneyInput;
import io.tranche.app.project.ProjectService;
import io.tranche.app.workspace.WorkspaceService;
import io.tranche.core.error.DomainException;
import io.tranche.core.error.ErrorCode;
import io.tranche.core.error.ErrorKind;
import io.tranche.core.error.FieldChecks;
import io.tranche.core.milestone.PaymentTrigger;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's quote editor: a form with line items and plan rows whose totals update as you type
 * (static/js/quote-editor.js); the server computes and checks everything again on save.
 */
@Controller
class ConsoleQuoteEditor {
  static final ErrorCode BAD_NUMBER =
      new ErrorCode(
          "request.bad-number", ErrorKind.INVALID, "{field} must be a number, e.g. {example}");
  static final ErrorCode PERCENT_RANGE =
      new ErrorCode(
          "request.percent-range",
          ErrorKind.INVALID,
          "enter a percentage from 0 to 100, like 19 or 19.5 (was {value})");
  static final int LINE_ROWS = 6;

  private final WorkspaceService workspaces;
  private final ProjectService projects;
  private final QuoteService quotes;

  ConsoleQuoteEditor(WorkspaceService workspaces, ProjectService projects, QuoteService quotes) {
    this.workspaces = workspaces;
    this.projects = projects;
    this.quotes = quotes;
  }

  @GetMapping("/console/projects/{projectId}/quotes/new")
  String blank(Actor actor, @PathVariable UUID projectId, Model model) {
    Map<String, Object> form = new LinkedHashMap<>();
    form.put("validUntil", workspaces.today(actor.workspaceId()).plusDays(30).toString());
    form.put("taxPercent", "0");
    form.put("reviewDays", "7");
    form.put("modificationDays", "7");
    form.put("creditLimit", "0");
    form.put("earlyCiphertextDownload", "true");
    form.put("planNames", List.of("Deposit", "Prototype", "Final delivery"));
    form.put("planTriggers", List.of("CONTRACT_SIGNED", "ACCEPTANCE", "FINAL_DEMO"));
    form.put("planPercents", List.of("", "", ""));
    return page(actor, projectId, null, form, model);
  }

  @GetMapping("/console/quotes/{quoteId}/edit")
  String edit(Actor actor, @PathVariable UUID quoteId, Model model) {
    QuoteView q = quotes.open(actor, quoteId);
    Map<String, Object> form = new LinkedHashMap<>();
    form.put("scope", q.scope());
    form.put("timeline", q.timeline());
    form.put("validUntil", q.validUntil().toString());
    form.put(
        "taxPercent",
        BigDecimal.valueOf(q.taxRateBasisPoints(), 2).stripTrailingZeros().toPlainString());
    form.put("reviewDays", String.valueOf(q.terms().reviewDays()));
    form.put("modificationDays", String.valueOf(q.terms().modificationDays()));
    form.put("creditLimit", q.terms().creditLimit().formatted().split(" ")[0]);
    form.put("earlyCiphertextDownload", q.terms().earlyCiphertextDownload() ? "true" : "");
    form.put("lineDescriptions", q.lines().stream().map(QuoteView.Line::description).toList());
    form.put("lineQuantities", q.lines().stream().map(l -> String.valueOf(l.quantity())).toList());
    form.put(
        "linePrices",
        q.lines().stream().map(l -> l.unitPrice().formatted().split(" ")[0]).toList());
    form.put("planNames", q.milestones().stream().map(QuoteView.PlannedPart::name).toList());
    form.put("planTriggers", q.milestones().stream().map(p -> p.trigger().name()).toList());
    long gross = q.gross().amountMinor();
    form.put(
        "planPercents",
        q.milestones().stream()
            .map(
                p ->
                    gross == 0
                        ? ""
                        // rounded half up: written back unchanged, they add up to 100 % within
                        // the rounding QuoteInput allows (33.33 % thirds are thirds)
                        : BigDecimal.valueOf(p.amount().amountMinor() * 100)
                            .divide(BigDecimal.valueOf(gross), 2, java.math.RoundingMode.HALF_UP)
                            .stripTrailingZeros()
                            .toPlainString())
            .toList());
    return page(actor, q.projectId(), q, form, model);
  }

  @PostMapping("/console/projects/{projectId}/quotes")
  String create(
      Actor actor,
      @PathVariable UUID projectId,
      @RequestParam MultiValueMap<String, String> form,
      HttpServletResponse response,
      Model model) {
    projects.requireVisible(actor, projectId);
    String currency = projects.currencyOf(actor.workspaceId(), projectId);
    try {
      QuoteView created = quotes.create(actor, projectId, content(form, currency));
      return "redirect:/console/quotes/" + created.id();
    } catch (DomainException e) {
      return refused(actor, projectId, null, form, e, response, model);
    }
  }

  @PostMapping("/console/quotes/{quoteId}")
  String revise(
      Actor actor,
      @PathVariable UUID quoteId,
      @RequestParam MultiValueMap<String, String> form,
      HttpServletResponse response,
      Model model) {
    QuoteView current = quotes.open(actor, quoteId);
    String currency = projects.currencyOf(actor.workspaceId(), current.projectId());
    try {
      QuoteView next = quotes.revise(actor, quoteId, content(form, currency));
      return "redirect:/console/quotes/" + next.id();
    } catch (DomainException e) {
      return refused(actor, current.projectId(), current, form, e, response, model);
    }
  }

  private String refused(
      Actor actor,
      UUID projectId,
      @Nullable QuoteView quote,
      MultiValueMap<String, String> form,
      DomainException e,
      HttpServletResponse response,
      Model model) {
    response.setStatus(io.tranche.app.platform.Errors.formStatus(e));
    Map<String, Object> values = new LinkedHashMap<>();
    form.forEach(
        (k, v) ->
            values.put(
                k, v.size() == 1 && !k.startsWith("line") && !k.startsWith("plan") ? v.get(0) : v));
    List<DomainException> all =
        e instanceof io.tranche.core.error.FieldChecks.InvalidFields fields
            ? fields.refusals()
            : List.of(e);
    Map<String, String> errors = new LinkedHashMap<>();
    java.util.Set<String> cells = new java.util.HashSet<>();
    List<Integer> lineRows = filledLineRows(form);
    List<Integer> planRows = filledPlanRows(form);
    for (DomainException refusal : all) {
      String field = refusal.field() == null ? "scope" : topField(refusal.field());
      if (!LABELS.containsKey(field)) {
        field = "scope";
      }
      String label = LABELS.get(field);
      // a refusal about one cell of a row names the row and marks the cell, and every row's
      // refusal is said at once
      java.util.regex.Matcher row =
          refusal.field() == null ? null : ROW_CELL.matcher(refusal.field());
      if (row != null && row.lookingAt()) {
        int index = Integer.parseInt(row.group(2));
        boolean line = row.group(1).equals("lines");
        List<Integer> rows = line ? lineRows : planRows;
        int shown = index < rows.size() ? rows.get(index) : index;
        String cell = row.group(3) == null ? "" : row.group(3);
        label = (line ? "Line " : "Part ") + (shown + 1) + CELL_WORDS.getOrDefault(cell, "");
        String input = CELL_INPUTS.get((line ? "line." : "part.") + cell);
        if (input != null) {
          cells.add(input + "-" + shown);
        }
      }
      String message = io.tranche.app.platform.FormMessages.plain(refusal, label);
      errors.merge(field, message, (before, more) -> before + " " + more);
    }
    model.addAttribute("errors", errors);
    model.addAttribute("badCells", cells);
    return page(actor, projectId, quote, values, model);
  }

  /** A refusal about a cell of a row: {@code lines[1].unitPrice.amount}, {@code milestones[0]}. */
  private static final java.util.regex.Pattern ROW_CELL =
      java.util.regex.Pattern.compile("(lines|milestones)\\[(\\d+)\\](?:\\.(\\w+))?");

  private static final Map<String, String> CELL_WORDS =
      Map.of(
          "quantity", "'s quantity",
          "unitPrice", "'s unit price",
          "description", "'s description",
          "percent", "'s percentage",
          "name", "'s name");

  private static final Map<String, String> CELL_INPUTS =
      Map.of(
          "line.quantity", "lineQuantities",
          "line.unitPrice", "linePrices",
          "line.description", "lineDescriptions",
          "part.percent", "planPercents",
          "part.name", "planNames");

  /** The rows of the plan table that hold a part, in order: the n-th part's row is at n. */
  private static List<Integer> filledPlanRows(MultiValueMap<String, String> form) {
    List<String> names = list(form, "planNames");
    List<String> percents = list(form, "planPercents");
    List<Integer> rows = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      if (!names.get(i).isBlank() || (i < percents.size() && !percents.get(i).isBlank())) {
        rows.add(i);
      }
    }
    return rows;
  }

  /** The rows of the line table that hold a line, in order: the n-th line's row is at n. */
  private static List<Integer> filledLineRows(MultiValueMap<String, String> form) {
    List<String> descriptions = list(form, "lineDescriptions");
    List<String> prices = list(form, "linePrices");
    List<Integer> rows = new ArrayList<>();
    for (int i = 0; i < descriptions.size(); i++) {
      String price = i < prices.size() ? prices.get(i) : "";
      if (!descriptions.get(i).isBlank() || !price.isBlank()) {
        rows.add(i);
      }
    }
    return rows;
  }

  /** The editor's fields by the names its error messages use. */
  static final Map<String, String> LABELS =
      Map.of(
          "scope", "Scope",
          "timeline", "Timeline",
          "lines", "Line items",
          "taxPercent", "Tax rate",
          "milestones", "Payment plan",
          "validUntil", "Valid until",
          "reviewDays", "Review period",
          "modificationDays", "Modification window",
          "creditLimit", "Credit limit");

  private static String topField(String field) {
    if (field.equals("taxRateBasisPoints")) {
      return "taxPercent";
    }
    if (field.startsWith("lines")) {
      return "lines";
    }
    if (field.startsWith("milestones")) {
      return "milestones";
    }
    if (field.startsWith("terms.")) {
      return field.substring("terms.".length());
    }
    return field;
  }

  private String page(
      Actor actor,
      UUID projectId,
      @Nullable QuoteView quote,
      Map<String, Object> form,
      Model model) {
    model.addAttribute("workspace", workspaces.current(actor));
    model.addAttribute("actor", actor);
    model.addAttribute("project", projects.project(actor, projectId));
    model.addAttribute("quote", quote);
    model.addAttribute("form", form);
    model.addAttribute("lineRows", LINE_ROWS);
    model.addAttribute("triggers", PaymentTrigger.values());
    if (!model.containsAttribute("errors")) {
      model.addAttribute("errors", Map.of());
    }
    if (!model.containsAttribute("badCells")) {
      model.addAttribute("badCells", java.util.Set.of());
    }
    return "console/quote-editor";
  }

  /**
   * The form's quote, with every refusal at once: what cannot be read as typed (a number, a
   * percentage, a date) and what the quote itself refuses. Nothing is built unless all passed.
   */
  static io.tranche.core.contract.QuoteContent content(
      MultiValueMap<String, String> form, String currency) {
    FieldChecks checks = new FieldChecks();
    QuoteInput in = input(form, currency, checks);
    var content = checks.check("scope", () -> in.toContent(currency));
    checks.throwIfAny();
    return java.util.Objects.requireNonNull(content);
  }

  /**
   * The form as a quote input: blank line rows are skipped; percentages become basis points. A
   * value that cannot be read is refused into {@code checks} and left out.
   */
  static QuoteInput input(MultiValueMap<String, String> form, String currency, FieldChecks checks) {
    List<String> descriptions = list(form, "lineDescriptions");
    List<String> quantities = list(form, "lineQuantities");
    List<String> prices = list(form, "linePrices");
    List<QuoteInput.LineBody> lines = new ArrayList<>();
    for (int i = 0; i < descriptions.size(); i++) {
      String description = descriptions.get(i);
      String price = i < prices.size() ? prices.get(i) : "";
      if (description.isBlank() && price.isBlank()) {
        continue;
      }
      String qty = i < quantities.size() ? quantities.get(i) : "";
      String at = "lines[" + lines.size() + "].quantity";
      Long quantity =
          qty.isBlank() ? Long.valueOf(1) : checks.check(at, () -> wholeNumber(at, qty));
      lines.add(
          new QuoteInput.LineBody(
              description, quantity == null ? 1L : quantity, MoneyInput.typed(price, currency)));
    }
    List<String> names = list(form, "planNames");
    List<String> triggers = list(form, "planTriggers");
    List<String> percents = list(form, "planPercents");
    List<QuoteInput.PartBody> parts = null;
    if (percents.stream().anyMatch(p -> !p.isBlank())) {
      parts = new ArrayList<>();
      for (int i = 0; i < names.size(); i++) {
        if (names.get(i).isBlank() && (i >= percents.size() || percents.get(i).isBlank())) {
          continue;
        }
        // named by its place among the parts, as the quote's own refusals name them
        String at = "milestones[" + parts.size() + "].percent";
        String percent = i < percents.size() ? percents.get(i) : "";
        parts.add(
            new QuoteInput.PartBody(
                names.get(i),
                i < triggers.size() ? PaymentTrigger.valueOf(triggers.get(i)) : null,
                null,
                checks.check(at, () -> basisPoints(at, percent))));
      }
    }
    Long tax =
        checks.check(
            "taxPercent", () -> basisPoints("taxPercent", blankToZero(first(form, "taxPercent"))));
    Long review =
        checks.check("reviewDays", () -> wholeNumber("reviewDays", first(form, "reviewDays")));
    Long modification =
        checks.check(
            "modificationDays",
            () -> wholeNumber("modificationDays", first(form, "modificationDays")));
    LocalDate validUntil = checks.check("validUntil", () -> date(first(form, "validUntil")));
    return new QuoteInput(
        first(form, "scope"),
        first(form, "timeline"),
        null,
        tax == null ? null : (int) (long) tax,
        validUntil,
        lines,
        parts,
        new QuoteInput.TermsBody(
            review == null ? null : (int) (long) review,
            modification == null ? null : (int) (long) modification,
            MoneyInput.typed(blankToZero(first(form, "creditLimit")), currency),
            "true".equals(first(form, "earlyCiphertextDownload"))));
  }

  private static List<String> list(MultiValueMap<String, String> form, String key) {
    List<String> values = form.get(key);
    return values == null ? List.of() : values;
  }

  private static String first(MultiValueMap<String, String> form, String key) {
    String v = form.getFirst(key);
    return v == null ? "" : v;
  }

  private static String blankToZero(String s) {
    return s.isBlank() ? "0" : s.strip();
  }

  private static long wholeNumber(String field, String text) {
    try {
      return Long.parseLong(text.strip());
    } catch (NumberFormatException e) {
      throw DomainException.field(BAD_NUMBER, field, Map.of("field", field, "example", "7"));
    }
  }

  /** "19" or "19.5" percent as basis points (1900, 1950); more than two decimals is refused. */
  private static long basisPoints(String field, String percent) {
    if (percent.isBlank()) {
      throw DomainException.field(
          io.tranche.core.error.Validation.REQUIRED, field, Map.of("field", field));
    }
    long basisPoints;
    try {
      basisPoints = new BigDecimal(percent.strip()).movePointRight(2).longValueExact();
    } catch (NumberFormatException | ArithmeticException e) {
      throw DomainException.field(
          BAD_NUMBER, field, Map.of("field", field, "example", "19 or 19.5"));
    }
    if (basisPoints < 0 || basisPoints > 10_000) {
      throw DomainException.field(PERCENT_RANGE, field, Map.of("value", percent.strip()));
    }
    return basisPoints;
  }

  private static @Nullable LocalDate date(String text) {
    try {
      return text.isBlank() ? null : LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw DomainException.field(
          BAD_NUMBER, "validUntil", Map.of("field", "validUntil", "example", "2026-12-31"));
    }
  }
}
