package io.tranche.app.dunning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.tranche.app.support.Fixtures.World;
import io.tranche.app.support.IntegrationTest;
import io.tranche.app.support.Sessions;
import io.tranche.app.support.TestMail;
import io.tranche.core.money.Money;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Dunning with a simulated clock: an unpaid deposit invoice gets the friendly reminder before its
 * due date, reminders on days 10, 20 and 30 (GreenMail receives exactly those, with the invoice
 * attached), the late fee as its own invoice, stop-work (a submission is refused, previews answer
 * "paused"), the demand letter; then the payment lifts stop-work and the reminders end.
 */
class DunningIT extends IntegrationTest {
  @Autowired DunningPass pass;
  @Autowired io.tranche.app.workspace.ClientService clients;

  private DunningPass.Result run(World world) {
    UUID ws = world.owner().workspaceId();
    return pass.run(c -> c.workspaceId().equals(ws));
  }

  /** Moves the clock to {@code day} (noon UTC; the test workspaces keep UTC). */
  private void to(LocalDate day) {
    LocalDate today = clock.instant().atZone(ZoneOffset.UTC).toLocalDate();
    clock.advance(Duration.ofDays(ChronoUnit.DAYS.between(today, day)));
  }

  static List<String> subjectsTo(String recipient) throws Exception {
    List<String> subjects = new ArrayList<>();
    for (MimeMessage m : TestMail.server().getReceivedMessages()) {
      if (Arrays.stream(m.getRecipients(Message.RecipientType.TO))
          .anyMatch(a -> a.toString().equalsIgnoreCase(recipient))) {
        subjects.add(m.getSubject());
      }
    }
    return subjects;
  }

  private static List<String> reminders(String recipient) throws Exception {
    return subjectsTo(recipient).stream()
        .filter(s -> s.contains("eminder") || s.contains("is due on") || s.contains("demand"))
        .toList();
  }

  private UUID depositInvoice(World world) {
    return jdbc.sql(
            "select id from invoice where workspace_id = ? and project_id = ? and milestone_id is"
                + " not null")
        .params(world.owner().workspaceId(), world.project().id())
        .query(UUID.class)
        .single();
  }

  @Test
  void anUnpaidInvoiceIsRemindedChargedPausedAndDemandedUntilPaymentLiftsIt() throws Exception {
    World world = fixtures.world("dunning");
    clients.updateClient(
        world.owner(),
        world.client().id(),
        new io.tranche.app.workspace.ClientDetails(
            null, null, "Rue de la Paix 2\n75002 Paris", "FR12345678901"));
    var agreements = fixtures.signedContract(world);
    UUID invoice = depositInvoice(world);
    var view = fixtures.invoices().invoice(world.owner(), invoice);
    String number = view.number();
    LocalDate due = view.dueOn();
    String client = world.contact().email();
    String vendor = world.owner().email();
    var owner = authentication(Sessions.of(world.owner()));
    var contact = authentication(Sessions.of(world.contactActor()));
    // work already delivered and a preview offered: the demand letter names them
    var build = fixtures.submittedArtifact(world);

    mvc.perform(
            put("/api/v1/dunning-plan")
                .header("Authorization", "Bearer " + world.apiToken())
                .contentType("application/json")
                .content(
                    """
                    {"preDueDays": 3,
                     "stages": [{"day": 10}, {"day": 20}, {"day": 30}],
                     "stopWorkStage": 3,
                     "lateFee": {"kind": "PERCENT", "basisPoints": 250},
                     "lateFeeStage": 2}
                    """))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.own").value(true))
        .andExpect(jsonPath("$.plan.lateFee.kind").value("PERCENT"));

    to(due.minusDays(4));
    assertThat(run(world).steps()).isZero();
    to(due.minusDays(3));
    assertThat(run(world).steps()).isOne();
    MimeMessage friendly = TestMail.awaitMailTo(client, "is due on");
    assertThat(TestMail.attachments(friendly)).containsKey("invoice-" + number + ".pdf");
    assertThat(TestMail.link(friendly)).contains("/portal/projects/" + world.project().id());

    to(due.plusDays(9));
    assertThat(run(world).steps()).isZero();
    to(due.plusDays(10));
    assertThat(run(world).steps()).isOne();
    assertThat(TestMail.text(TestMail.awaitMailTo(client, "is 10 days overdue")))
        .contains("A friendly reminder");

    to(due.plusDays(20));
    run(world);
    MimeMessage second = TestMail.awaitMailTo(client, "is 20 days overdue");
    // 2.5 % of 1000.00 EUR, posted as an invoice of its own and named in the reminder
    assertThat(TestMail.text(second)).contains("A late fee of 25.00 EUR");
    var fee =
        jdbc.sql("select id, number from invoice where workspace_id = ? and late_fee_for = ?")
            .params(world.owner().workspaceId(), invoice)
            .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
            .single();
    assertThat(TestMail.text(second)).contains("invoice " + fee[1]);
    assertThat(fixtures.invoices().invoice(world.owner(), UUID.fromString(fee[0])).total())
        .isEqualTo(io.tranche.app.platform.MoneyJson.of(Money.parse("25.00", "EUR")));
    assertThat(
            jdbc.sql(
                    "select coalesce(sum(amount_minor), 0) from ledger_posting where workspace_id"
                        + " = ?")
                .param(world.owner().workspaceId())
                .query(Long.class)
                .single())
        .as("the ledger stays balanced")
        .isZero();

    to(due.plusDays(30));
    run(world);
    MimeMessage last = TestMail.awaitMailTo(client, "demand for payment");
    assertThat(TestMail.attachments(last))
        .containsKeys("invoice-" + number + ".pdf", "demand-letter-" + number + ".pdf");
    assertThat(TestMail.text(last)).contains("paused until this invoice is paid");
    MimeMessage toVendor = TestMail.awaitMailTo(vendor, "Stop-work");
    assertThat(TestMail.attachments(toVendor)).containsKey("demand-letter-" + number + ".pdf");
    String letter = pdfText(TestMail.attachments(last).get("demand-letter-" + number + ".pdf"));
    LocalDate deadline = due.plusDays(30 + 14);
    assertThat(letter)
        .contains("Demand for payment: invoice " + number)
        .contains("1000.00 EUR")
        .contains(io.tranche.app.platform.Dates.day(deadline))
        .contains("Work delivered, with a signed delivery receipt")
        .contains(
            "Contract signed by both parties (contract "
                + agreements.contractId().toString().substring(0, 8))
        .contains("small-claims court");
    assertThat(letter.replaceAll("\\s+", " "))
        .contains(
            world.client().name() + " Rue de la Paix 2 75002 Paris VAT/tax id: FR12345678901");

    // stop-work: a submission is refused in words, previews answer "paused", pages say why
    mvc.perform(
            post("/api/v1/milestones/" + world.milestones().get(1).id() + "/transitions")
                .header("Authorization", "Bearer " + world.apiToken())
                .contentType("application/json")
                .content("{\"action\": \"START\"}"))
        .andExpect(status().isOk());
    String submit =
        mvc.perform(
                post("/api/v1/milestones/" + world.milestones().get(1).id() + "/transitions")
                    .header("Authorization", "Bearer " + world.apiToken())
                    .contentType("application/json")
                    .content("{\"action\": \"SUBMIT\"}"))
            .andExpect(status().isConflict())
            .andExpect(jsonPath("$.code").value("project.stop-work"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(submit).contains(number).contains("is paid");
    var csrf =
        org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
            .csrf();
    assertThat(
            String.valueOf(
                mvc.perform(
                        post("/console/milestones/"
                                + world.milestones().get(1).id()
                                + "/transitions")
                            .param("action", "SUBMIT")
                            .with(owner)
                            .with(csrf))
                    .andReturn()
                    .getFlashMap()
                    .get("error")))
        .as("the console's submit button says why")
        .contains("paused until invoice " + number);
    assertThat(
            String.valueOf(
                mvc.perform(
                        post("/console/projects/" + world.project().id() + "/licenses")
                            .param("edition", "preview")
                            .with(owner)
                            .with(csrf))
                    .andReturn()
                    .getFlashMap()
                    .get("error")))
        .as("no preview licence while work is paused")
        .contains("paused until invoice " + number);
    UUID preview = preview(world);
    assertThat(
            mvc.perform(get("/portal/previews/" + preview + "/").with(contact))
                .andExpect(status().isConflict())
                .andReturn()
                .getResponse()
                .getContentAsString())
        .contains("paused");
    assertThat(
            mvc.perform(get("/portal/projects/" + world.project().id()).with(contact))
                .andReturn()
                .getResponse()
                .getContentAsString())
        .contains("Work on this project is paused until invoice " + number);
    assertThat(
            mvc.perform(get("/console/projects/" + world.project().id()).with(owner))
                .andReturn()
                .getResponse()
                .getContentAsString())
        .contains("Stop-work: invoice " + number);

    assertThat(
            mvc.perform(get("/portal/projects/" + world.project().id() + "/invoices").with(contact))
                .andReturn()
                .getResponse()
                .getContentAsString())
        .as("the client sees the reminders, the late fee and why")
        .contains("Reminder 2")
        .contains("a late fee is charged as invoice " + fee[1])
        .contains("2.5 % of what is open");

    // the money arrives: stop-work lifts by itself, and nothing more is sent
    fixtures
        .payments()
        .recordPayment(
            world.owner(), invoice, Money.parse("1000.00", "EUR"), due.plusDays(31), "transfer");
    assertThat(
            mvc.perform(get("/portal/projects/" + world.project().id()).with(contact))
                .andReturn()
                .getResponse()
                .getContentAsString())
        .doesNotContain("paused until");
    mvc.perform(
            post("/api/v1/milestones/" + world.milestones().get(1).id() + "/transitions")
                .header("Authorization", "Bearer " + world.apiToken())
                .contentType("application/json")
                .content("{\"action\": \"SUBMIT\"}"))
        .andExpect(status().isOk());
    to(due.plusDays(90));
    run(world);
    assertThat(reminders(client))
        .as("exactly the plan's reminders, once each, in order")
        .hasSize(4)
        .satisfies(
            r -> {
              assertThat(r.get(0)).contains("is due on");
              assertThat(r.get(1)).contains("10 days overdue");
              assertThat(r.get(2)).contains("20 days overdue");
              assertThat(r.get(3)).contains("demand for payment");
            });
    assertThat(
            jdbc.sql(
                    "select type from evidence_entry where workspace_id = ? and (type like"
                        + " 'dunning.%' or type like 'project.%') order by seq")
                .param(world.owner().workspaceId())
                .query(String.class)
                .list())
        .containsSubsequence(
            "dunning.reminder-sent",
            "dunning.late-fee-posted",
            "project.stop-work",
            "dunning.demand-letter",
            "project.resumed");
    assertThat(build).isNotNull();
  }

  @Test
  void aServerOffForAWeekSendsTheMissedRemindersOnceInOrderAndTwoNodesNeverTwice()
      throws Exception {
    World world = fixtures.world("dunning-late");
    fixtures.signedContract(world);
    UUID invoice = depositInvoice(world);
    LocalDate due = fixtures.invoices().invoice(world.owner(), invoice).dueOn();
    // nothing ran from before the due date until day 25: two reminders are owed
    to(due.plusDays(25));
    java.util.concurrent.ExecutorService nodes =
        java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      var a = nodes.submit(() -> run(world));
      var b = nodes.submit(() -> run(world));
      assertThat(a.get().steps() + b.get().steps()).isEqualTo(2);
    } finally {
      nodes.shutdown();
    }
    // and after a restart, the pass finds them taken
    assertThat(run(world).steps()).isZero();
    TestMail.awaitMailTo(world.contact().email(), "25 days overdue");
    Thread.sleep(500);
    assertThat(reminders(world.contact().email()))
        .hasSize(2)
        .satisfies(
            r -> {
              assertThat(r.get(0)).contains("25 days overdue");
              assertThat(r.get(1)).contains("25 days overdue");
            });
    assertThat(
            jdbc.sql(
                    "select step from dunning_step where invoice_id = ? and step >= 0 order by"
                        + " taken_at, step")
                .param(invoice)
                .query(Integer.class)
                .list())
        .containsExactly(1, 2);
  }

  @Test
  void aDisputedInvoiceIsNotDunned() throws Exception {
    World world = fixtures.world("dunning-dispute");
    fixtures.signedContract(world);
    UUID invoice = depositInvoice(world);
    LocalDate due = fixtures.invoices().invoice(world.owner(), invoice).dueOn();
    jdbc.sql("update milestone set disputed = true where workspace_id = ? and project_id = ?")
        .params(world.owner().workspaceId(), world.project().id())
        .update();
    to(due.plusDays(40));
    assertThat(run(world).steps()).isZero();
  }

  @Test
  void thePassReadsABatchWithAConstantNumberOfStatements() throws Exception {
    World world = fixtures.world("dunning-statements");
    for (int i = 0; i < 3; i++) {
      fixtures.invoice(world);
    }
    int few = io.tranche.app.support.StatementCounter.count(() -> run(world));
    for (int i = 0; i < 12; i++) {
      fixtures.invoice(world);
    }
    int more = io.tranche.app.support.StatementCounter.count(() -> run(world));
    assertThat(more).as("statements of a pass with no step due").isEqualTo(few);
  }

  @Test
  void aClientsOwnPlanWinsOverTheWorkspacesAndCanBeDropped() throws Exception {
    World world = fixtures.world("dunning-client");
    fixtures.signedContract(world);
    UUID invoice = depositInvoice(world);
    LocalDate due = fixtures.invoices().invoice(world.owner(), invoice).dueOn();
    var owner = authentication(Sessions.of(world.owner()));
    String path = "/console/clients/" + world.client().id() + "/dunning";
    assertThat(mvc.perform(get(path).with(owner)).andReturn().getResponse().getContentAsString())
        .contains("No plan of its own yet")
        .contains("built-in");
    mvc.perform(
            post(path)
                .with(owner)
                .with(
                    org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.csrf())
                .param("preDueDays", "0")
                .param("stages[0].day", "5")
                .param("stopWorkStage", "0")
                .param("lateFee.kind", "NONE")
                .param("lateFeeStage", "0"))
        .andExpect(status().is3xxRedirection());
    assertThat(mvc.perform(get(path).with(owner)).andReturn().getResponse().getContentAsString())
        .contains("This plan is its own");
    to(due.plusDays(5));
    assertThat(run(world).steps()).as("the client's day-5 reminder").isOne();
    mvc.perform(
            post(path + "/reset")
                .with(owner)
                .with(
                    org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.csrf()))
        .andExpect(status().is3xxRedirection());
    mvc.perform(
            get("/api/v1/clients/" + world.client().id() + "/dunning-plan")
                .header("Authorization", "Bearer " + world.apiToken()))
        .andExpect(jsonPath("$.own").value(false))
        .andExpect(jsonPath("$.from").value("DEFAULT"))
        .andExpect(jsonPath("$.plan.stages[0].day").value(10));
  }

  @Test
  void aStageByLetterMailsTheVendorALetterToPostAndTheClientNothing() throws Exception {
    World world = fixtures.world("dunning-letter");
    fixtures.signedContract(world);
    UUID invoice = depositInvoice(world);
    var view = fixtures.invoices().invoice(world.owner(), invoice);
    mvc.perform(
            put("/api/v1/dunning-plan")
                .header("Authorization", "Bearer " + world.apiToken())
                .contentType("application/json")
                .content(
                    """
                    {"stages": [{"day": 10, "channel": "LETTER"}, {"day": 20}],
                     "stopWorkStage": 0}
                    """))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.plan.stages[0].channel").value("LETTER"))
        .andExpect(jsonPath("$.plan.stages[1].channel").value("EMAIL"));
    to(view.dueOn().plusDays(10));
    assertThat(run(world).steps()).isOne();
    MimeMessage letter = TestMail.awaitMailTo(world.owner().email(), "Reminder letter to post");
    byte[] pdf = TestMail.attachments(letter).get("reminder-1-" + view.number() + ".pdf");
    assertThat(pdfText(pdf))
        .contains("Payment reminder: invoice " + view.number())
        .contains("1000.00 EUR")
        .contains(world.client().name());
    Thread.sleep(500);
    assertThat(reminders(world.contact().email())).as("the client gets no email").isEmpty();
    mvc.perform(
            get("/api/v1/invoices/" + invoice + "/reminders")
                .header("Authorization", "Bearer " + world.apiToken()))
        .andExpect(jsonPath("$[0].what").value("Reminder 1, by letter"));
    mvc.perform(
            put("/api/v1/dunning-plan")
                .header("Authorization", "Bearer " + world.apiToken())
                .contentType("application/json")
                .content("{\"stages\": [{\"day\": 10, \"channel\": \"PIGEON\"}]}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("stages[0].channel"));
  }

  private UUID preview(World world) throws Exception {
    java.io.ByteArrayOutputStream zip = new java.io.ByteArrayOutputStream();
    try (var out = new java.util.zip.ZipOutputStream(zip)) {
      out.putNextEntry(new java.util.zip.ZipEntry("index.html"));
      out.write("<html><body>shop</body></html>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      out.closeEntry();
    }
    String created =
        mvc.perform(
                put("/api/v1/milestones/" + world.milestones().get(1).id() + "/previews")
                    .contentType("application/zip")
                    .content(zip.toByteArray())
                    .header("Authorization", "Bearer " + world.apiToken()))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return UUID.fromString(created.replaceAll(".*\"id\":\"([0-9a-f-]{36})\".*", "$1"));
  }

  static String pdfText(byte[] pdf) throws Exception {
    try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
      return new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
    }
  }
}
