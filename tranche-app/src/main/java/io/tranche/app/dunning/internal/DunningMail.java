package io.tranche.app.dunning.internal;

import io.tranche.app.mail.MailService;
import io.tranche.app.platform.BaseUrl;
import io.tranche.app.platform.Dates;
import io.tranche.app.project.ProjectService;
import io.tranche.app.workspace.WorkspaceService;
import io.tranche.core.dunning.DunningPlan;
import io.tranche.core.dunning.DunningSchedule;
import io.tranche.core.money.Money;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The mail dunning sends: reminders to the client's contacts (with the invoice attached, and the
 * demand letter at the last stage), and word of stop-work to the vendor's members.
 */
@Component
public class DunningMail {
  /** What the first, the middle and the last reminder say when the plan gives no words. */
  static final String FIRST =
      "A friendly reminder: this invoice has not been paid yet. If you have paid it in the last few"
          + " days, thank you, and please disregard this mail.";

  static final String MIDDLE = "This invoice is overdue. Please pay it within the next seven days.";

  static final String LAST =
      "This is our final reminder. The attached demand letter sets a last date for payment; after"
          + " it we will take the claim further, to the small-claims court if need be.";

  private final MailService mail;
  private final ProjectService projects;
  private final WorkspaceService workspaces;
  private final BaseUrl baseUrl;

  DunningMail(
      MailService mail, ProjectService projects, WorkspaceService workspaces, BaseUrl baseUrl) {
    this.mail = mail;
    this.projects = projects;
    this.workspaces = workspaces;
    this.baseUrl = baseUrl;
  }

  /** What a reminder is about. */
  public record About(
      UUID workspaceId,
      UUID projectId,
      UUID invoiceId,
      String number,
      Money open,
      LocalDate dueOn,
      long daysLate) {}

  /** The friendly reminder a few days before the due date. */
  public void beforeDue(About about) {
    mail.send(
        about.workspaceId(),
        projects.contactEmails(about.workspaceId(), about.projectId()),
        "reminder-before-due",
        values(about, ""),
        List.of("invoice:" + about.invoiceId()));
  }

  /**
   * A reminder of a stage, in the plan's words for it (or the default for its place); {@code fee}
   * is the late fee posted with it, {@code stopWork} whether work pauses, and the last stage
   * carries the demand letter with its deadline.
   */
  public void reminder(
      About about,
      DunningPlan plan,
      DunningSchedule.Step step,
      @Nullable Money fee,
      @Nullable String feeNumber,
      boolean stopWork,
      @Nullable LocalDate deadline) {
    String wording = plan.stage(step.number()).wording();
    if (wording.isBlank()) {
      wording = step.number() == 1 ? FIRST : step.demandLetter() ? LAST : MIDDLE;
    }
    Map<String, Object> values = values(about, wording);
    values.put("stage", step.number());
    values.put("stages", plan.lastStage());
    values.put("fee", fee == null ? "" : fee.toString());
    values.put("feeNumber", feeNumber == null ? "" : feeNumber);
    values.put("why", plan.lateFee().describe());
    values.put("stopWork", stopWork);
    values.put("deadline", deadline == null ? "" : Dates.day(deadline));
    List<String> attachments = new ArrayList<>(List.of("invoice:" + about.invoiceId()));
    if (step.demandLetter()) {
      attachments.add("demand:" + about.invoiceId());
    }
    mail.send(
        about.workspaceId(),
        projects.contactEmails(about.workspaceId(), about.projectId()),
        "reminder",
        values,
        attachments);
  }

  /**
   * A reminder the client gets as a letter: its PDF (the demand letter at the last stage) to the
   * vendor's members, to print and post; the client gets no email for this stage.
   */
  public void byLetter(About about, int step, boolean demandLetter) {
    Map<String, Object> values = values(about, "");
    values.put("stage", step);
    values.put("demandLetter", demandLetter);
    toVendor(
        about,
        "reminder-letter-vendor",
        values,
        List.of(
            demandLetter
                ? "demand:" + about.invoiceId()
                : "letter:" + about.invoiceId() + ":" + step));
  }

  /** Word to the vendor's members that a project is in stop-work, and the demand letter if due. */
  public void stopWork(About about, boolean stopWork, boolean demandLetter) {
    Map<String, Object> values = values(about, "");
    values.put("stopWork", stopWork);
    values.put("demandLetter", demandLetter);
    toVendor(
        about,
        "stop-work-vendor",
        values,
        demandLetter ? List.of("demand:" + about.invoiceId()) : List.of());
  }

  /** A mail to the vendor's members, linking to the invoice in the console. */
  private void toVendor(
      About about, String template, Map<String, Object> values, List<String> attachments) {
    values.put("link", values.get("consoleLink"));
    mail.send(
        about.workspaceId(),
        workspaces.memberEmails(about.workspaceId()),
        template,
        values,
        attachments);
  }

  private Map<String, Object> values(About about, String wording) {
    Map<String, Object> values = new java.util.HashMap<>();
    values.put("number", about.number());
    values.put("open", about.open().toString());
    values.put("due", Dates.day(about.dueOn()));
    values.put("days", about.daysLate());
    values.put("wording", wording);
    values.put("vendor", workspaces.name(about.workspaceId()).orElse("Your supplier"));
    values.put("project", projects.nameOf(about.workspaceId(), about.projectId()));
    values.put(
        "link",
        baseUrl.portal(about.workspaceId(), "/portal/projects/" + about.projectId() + "/invoices"));
    values.put(
        "consoleLink", baseUrl.get() + "/console/projects/" + about.projectId() + "/invoices");
    return values;
  }
}
