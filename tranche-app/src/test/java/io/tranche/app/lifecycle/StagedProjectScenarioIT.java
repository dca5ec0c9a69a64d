package io.tranche.app.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.tranche.app.artifact.ArtifactService;
import io.tranche.app.contract.AcceptanceService;
import io.tranche.app.contract.ContractService;
import io.tranche.app.contract.ContractView;
import io.tranche.app.contract.QuoteService;
import io.tranche.app.contract.QuoteView;
import io.tranche.app.contract.SignedBy;
import io.tranche.app.contract.internal.ReviewPeriods;
import io.tranche.app.invoice.InvoiceService;
import io.tranche.app.invoice.InvoiceView;
import io.tranche.app.meeting.MeetingService;
import io.tranche.app.message.MessageService;
import io.tranche.app.modification.ModificationService;
import io.tranche.app.modification.internal.ModificationWindows;
import io.tranche.app.platform.Paging;
import io.tranche.app.project.MilestoneService;
import io.tranche.app.project.MilestoneView;
import io.tranche.app.project.ProjectService;
import io.tranche.app.support.Fixtures;
import io.tranche.app.support.Fixtures.World;
import io.tranche.app.support.IntegrationTest;
import io.tranche.app.support.Sessions;
import io.tranche.app.support.TestMail;
import io.tranche.app.workspace.WorkspaceService;
import io.tranche.core.contract.QuoteContent;
import io.tranche.core.contract.SignatureRequest;
import io.tranche.core.meeting.MeetingChannel;
import io.tranche.core.meeting.MeetingRecord;
import io.tranche.core.milestone.MilestoneAction;
import io.tranche.core.milestone.MilestoneState;
import io.tranche.core.modification.ModificationKind;
import io.tranche.core.money.Money;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * One fixed-price project through all ten steps over simulated weeks, as its vendor and client
 * would run it. After every step it checks the milestone states, the ledger (balanced; what the
 * client owes equals the open invoices), the portal's "what you owe" text, the mails and, at the
 * end, the evidence log's causal order.
 */
class StagedProjectScenarioIT extends IntegrationTest {
  @Autowired WorkspaceService workspaces;
  @Autowired ProjectService projects;
  @Autowired MilestoneService milestones;
  @Autowired MessageService messages;
  @Autowired MeetingService meetings;
  @Autowired QuoteService quotes;

  @org.springframework.beans.factory.annotation.Autowired
  io.tranche.app.contract.QuoteSigning quoteSigning;

  @Autowired ContractService contracts;
  @Autowired AcceptanceService acceptances;
  @Autowired InvoiceService invoices;

  @org.springframework.beans.factory.annotation.Autowired
  io.tranche.app.invoice.ExposureService exposures;

  @org.springframework.beans.factory.annotation.Autowired
  io.tranche.app.invoice.PaymentService payments;

  @Autowired ArtifactService artifacts;
  @Autowired ReviewPeriods reviews;
  @Autowired ModificationService modifications;
  @Autowired ModificationWindows windows;

  private World world;
  private final SignedBy from = new SignedBy("192.0.2.10", "scenario");

  private List<MilestoneState> states() {
    return milestones
        .milestones(world.owner(), world.project().id(), new Paging(0, 50))
        .items()
        .stream()
        .map(MilestoneView::state)
        .toList();
  }

  private UUID milestone(int index) {
    return milestones
        .milestones(world.owner(), world.project().id(), new Paging(0, 50))
        .items()
        .get(index)
        .id();
  }

  private List<InvoiceView> projectInvoices() {
    return invoices.invoices(world.owner(), world.project().id(), new Paging(0, 50)).items();
  }

  private InvoiceView invoiceOf(UUID milestone) {
    return projectInvoices().stream()
        .filter(i -> milestone.equals(i.milestoneId()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no invoice for milestone " + milestone));
  }

  private String portal() throws Exception {
    return mvc.perform(
            get("/portal/projects/" + world.project().id())
                .with(authentication(Sessions.of(world.contactActor()))))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  /** The ledger balances and what the client owes is exactly the open invoices. */
  private void checkMoney(String step, String... owedOnPortal) throws Exception {
    long sum =
        jdbc.sql("select coalesce(sum(amount_minor), 0) from ledger_posting where workspace_id = ?")
            .param(world.owner().workspaceId())
            .query(Long.class)
            .single();
    assertThat(sum).as(step + ": the ledger balances").isZero();
    long open =
        projectInvoices().stream()
            .filter(i -> i.number() != null)
            .mapToLong(i -> Math.max(0, i.open().amountMinor()))
            .sum();
    long receivable = exposures.receivable(world.owner(), world.client().id(), "EUR").amountMinor();
    assertThat(receivable).as(step + ": receivables = open invoices").isEqualTo(open);
    String page = portal();
    if (owedOnPortal.length == 0) {
      assertThat(page).as(step + ": portal").contains("You owe nothing right now.");
    } else {
      assertThat(page).as(step + ": portal").doesNotContain("You owe nothing right now.");
      for (String owed : owedOnPortal) {
        assertThat(page).as(step + ": portal").contains("<p class=\"amount\">" + owed + "</p>");
      }
    }
  }

  private void pay(UUID milestone) {
    InvoiceView invoice = invoiceOf(milestone);
    payments.recordPayment(
        world.owner(),
        invoice.id(),
        Money.of(invoice.open().amountMinor(), "EUR"),
        LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC),
        "transfer " + invoice.number());
  }

  private void upload(UUID milestone, String name) {
    artifacts.upload(
        world.owner(),
        milestone,
        name,
        "application/zip",
        new ByteArrayInputStream((name + " bytes").repeat(100).getBytes(StandardCharsets.UTF_8)));
  }

  private void clientSigns(UUID milestone) {
    var decision = acceptances.open(world.contactActor(), milestone);
    acceptances.sign(
        world.contactActor(),
        milestone,
        new SignatureRequest("Chris Client", true, decision.documentHash()),
        from);
  }

  private ContractView signQuote(UUID quoteId) {
    String hash = quotes.open(world.contactActor(), quoteId).documentHash();
    ContractView contract =
        quoteSigning.sign(
            world.contactActor(), quoteId, new SignatureRequest("Chris Client", true, hash), from);
    String contractHash = contracts.open(world.owner(), contract.id()).documentHash();
    return contracts.countersign(
        world.owner(),
        contract.id(),
        new SignatureRequest("Dana Vendor", true, contractHash),
        from);
  }

  @Test
  void aFixedPriceProjectRunsThroughAllTenSteps() throws Exception {
    world = fixtures.world("scenario");
    workspaces.setWorkBeforeContract(world.owner(), false);
    String client = world.contact().email();
    String vendor = world.ownerEmail();

    // 1 requirements, 2 meeting
    messages.post(world.contactActor(), world.project().id(), "We need a shop", List.of());
    var meeting =
        meetings.log(
            world.owner(),
            world.project().id(),
            new MeetingRecord(
                clock.instant().minus(Duration.ofHours(2)),
                30,
                MeetingChannel.VIDEO,
                "Chris, Dana",
                "Scope agreed",
                null));
    meetings.confirm(world.contactActor(), meeting.id());
    assertThat(states()).containsOnly(MilestoneState.PLANNED);
    checkMoney("requirements");

    // 3 quote v1, changes asked, v2, signatures
    QuoteContent content = Fixtures.quoteContent(world.tag());
    QuoteView v1 = quotes.create(world.owner(), world.project().id(), content);
    quotes.send(world.owner(), v1.id());
    assertThat(TestMail.awaitMailTo(client, "sent you a quote")).isNotNull();
    quotes.open(world.contactActor(), v1.id());
    quoteSigning.requestChanges(world.contactActor(), v1.id(), "Please spell out the timeline");
    QuoteView v2 = quotes.revise(world.owner(), v1.id(), content);
    assertThat(v2.version()).isEqualTo(2);
    quotes.send(world.owner(), v2.id());
    signQuote(v2.id());
    assertThat(TestMail.awaitMailTo(client, "is signed")).isNotNull();

    // 4 the deposit is invoiced at signature
    assertThat(states())
        .containsExactly(MilestoneState.INVOICED, MilestoneState.PLANNED, MilestoneState.PLANNED);
    checkMoney("contract", "1000.00 EUR");

    // 5 deposit paid: a receipt
    pay(milestone(0));
    assertThat(states().get(0)).isEqualTo(MilestoneState.PAID);
    assertThat(TestMail.awaitMailTo(client, "Receipt for invoice")).isNotNull();
    checkMoney("deposit paid");

    // 6 prototype submitted, 7 changes asked twice, then accepted, paid, released
    UUID prototype = milestone(1);
    milestones.transition(world.owner(), prototype, MilestoneAction.START);
    upload(prototype, "prototype.zip");
    milestones.transition(world.owner(), prototype, MilestoneAction.SUBMIT);
    assertThat(TestMail.awaitMailTo(client, "ready for your review")).isNotNull();
    clock.advance(Duration.ofDays(2));
    acceptances.requestChanges(world.contactActor(), prototype, "The basket forgets items");
    assertThat(TestMail.text(TestMail.awaitMailTo(vendor, "The client asks for changes")))
        .contains("The basket forgets items");
    milestones.transition(world.owner(), prototype, MilestoneAction.SUBMIT);
    clock.advance(Duration.ofDays(1));
    acceptances.requestChanges(world.contactActor(), prototype, "Prices show without VAT");
    milestones.transition(world.owner(), prototype, MilestoneAction.SUBMIT);
    assertThat(states().get(1)).isEqualTo(MilestoneState.SUBMITTED);
    checkMoney("prototype under review");
    clientSigns(prototype);
    assertThat(states().get(1)).isEqualTo(MilestoneState.INVOICED);
    checkMoney("prototype accepted", "1000.00 EUR");
    pay(prototype);
    assertThat(states().get(1)).isEqualTo(MilestoneState.RELEASED);
    assertThat(TestMail.awaitMailTo(client, "Released: " + "Prototype")).isNotNull();
    checkMoney("prototype paid");

    // 8 final demo submitted; the client stays silent for the whole review period
    UUID fin = milestone(2);
    milestones.transition(world.owner(), fin, MilestoneAction.START);
    upload(fin, "shop-1.0.zip");
    milestones.transition(world.owner(), fin, MilestoneAction.SUBMIT);
    checkMoney("final demo");
    clock.advance(Duration.ofDays(3).plusHours(13));
    reviews.sweep();
    clock.advance(Duration.ofDays(3));
    reviews.sweep();
    assertThat(states().get(2)).isEqualTo(MilestoneState.SUBMITTED);
    clock.advance(Duration.ofDays(1));
    reviews.sweep();
    assertThat(states().get(2))
        .as("deemed accepted, then invoiced")
        .isEqualTo(MilestoneState.INVOICED);
    assertThat(TestMail.awaitMailTo(client, "is now accepted")).isNotNull();
    checkMoney("final deemed accepted", "1000.00 EUR");

    // 9 final payment releases the build; the client signs off
    pay(fin);
    assertThat(states().get(2)).isEqualTo(MilestoneState.RELEASED);
    checkMoney("final paid");
    var decision = acceptances.open(world.contactActor(), fin);
    assertThat(decision.kind()).isEqualTo("SIGNOFF");
    acceptances.sign(
        world.contactActor(),
        fin,
        new SignatureRequest("Chris Client", true, decision.documentHash()),
        from);
    assertThat(projects.stage(world.owner(), world.project().id()).windowEndsAt()).isNotNull();
    assertThat(TestMail.awaitMailTo(client, "the modification window is open")).isNotNull();

    // 10 one minor request done; one change order quoted, signed, paid, released
    var minor =
        modifications.file(
            world.contactActor(),
            world.project().id(),
            "Logo is blurry",
            "Header",
            "A sharp logo",
            List.of());
    modifications.classify(world.owner(), minor.id(), ModificationKind.MINOR);
    modifications.start(world.owner(), minor.id());
    modifications.done(world.owner(), minor.id());
    modifications.confirm(world.contactActor(), minor.id());
    var order =
        modifications.file(
            world.contactActor(),
            world.project().id(),
            "Gift cards",
            "Checkout",
            "Customers can pay with a gift card",
            List.of());
    modifications.classify(world.owner(), order.id(), ModificationKind.CHANGE_ORDER);
    QuoteView amendment =
        modifications.quote(world.owner(), order.id(), Money.parse("400.00", "EUR"));
    assertThat(amendment.amendment()).isTrue();
    quotes.send(world.owner(), amendment.id());
    signQuote(amendment.id());
    assertThat(states())
        .containsExactly(
            MilestoneState.PAID,
            MilestoneState.RELEASED,
            MilestoneState.RELEASED,
            MilestoneState.PLANNED);
    checkMoney("change order signed");
    UUID extra = milestone(3);
    milestones.transition(world.owner(), extra, MilestoneAction.START);
    upload(extra, "gift-cards.zip");
    milestones.transition(world.owner(), extra, MilestoneAction.SUBMIT);
    clientSigns(extra);
    checkMoney("change order accepted", "400.00 EUR");
    pay(extra);
    assertThat(states().get(3)).isEqualTo(MilestoneState.RELEASED);
    checkMoney("change order paid");

    // the window closes
    clock.advance(Duration.ofDays(8));
    windows.closeEnded();
    assertThat(projects.stage(world.owner(), world.project().id()).windowClosedAt()).isNotNull();

    List<String> log =
        jdbc.sql("select type from evidence_entry where workspace_id = ? order by seq")
            .param(world.owner().workspaceId())
            .query(String.class)
            .list();
    assertThat(log)
        .containsSubsequence(
            "message.posted",
            "meeting.logged",
            "meeting.confirmed",
            "quote.sent",
            "quote.changes-requested",
            "quote.superseded",
            "quote.sent",
            "document.signed",
            "contract.signed",
            "invoice.issued",
            "payment.received",
            "milestone.start",
            "milestone.submit",
            "milestone.changes-requested",
            "milestone.request-changes",
            "milestone.submit",
            "milestone.changes-requested",
            "milestone.submit",
            "milestone.acceptance-signed",
            "milestone.accept",
            "invoice.issued",
            "release.released",
            "milestone.deemed-accepted",
            "milestone.accept",
            "invoice.issued",
            "release.released",
            "project.signed-off",
            "modification.filed",
            "modification.confirmed",
            "modification.quoted",
            "contract.amended",
            "modification.signed",
            "release.released",
            "project.window-closed");
  }
}
