package io.tranche.app.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.tranche.app.artifact.ArtifactService;
import io.tranche.app.artifact.ReleaseService;
import io.tranche.app.contract.AcceptanceService;
import io.tranche.app.contract.SignedBy;
import io.tranche.app.contract.internal.ReviewPeriods;
import io.tranche.app.invoice.InvoiceService;
import io.tranche.app.invoice.InvoiceView;
import io.tranche.app.platform.Paging;
import io.tranche.app.project.MilestoneService;
import io.tranche.app.project.MilestoneView;
import io.tranche.app.support.Fixtures.World;
import io.tranche.app.support.IntegrationTest;
import io.tranche.app.support.Sessions;
import io.tranche.core.contract.SignatureRequest;
import io.tranche.core.error.DomainException;
import io.tranche.core.milestone.MilestoneAction;
import io.tranche.core.milestone.MilestoneState;
import io.tranche.core.money.Money;
import io.tranche.core.payment.WebhookSignature;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.junit.jupiter.api.RepeatedTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/**
 * Random sequences of every member, client and provider operation (jqwik generates them), including
 * attempts to move states by hand and to change signed amounts, on a project under a signed
 * contract. After each step: a part is PAID or RELEASED exactly when its invoice is paid per the
 * ledger; RELEASED only with a release row and a key the client can read; the client's "owed" is
 * the open invoices; no signed amount changed. A failure prints the sequence that led to it.
 */
class EngineInvariantsIT extends IntegrationTest {
  @Autowired MilestoneService milestones;
  @Autowired AcceptanceService acceptances;
  @Autowired InvoiceService invoices;

  @org.springframework.beans.factory.annotation.Autowired
  io.tranche.app.invoice.ExposureService exposures;

  @org.springframework.beans.factory.annotation.Autowired
  io.tranche.app.invoice.PaymentService payments;

  @Autowired ArtifactService artifacts;

  @org.springframework.beans.factory.annotation.Autowired
  io.tranche.app.artifact.ArtifactDownloads downloads;

  @Autowired ReleaseService releases;
  @Autowired ReviewPeriods reviews;

  enum Kind {
    /** The part's natural next step: start, deliver and submit, or the client's decision. */
    PROGRESS,
    START,
    UPLOAD,
    SUBMIT,
    HAND_MOVE,
    CLIENT_ACCEPTS,
    CLIENT_ASKS_CHANGES,
    BANK_PAYMENT,
    PART_PAYMENT,
    CARD_PAYMENT,
    EARLY_RELEASE,
    CHANGE_AMOUNT,
    DAYS_PASS
  }

  record Op(Kind kind, int part, int variant) {
    @Override
    public String toString() {
      return kind + "(" + part + "," + variant + ")";
    }
  }

  private static Arbitrary<List<Op>> sequences() {
    Arbitrary<Kind> kinds =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(8, Arbitraries.just(Kind.PROGRESS)),
            net.jqwik.api.Tuple.of(3, Arbitraries.of(Kind.BANK_PAYMENT, Kind.CARD_PAYMENT)),
            net.jqwik.api.Tuple.of(2, Arbitraries.of(Kind.PART_PAYMENT, Kind.DAYS_PASS)),
            net.jqwik.api.Tuple.of(
                3,
                Arbitraries.of(
                    Kind.START,
                    Kind.UPLOAD,
                    Kind.SUBMIT,
                    Kind.HAND_MOVE,
                    Kind.CLIENT_ACCEPTS,
                    Kind.CLIENT_ASKS_CHANGES,
                    Kind.EARLY_RELEASE,
                    Kind.CHANGE_AMOUNT)));
    Arbitrary<Op> op =
        Combinators.combine(
                kinds, Arbitraries.integers().between(0, 2), Arbitraries.integers().between(0, 3))
            .as(Op::new);
    return op.list().ofMinSize(20).ofMaxSize(50);
  }

  private World world;

  @RepeatedTest(8)
  void randomOperationsKeepTheMoneyAndTheStatesTogether() throws Exception {
    world = fixtures.world("invariants");
    fixtures.signedContract(world);
    List<Op> ops = sequences().sample();
    List<String> done = new ArrayList<>();
    for (Op op : ops) {
      String outcome;
      try {
        apply(op);
        outcome = "ok";
      } catch (DomainException e) {
        outcome = e.code().slug();
      }
      done.add(op + "=" + outcome);
      try {
        check();
      } catch (AssertionError e) {
        throw new AssertionError("after " + done + ": " + e.getMessage(), e);
      }
    }
  }

  private List<MilestoneView> plan() {
    return milestones.milestones(world.owner(), world.project().id(), new Paging(0, 50)).items();
  }

  private List<InvoiceView> projectInvoices() {
    return invoices.invoices(world.owner(), world.project().id(), new Paging(0, 50)).items();
  }

  private void apply(Op op) throws Exception {
    UUID m = plan().get(op.part()).id();
    switch (op.kind()) {
      case PROGRESS -> {
        MilestoneView part = plan().get(op.part());
        switch (part.state()) {
          case PLANNED -> milestones.transition(world.owner(), m, MilestoneAction.START);
          case IN_PROGRESS, CHANGES_REQUESTED -> {
            apply(new Op(Kind.UPLOAD, op.part(), op.variant()));
            milestones.transition(world.owner(), m, MilestoneAction.SUBMIT);
          }
          case SUBMITTED ->
              apply(
                  new Op(
                      op.variant() == 0 ? Kind.CLIENT_ASKS_CHANGES : Kind.CLIENT_ACCEPTS,
                      op.part(),
                      op.variant()));
          default -> apply(new Op(Kind.BANK_PAYMENT, op.part(), op.variant()));
        }
      }
      case START -> milestones.transition(world.owner(), m, MilestoneAction.START);
      case SUBMIT -> milestones.transition(world.owner(), m, MilestoneAction.SUBMIT);
      case UPLOAD ->
          artifacts.upload(
              world.owner(),
              m,
              "part-" + op.part() + ".zip",
              "application/zip",
              new ByteArrayInputStream("build".getBytes(StandardCharsets.UTF_8)));
      case HAND_MOVE -> {
        MilestoneAction[] byHand = {
          MilestoneAction.ACCEPT,
          MilestoneAction.INVOICE,
          MilestoneAction.RECORD_PAYMENT,
          MilestoneAction.RELEASE
        };
        milestones.transition(world.owner(), m, byHand[op.variant()]);
      }
      case CLIENT_ACCEPTS -> {
        var decision = acceptances.open(world.contactActor(), m);
        acceptances.sign(
            world.contactActor(),
            m,
            new SignatureRequest("Chris", true, decision.documentHash()),
            new SignedBy("192.0.2.11", "property"));
      }
      case CLIENT_ASKS_CHANGES ->
          acceptances.requestChanges(world.contactActor(), m, "change " + op.variant());
      case BANK_PAYMENT, PART_PAYMENT -> {
        InvoiceView invoice = openInvoiceOf(m);
        if (invoice != null) {
          long amount =
              op.kind() == Kind.BANK_PAYMENT
                  ? invoice.open().amountMinor()
                  : Math.max(1, invoice.open().amountMinor() / (op.variant() + 2));
          payments.recordPayment(
              world.owner(),
              invoice.id(),
              Money.of(amount, "EUR"),
              LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC),
              "bank " + op);
        }
      }
      case CARD_PAYMENT -> {
        InvoiceView invoice = openInvoiceOf(m);
        if (invoice != null) {
          String intent = "pi_" + UUID.randomUUID().toString().replace("-", "");
          byte[] event =
              """
              {"id":"evt_%s","type":"checkout.session.completed","data":{"object":{
               "payment_status":"paid","amount_total":%d,"currency":"eur",
               "payment_intent":"%s","metadata":{"invoice_id":"%s"}}}}"""
                  .formatted(intent, invoice.open().amountMinor(), intent, invoice.id())
                  .getBytes(StandardCharsets.UTF_8);
          mvc.perform(
              post("/webhooks/stripe")
                  .contentType(MediaType.APPLICATION_JSON)
                  .header(
                      "Stripe-Signature",
                      WebhookSignature.sign(event, "whsec_current", clock.instant()))
                  .content(event));
        }
      }
      case EARLY_RELEASE -> releases.releaseByVendor(world.owner(), m, "property " + op);
      case CHANGE_AMOUNT ->
          milestones.update(world.owner(), m, null, Money.parse("5000.00", "EUR"));
      case DAYS_PASS -> {
        clock.advance(Duration.ofDays(op.variant() + 1L));
        reviews.sweep();
      }
    }
  }

  private InvoiceView openInvoiceOf(UUID milestone) {
    return projectInvoices().stream()
        .filter(i -> milestone.equals(i.milestoneId()) && i.open().amountMinor() > 0)
        .findFirst()
        .orElse(null);
  }

  private void check() throws Exception {
    long open = 0;
    for (MilestoneView m : plan()) {
      assertThat(m.amount().amountMinor()).as("signed amount of " + m.name()).isEqualTo(100000L);
      var money =
          invoices.milestoneMoney(world.owner().workspaceId(), world.project().id(), m.id());
      boolean paid = money.invoiced() && money.invoiceOpen().isZero() && !money.invoiceCredited();
      boolean paidState = m.state() == MilestoneState.PAID || m.state() == MilestoneState.RELEASED;
      assertThat(paidState)
          .as(m.name() + " is " + m.state() + ", its invoice paid: " + paid)
          .isEqualTo(paid);
      boolean releaseRow =
          jdbc.sql("select count(*) from artifact_release where milestone_id = ?")
                  .param(m.id())
                  .query(Long.class)
                  .single()
              > 0;
      if (m.state() == MilestoneState.RELEASED) {
        assertThat(releaseRow).as(m.name() + " RELEASED has a release row").isTrue();
      }
      if (releaseRow && m.state() == MilestoneState.PAID) {
        throw new AssertionError(m.name() + " is paid and released but reads PAID");
      }
      if (releaseRow) {
        for (var a : artifacts.artifacts(world.owner(), m.id())) {
          if (a.receiptIssuedAt() != null) {
            assertThat(downloads.dataKey(world.contactActor(), a.id()))
                .as("the client reads the key of released " + m.name())
                .isNotBlank();
          }
        }
      }
    }
    for (InvoiceView i : projectInvoices()) {
      if (i.number() != null) {
        open += Math.max(0, i.open().amountMinor());
      }
    }
    assertThat(exposures.receivable(world.owner(), world.client().id(), "EUR").amountMinor())
        .as("what the ledger says the client owes = the open invoices")
        .isEqualTo(open);
    String page =
        mvc.perform(
                get("/portal/projects/" + world.project().id())
                    .with(authentication(Sessions.of(world.contactActor()))))
            .andReturn()
            .getResponse()
            .getContentAsString();
    if (open == 0) {
      assertThat(page).contains("You owe nothing right now.");
    } else {
      assertThat(page).doesNotContain("You owe nothing right now.");
    }
  }
}
