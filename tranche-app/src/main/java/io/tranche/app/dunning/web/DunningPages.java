package io.tranche.app.dunning.web;

import io.tranche.app.dunning.DemandLetters;
import io.tranche.app.dunning.DunningPlans;
import io.tranche.app.dunning.PlanInput;
import io.tranche.app.dunning.Receivables;
import io.tranche.app.platform.Actor;
import io.tranche.app.platform.Download;
import io.tranche.app.platform.Downloads;
import io.tranche.app.platform.Errors;
import io.tranche.app.platform.FormMessages;
import io.tranche.app.workspace.WorkspaceService;
import io.tranche.core.dunning.DunningPlan;
import io.tranche.core.dunning.DunningStage;
import io.tranche.core.dunning.LateFee;
import io.tranche.core.error.DomainException;
import io.tranche.core.error.FieldChecks;
import io.tranche.core.money.Money;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The console's dunning pages: the plan editor, receivables by age, the demand letter. */
@Controller
class DunningPages {
  /** How many stage rows the editor shows. */
  static final int ROWS = 6;

  static final Map<String, String> LABELS = labels();

  private final DunningPlans plans;
  private final Receivables receivables;
  private final DemandLetters letters;
  private final WorkspaceService workspaces;
  private final io.tranche.app.workspace.SettingsService settings;

  DunningPages(
      DunningPlans plans,
      Receivables receivables,
      DemandLetters letters,
      WorkspaceService workspaces,
      io.tranche.app.workspace.SettingsService settings) {
    this.settings = settings;
    this.plans = plans;
    this.receivables = receivables;
    this.letters = letters;
    this.workspaces = workspaces;
  }

  private static Map<String, String> labels() {
    Map<String, String> l = new LinkedHashMap<>();
    l.put("preDueDays", "Days before the due date");
    for (int i = 0; i < DunningPlan.MAX_STAGES; i++) {
      l.put("stages[" + i + "].day", "Reminder " + (i + 1) + ": days after the due date");
      l.put("stages[" + i + "].wording", "Reminder " + (i + 1) + ": words");
    }
    l.put("stages", "The reminders");
    l.put("stopWorkStage", "Stop-work from reminder");
    l.put("lateFee.kind", "Late fee");
    l.put("lateFee.amountMinor", "Fixed fee");
    l.put("lateFee.basisPoints", "Percentage");
    l.put("lateFee.referenceRateBasisPoints", "Reference rate");
    l.put("lateFeeStage", "Late fee with reminder");
    return l;
  }

  @GetMapping("/console/settings/dunning")
  String editor(Actor actor, Model model) {
    return show(actor, DunningPlans.Scope.WORKSPACE, actor.workspaceId(), model);
  }

  /** A client's own plan (or the workspace's, until it has one). */
  @GetMapping("/console/clients/{clientId}/dunning")
  String clientEditor(Actor actor, @PathVariable UUID clientId, Model model) {
    return show(actor, DunningPlans.Scope.CLIENT, clientId, model);
  }

  /** A contract's own plan (or its client's or the workspace's, until it has one). */
  @GetMapping("/console/contracts/{contractId}/dunning")
  String contractEditor(Actor actor, @PathVariable UUID contractId, Model model) {
    return show(actor, DunningPlans.Scope.CONTRACT, contractId, model);
  }

  @PostMapping("/console/settings/dunning")
  String save(
      Actor actor,
      @RequestParam Map<String, String> form,
      HttpServletResponse response,
      RedirectAttributes redirect,
      Model model) {
    return save(
        actor, DunningPlans.Scope.WORKSPACE, actor.workspaceId(), form, response, redirect, model);
  }

  @PostMapping("/console/clients/{clientId}/dunning")
  String saveClient(
      Actor actor,
      @PathVariable UUID clientId,
      @RequestParam Map<String, String> form,
      HttpServletResponse response,
      RedirectAttributes redirect,
      Model model) {
    return save(actor, DunningPlans.Scope.CLIENT, clientId, form, response, redirect, model);
  }

  @PostMapping("/console/contracts/{contractId}/dunning")
  String saveContract(
      Actor actor,
      @PathVariable UUID contractId,
      @RequestParam Map<String, String> form,
      HttpServletResponse response,
      RedirectAttributes redirect,
      Model model) {
    return save(actor, DunningPlans.Scope.CONTRACT, contractId, form, response, redirect, model);
  }

  /** Drops a client's own plan: the workspace's applies again. */
  @PostMapping("/console/clients/{clientId}/dunning/reset")
  String resetClient(Actor actor, @PathVariable UUID clientId, RedirectAttributes redirect) {
    return reset(actor, DunningPlans.Scope.CLIENT, clientId, redirect);
  }

  /** Drops a contract's own plan: the client's or the workspace's applies again. */
  @PostMapping("/console/contracts/{contractId}/dunning/reset")
  String resetContract(Actor actor, @PathVariable UUID contractId, RedirectAttributes redirect) {
    return reset(actor, DunningPlans.Scope.CONTRACT, contractId, redirect);
  }

  private String reset(
      Actor actor, DunningPlans.Scope scope, UUID id, RedirectAttributes redirect) {
    plans.reset(actor, scope, id);
    redirect.addFlashAttribute("saved", "Own plan dropped: the plan above applies again.");
    return "redirect:" + path(scope, id);
  }

  private String show(Actor actor, DunningPlans.Scope scope, UUID id, Model model) {
    DunningPlans.PlanView view = plans.plan(actor, scope, id);
    model.addAttribute("plan", view);
    return page(
        actor,
        form(view.plan(), settings.settings(actor.workspaceId()).currency()),
        Map.of(),
        model);
  }

  private String save(
      Actor actor,
      DunningPlans.Scope scope,
      UUID id,
      Map<String, String> form,
      HttpServletResponse response,
      RedirectAttributes redirect,
      Model model) {
    try {
      plans.save(actor, scope, id, input(form, settings.settings(actor.workspaceId()).currency()));
      redirect.addFlashAttribute("saved", "Dunning plan saved: it applies from the next pass.");
      return "redirect:" + path(scope, id);
    } catch (DomainException e) {
      response.setStatus(Errors.formStatus(e));
      model.addAttribute("plan", plans.plan(actor, scope, id));
      return page(actor, form, FormMessages.of(e, LABELS, "stages"), model);
    }
  }

  /** The editor's address for a scope. */
  static String path(DunningPlans.Scope scope, UUID id) {
    return switch (scope) {
      case WORKSPACE -> "/console/settings/dunning";
      case CLIENT -> "/console/clients/" + id + "/dunning";
      case CONTRACT -> "/console/contracts/" + id + "/dunning";
    };
  }

  @GetMapping("/console/receivables")
  String receivables(Actor actor, Model model) {
    model.addAttribute("actor", actor);
    model.addAttribute("workspace", workspaces.current(actor));
    model.addAttribute("aging", receivables.aging(actor));
    return "console/receivables";
  }

  @GetMapping("/console/invoices/{invoiceId}/reminders")
  String reminders(Actor actor, @PathVariable UUID invoiceId, Model model) {
    model.addAttribute("actor", actor);
    model.addAttribute("workspace", workspaces.current(actor));
    model.addAttribute("invoiceId", invoiceId);
    model.addAttribute("reminders", receivables.reminders(actor, invoiceId));
    return "console/reminders";
  }

  @GetMapping("/console/invoices/{invoiceId}/demand-letter")
  ResponseEntity<InputStreamResource> demandLetter(Actor actor, @PathVariable UUID invoiceId) {
    Download d = letters.pdf(actor, invoiceId);
    return Downloads.attachment(d.fileName(), d.contentType(), d.size(), d.content());
  }

  private String page(
      Actor actor, Map<String, String> form, Map<String, String> errors, Model model) {
    model.addAttribute("actor", actor);
    model.addAttribute("workspace", workspaces.current(actor));
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    model.addAttribute("rows", ROWS);
    DunningPlans.PlanView plan = (DunningPlans.PlanView) model.getAttribute("plan");
    if (plan != null) {
      model.addAttribute("action", path(plan.scope(), plan.scopeId()));
    }
    model.addAttribute("currency", settings.settings(actor.workspaceId()).currency());
    return "console/dunning-plan";
  }

  /** The editor's fields for a plan: amounts in the workspace currency's units, rates in %. */
  static Map<String, String> form(DunningPlan plan, String currency) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("preDueDays", String.valueOf(plan.preDueDays()));
    for (int i = 0; i < plan.stages().size(); i++) {
      DunningStage s = plan.stages().get(i);
      f.put("stages[" + i + "].day", String.valueOf(s.day()));
      f.put("stages[" + i + "].wording", s.wording());
      f.put("stages[" + i + "].channel", s.channel().name());
    }
    f.put("stopWorkStage", String.valueOf(plan.stopWorkStage()));
    f.put("lateFeeStage", String.valueOf(plan.lateFeeStage()));
    LateFee fee = plan.lateFee();
    f.put("lateFee.kind", "NONE");
    if (fee instanceof LateFee.Fixed x) {
      f.put("lateFee.kind", "FIXED");
      f.put(
          "lateFee.amountMinor",
          new Money(x.amountMinor(), Money.currency(currency)).toDecimalString());
    } else if (fee instanceof LateFee.Percent p) {
      f.put("lateFee.kind", "PERCENT");
      f.put("lateFee.basisPoints", percent(p.basisPoints()));
    } else if (fee instanceof LateFee.EuStatutory eu) {
      f.put("lateFee.kind", "EU_STATUTORY");
      f.put("lateFee.referenceRateBasisPoints", percent(eu.referenceRateBasisPoints()));
    }
    return f;
  }

  /** The plan the form describes; unreadable numbers are refused by field, all at once. */
  static PlanInput input(Map<String, String> f, String currency) {
    FieldChecks checks = new FieldChecks();
    List<PlanInput.StageInput> stages = new ArrayList<>();
    for (int i = 0; i < DunningPlan.MAX_STAGES; i++) {
      String day = f.getOrDefault("stages[" + i + "].day", "").strip();
      String wording = f.getOrDefault("stages[" + i + "].wording", "");
      if (day.isEmpty() && wording.isBlank()) {
        continue;
      }
      String field = "stages[" + stages.size() + "].day";
      Integer parsed = checks.check(field, () -> whole(field, day));
      stages.add(
          new PlanInput.StageInput(
              parsed == null ? 1 : parsed,
              wording,
              f.getOrDefault("stages[" + i + "].channel", "EMAIL")));
    }
    Integer preDue =
        checks.check("preDueDays", () -> whole("preDueDays", f.getOrDefault("preDueDays", "0")));
    Integer stop =
        checks.check(
            "stopWorkStage", () -> whole("stopWorkStage", f.getOrDefault("stopWorkStage", "0")));
    Integer feeStage =
        checks.check(
            "lateFeeStage", () -> whole("lateFeeStage", f.getOrDefault("lateFeeStage", "0")));
    String kind = f.getOrDefault("lateFee.kind", "NONE");
    Long amount = null;
    Integer bp = null;
    Integer reference = null;
    if (kind.equals("FIXED")) {
      amount =
          checks.check(
              "lateFee.amountMinor",
              () ->
                  Money.parseTyped(f.getOrDefault("lateFee.amountMinor", ""), currency)
                      .amountMinor());
    } else if (kind.equals("PERCENT")) {
      bp = checks.check("lateFee.basisPoints", () -> basisPoints("lateFee.basisPoints", f));
    } else if (kind.equals("EU_STATUTORY")) {
      reference =
          checks.check(
              "lateFee.referenceRateBasisPoints",
              () -> basisPoints("lateFee.referenceRateBasisPoints", f));
    }
    checks.throwIfAny();
    return new PlanInput(
        preDue, stages, stop, new PlanInput.FeeInput(kind, amount, bp, reference), feeStage);
  }

  private static Integer whole(String field, String text) {
    try {
      return Integer.valueOf(text.strip().isEmpty() ? "0" : text.strip());
    } catch (NumberFormatException e) {
      throw DomainException.field(
          Errors.BAD_VALUE, field, Map.of("field", field, "expected", "a whole number of days"));
    }
  }

  private static Integer basisPoints(String field, Map<String, String> f) {
    try {
      return new BigDecimal(f.getOrDefault(field, "").strip().replace(',', '.'))
          .movePointRight(2)
          .intValueExact();
    } catch (ArithmeticException | NumberFormatException e) {
      throw DomainException.field(
          Errors.BAD_VALUE, field, Map.of("field", field, "expected", "a percentage like 2.5"));
    }
  }

  private static String percent(int basisPoints) {
    return BigDecimal.valueOf(basisPoints).movePointLeft(2).stripTrailingZeros().toPlainString();
  }
}
