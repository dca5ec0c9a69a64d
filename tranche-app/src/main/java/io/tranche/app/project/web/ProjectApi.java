package io.tranche.app.project.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tranche.app.platform.Actor;
import io.tranche.app.platform.Errors;
import io.tranche.app.platform.MoneyInput;
import io.tranche.app.platform.PageOf;
import io.tranche.app.platform.Paging;
import io.tranche.app.project.MilestoneService;
import io.tranche.app.project.MilestoneView;
import io.tranche.app.project.NewProject;
import io.tranche.app.project.ProjectErrors;
import io.tranche.app.project.ProjectService;
import io.tranche.app.project.ProjectView;
import io.tranche.core.error.DomainException;
import io.tranche.core.error.Validation;
import io.tranche.core.milestone.MilestoneAction;
import io.tranche.core.milestone.PaymentPlan;
import io.tranche.core.milestone.PaymentTrigger;
import io.tranche.core.milestone.PlannedMilestone;
import io.tranche.core.money.Money;
import io.tranche.core.project.ProjectType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Projects and their milestones, for workspace members. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "projects", description = "Projects, payment plans and milestone transitions")
class ProjectApi {
  private final ProjectService projects;
  private final MilestoneService milestones;
  private final io.tranche.app.project.Disputes disputes;

  ProjectApi(
      ProjectService projects,
      MilestoneService milestones,
      io.tranche.app.project.Disputes disputes) {
    this.disputes = disputes;
    this.projects = projects;
    this.milestones = milestones;
  }

  /**
   * A new project. Give {@code total} for the default plan (1/3 at signature, 1/3 at acceptance,
   * 1/3 at the final demo), or {@code milestones} (whose amounts must then sum to {@code total} if
   * both are given).
   */
  record ProjectBody(
      @Nullable UUID clientId,
      @Nullable String name,
      @Nullable ProjectType type,
      @Nullable String currency,
      @Nullable MoneyInput total,
      @Nullable MoneyInput creditLimit,
      @Nullable List<MilestoneBody> milestones,
      @Nullable List<UUID> contactIds) {}

  /** Changes to a project; absent fields stay as they are. */
  record ProjectPatch(
      @Nullable String name, @Nullable ProjectType type, @Nullable MoneyInput creditLimit) {}

  /** A milestone of a plan, or one added to a project. */
  record MilestoneBody(
      @Nullable String name, @Nullable MoneyInput amount, @Nullable PaymentTrigger trigger) {}

  /** Changes to a milestone before submission; absent fields stay as they are. */
  record MilestonePatch(@Nullable String name, @Nullable MoneyInput amount) {}

  /** A state-machine move, e.g. {@code {"action": "SUBMIT"}}. */
  /** A move; OPEN_DISPUTE needs its reason, RESOLVE_DISPUTE its outcome. */
  record TransitionBody(
      @Nullable MilestoneAction action, @Nullable String reason, @Nullable String outcome) {}

  /** A contact of the project's client who should see the project. */
  record ContactLink(@Nullable UUID contactId) {}

  @GetMapping("/projects")
  @Operation(summary = "List the workspace's projects, newest first")
  PageOf<ProjectView> list(
      Actor actor,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "" + Paging.DEFAULT_SIZE) int size) {
    return projects.projects(actor, new Paging(page, size));
  }

  @PostMapping("/projects")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Create a project with its payment plan")
  ProjectView create(Actor actor, @RequestBody ProjectBody body) {
    return projects.create(actor, toNewProject(body));
  }

  @GetMapping("/projects/{projectId}")
  @Operation(summary = "Read a project")
  ProjectView get(Actor actor, @PathVariable UUID projectId) {
    return projects.project(actor, projectId);
  }

  @PatchMapping("/projects/{projectId}")
  @Operation(summary = "Change a project's name, type or credit limit")
  ProjectView update(Actor actor, @PathVariable UUID projectId, @RequestBody ProjectPatch body) {
    String currency = projects.project(actor, projectId).currency();
    Money creditLimit =
        body.creditLimit() == null ? null : body.creditLimit().toMoney("creditLimit", currency);
    return projects.update(actor, projectId, body.name(), body.type(), creditLimit);
  }

  @PostMapping("/projects/{projectId}/contacts")
  @Operation(summary = "Let a contact of the project's client see the project in the portal")
  ProjectView addContact(Actor actor, @PathVariable UUID projectId, @RequestBody ContactLink body) {
    return projects.addContact(actor, projectId, body.contactId());
  }

  @DeleteMapping("/projects/{projectId}/contacts/{contactId}")
  @Operation(summary = "Stop a contact from seeing the project")
  ProjectView removeContact(
      Actor actor, @PathVariable UUID projectId, @PathVariable UUID contactId) {
    return projects.removeContact(actor, projectId, contactId);
  }

  @GetMapping("/projects/{projectId}/milestones")
  @Operation(summary = "List a project's milestones in plan order")
  PageOf<MilestoneView> milestones(
      Actor actor,
      @PathVariable UUID projectId,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "" + Paging.DEFAULT_SIZE) int size) {
    return milestones.milestones(actor, projectId, new Paging(page, size));
  }

  @GetMapping("/projects/{projectId}/disputes")
  @Operation(
      summary =
          "Why each milestone's latest dispute was opened, and how it ended (outcome null while it"
              + " is open), by milestone id; every dispute is also in the evidence log")
  java.util.Map<UUID, io.tranche.app.project.DisputeNote> disputes(
      Actor actor, @PathVariable UUID projectId) {
    return disputes.ofProject(actor, projectId);
  }

  @PostMapping("/projects/{projectId}/milestones")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Add a milestone at the end of the plan")
  MilestoneView addMilestone(
      Actor actor, @PathVariable UUID projectId, @RequestBody MilestoneBody body) {
    String currency = projects.project(actor, projectId).currency();
    PlannedMilestone planned = toPlanned(body, "", currency);
    return milestones.add(actor, projectId, planned.name(), planned.amount(), planned.trigger());
  }

  @GetMapping("/milestones/{milestoneId}")
  @Operation(summary = "Read a milestone")
  MilestoneView milestone(Actor actor, @PathVariable UUID milestoneId) {
    return milestones.milestone(actor, milestoneId);
  }

  @PatchMapping("/milestones/{milestoneId}")
  @Operation(summary = "Change a milestone's name or amount before it is submitted")
  MilestoneView updateMilestone(
      Actor actor, @PathVariable UUID milestoneId, @RequestBody MilestonePatch body) {
    MilestoneView current = milestones.milestone(actor, milestoneId);
    Money amount =
        body.amount() == null ? null : body.amount().toMoney("amount", current.amount().currency());
    return milestones.update(actor, milestoneId, body.name(), amount);
  }

  @PostMapping("/milestones/{milestoneId}/transitions")
  @Operation(
      summary = "Move a milestone",
      description =
          "Actions: START, SUBMIT, REQUEST_CHANGES, ACCEPT, INVOICE, RECORD_PAYMENT, RELEASE,"
              + " OPEN_DISPUTE, RESOLVE_DISPUTE. OPEN_DISPUTE needs a reason, RESOLVE_DISPUTE"
              + " an outcome (how it ended); both sides read them. An illegal move is a"
              + " 409 naming the current state.")
  MilestoneView transition(
      Actor actor, @PathVariable UUID milestoneId, @RequestBody TransitionBody body) {
    return disputes.move(actor, milestoneId, body.action(), body.reason(), body.outcome());
  }

  private static NewProject toNewProject(ProjectBody body) {
    UUID clientId = Validation.required("clientId", body.clientId());
    String name = Validation.text("name", body.name(), io.tranche.core.project.Project.NAME_MAX);
    ProjectType type = Validation.required("type", body.type());
    String currency = body.currency();
    Money total = body.total() == null ? null : body.total().toMoney("total", currency);
    if (total != null) {
      currency = total.currency().getCurrencyCode();
    }
    PaymentPlan plan;
    if (body.milestones() != null && !body.milestones().isEmpty()) {
      if (currency == null) {
        throw DomainException.field(Validation.REQUIRED, "currency", Map.of("field", "currency"));
      }
      List<PlannedMilestone> planned = new ArrayList<>();
      for (int i = 0; i < body.milestones().size(); i++) {
        planned.add(toPlanned(body.milestones().get(i), "milestones[" + i + "]", currency));
      }
      Money sum = Money.zero(Money.currency(currency));
      for (PlannedMilestone p : planned) {
        sum = sum.plus(p.amount());
      }
      plan = new PaymentPlan(total == null ? sum : total, planned);
    } else if (total != null) {
      plan = PaymentPlan.thirds(total);
    } else {
      throw DomainException.field(ProjectErrors.TOTAL_OR_MILESTONES, "total", Map.of());
    }
    Money creditLimit =
        body.creditLimit() == null
            ? Money.zero(plan.total().currency())
            : body.creditLimit().toMoney("creditLimit", currency);
    return new NewProject(
        clientId,
        name,
        type,
        creditLimit,
        plan,
        body.contactIds() == null ? List.of() : body.contactIds());
  }

  private static PlannedMilestone toPlanned(MilestoneBody body, String path, String currency) {
    String prefix = path.isEmpty() ? "" : path + ".";
    if (body == null) {
      throw DomainException.field(Validation.REQUIRED, path, Map.of("field", path));
    }
    MoneyInput amountInput = body.amount();
    if (amountInput == null) {
      throw DomainException.field(
          Validation.REQUIRED, prefix + "amount", Map.of("field", prefix + "amount"));
    }
    Money amount = amountInput.toMoney(prefix + "amount", currency);
    if (!amount.currency().getCurrencyCode().equals(currency)) {
      throw DomainException.field(
          io.tranche.core.money.MoneyErrors.CURRENCY_MISMATCH,
          prefix + "amount.currency",
          Map.of("left", currency, "right", amount.currency().getCurrencyCode()));
    }
    return path.isEmpty()
        ? new PlannedMilestone(body.name(), amount, body.trigger())
        : Errors.at(path, () -> new PlannedMilestone(body.name(), amount, body.trigger()));
  }
}
