package io.tranche.app.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.tranche.app.contract.ContractService;
import io.tranche.app.contract.ContractView;
import io.tranche.app.contract.QuoteService;
import io.tranche.app.contract.QuoteView;
import io.tranche.app.contract.SignedBy;
import io.tranche.app.invoice.InvoiceService;
import io.tranche.app.invoice.InvoiceView;
import io.tranche.app.platform.Paging;
import io.tranche.app.project.MilestoneService;
import io.tranche.app.project.MilestoneView;
import io.tranche.app.support.Fixtures;
import io.tranche.app.support.Fixtures.World;
import io.tranche.app.support.IntegrationTest;
import io.tranche.app.workspace.WorkspaceService;
import io.tranche.core.contract.QuoteContent;
import io.tranche.core.contract.QuoteLine;
import io.tranche.core.contract.QuoteTerms;
import io.tranche.core.contract.SignatureRequest;
import io.tranche.core.error.DomainException;
import io.tranche.core.milestone.MilestoneAction;
import io.tranche.core.milestone.MilestoneState;
import io.tranche.core.milestone.PaymentPlan;
import io.tranche.core.milestone.PaymentTrigger;
import io.tranche.core.milestone.PlannedMilestone;
import io.tranche.core.money.Money;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/**
 * The signed contract is the plan: work waits for it, signing applies its plan whatever was done
 * before, and after it only an amendment both sides sign changes amounts, parts or terms.
 */
class ContractRulesIT extends IntegrationTest {
  @Autowired WorkspaceService workspaces;
  @Autowired MilestoneService milestones;
  @Autowired QuoteService quotes;

  @org.springframework.beans.factory.annotation.Autowired
  io.tranche.app.contract.QuoteSigning quoteSigning;

  @Autowired ContractService contracts;
  @Autowired InvoiceService invoices;

  private static Money eur(String amount) {
    return Money.parse(amount, "EUR");
  }

  /** A quote of {@code parts} (name, amount, trigger), net = their sum, no tax. */
  private static QuoteContent content(String tag, PlannedMilestone... parts) {
    Money total = List.of(parts).stream().map(PlannedMilestone::amount).reduce(Money::plus).get();
    List<QuoteLine> lines = new ArrayList<>();
    for (PlannedMilestone p : parts) {
      if (!p.amount().isZero()) {
        lines.add(new QuoteLine(p.name() + " " + tag, 1, p.amount()));
      }
    }
    return new QuoteContent(
        "Scope " + tag,
        "Weeks",
        lines,
        0,
        new PaymentPlan(total, List.of(parts)),
        LocalDate.now().plusMonths(2),
        new QuoteTerms(7, 7, Money.of(0, "EUR")));
  }

  private static PlannedMilestone part(String name, String amount, PaymentTrigger trigger) {
    return new PlannedMilestone(name, eur(amount), trigger);
  }

  private List<MilestoneView> plan(World world) {
    return milestones.milestones(world.owner(), world.project().id(), new Paging(0, 50)).items();
  }

  private void countersign(World world, UUID contractId) {
    String hash = contracts.open(world.owner(), contractId).documentHash();
    contracts.countersign(
        world.owner(),
        contractId,
        new SignatureRequest("Owner " + world.tag(), true, hash),
        new SignedBy("192.0.2.9", "rules"));
  }

  private ContractView clientSigns(World world, UUID quoteId) {
    String hash = quotes.open(world.contactActor(), quoteId).documentHash();
    return quoteSigning.sign(
        world.contactActor(),
        quoteId,
        new SignatureRequest("Contact " + world.tag(), true, hash),
        new SignedBy("192.0.2.8", "rules"));
  }

  private List<InvoiceView> invoicesOf(World world) {
    return invoices.invoices(world.owner(), world.project().id(), new Paging(0, 50)).items();
  }

  @Test
  void workWaitsForTheContractUnlessTheWorkspaceAllowsIt() throws Exception {
    World world = fixtures.world("no-contract");
    workspaces.setWorkBeforeContract(world.owner(), false);
    mvc.perform(
            post("/api/v1/milestones/" + world.milestones().get(1).id() + "/transitions")
                .header("Authorization", "Bearer " + world.apiToken())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"action\":\"START\"}"))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("milestone.no-contract"));
    fixtures.signedContract(world);
    milestones.transition(world.owner(), world.milestones().get(1).id(), MilestoneAction.START);
    assertThat(plan(world).get(1).state()).isEqualTo(MilestoneState.IN_PROGRESS);
  }

  @Test
  void signingAppliesTheSignedPlanToWorkStartedBeforeIt() {
    // broken promise 2: started before signature, signed for 6000.00, the deposit is 3000.00
    World world = fixtures.world("signed-plan");
    List<MilestoneView> before = plan(world);
    milestones.transition(world.owner(), before.get(0).id(), MilestoneAction.START);
    milestones.transition(world.owner(), before.get(1).id(), MilestoneAction.START);
    milestones.transition(world.owner(), before.get(1).id(), MilestoneAction.SUBMIT);
    fixtures.accept(world, before.get(1).id());
    assertThat(plan(world).get(1).state()).isEqualTo(MilestoneState.ACCEPTED);
    assertThat(invoicesOf(world)).as("no part asks for money before the contract").isEmpty();

    QuoteView quote =
        quotes.create(
            world.owner(),
            world.project().id(),
            content(
                world.tag(),
                part("Deposit", "3000.00", PaymentTrigger.CONTRACT_SIGNED),
                part("Prototype", "1500.00", PaymentTrigger.ACCEPTANCE),
                part("Final delivery", "1500.00", PaymentTrigger.FINAL_DEMO)));
    quotes.send(world.owner(), quote.id());
    countersign(world, clientSigns(world, quote.id()).id());

    List<MilestoneView> after = plan(world);
    assertThat(after)
        .extracting(MilestoneView::id)
        .isEqualTo(before.stream().map(MilestoneView::id).toList());
    assertThat(after)
        .extracting(m -> m.amount().amountMinor())
        .containsExactly(300000L, 150000L, 150000L);
    assertThat(after.get(0).state()).isEqualTo(MilestoneState.INVOICED);
    assertThat(after.get(1).state())
        .as("accepted before the contract, invoiced at its signature")
        .isEqualTo(MilestoneState.INVOICED);
    assertThat(invoicesOf(world))
        .extracting(i -> i.total().amountMinor())
        .containsExactlyInAnyOrder(300000L, 150000L);
  }

  @Test
  void afterSignatureTheVendorAloneCannotChangeTheDeal() throws Exception {
    // broken promise 3
    World world = fixtures.world("locked");
    fixtures.signedContract(world);
    UUID deposit = world.milestones().get(0).id();
    UUID fin = world.milestones().get(2).id();
    String bearer = "Bearer " + world.apiToken();
    mvc.perform(
            patch("/api/v1/milestones/" + fin)
                .header("Authorization", bearer)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"amount\":{\"amount\":\"5000.00\"}}"))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("milestone.signed-plan"));
    mvc.perform(
            post("/api/v1/projects/" + world.project().id() + "/milestones")
                .header("Authorization", bearer)
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"name\":\"Extra\",\"amount\":{\"amount\":\"100.00\"},\"trigger\":\"ACCEPTANCE\"}"))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("milestone.signed-plan"));
    mvc.perform(
            patch("/api/v1/projects/" + world.project().id())
                .header("Authorization", bearer)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"creditLimit\":{\"amount\":\"9000.00\"}}"))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.errors[0].field").value("creditLimit"));
    assertThat(plan(world)).hasSize(3);
    assertThat(plan(world).get(2).amount().amountMinor()).isEqualTo(100000L);

    // an amendment may not rewrite the invoiced deposit...
    assertThatThrownBy(
            () ->
                quotes.create(
                    world.owner(),
                    world.project().id(),
                    content(
                        world.tag(),
                        part("Deposit", "5000.00", PaymentTrigger.CONTRACT_SIGNED),
                        part("Prototype", "1000.00", PaymentTrigger.ACCEPTANCE),
                        part("Final delivery", "1000.00", PaymentTrigger.FINAL_DEMO))))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> {
              assertThat(e.code().slug()).isEqualTo("plan.rewrites-invoiced");
              assertThat(e.field()).isEqualTo("milestones[0].amount");
              // in words, not the state's name in the code
              assertThat(e.getMessage()).contains("\"Deposit\" is invoiced at 1000.00 EUR");
            });
    assertThat(plan(world).get(0).amount().amountMinor()).isEqualTo(100000L);
    assertThat(deposit).isEqualTo(plan(world).get(0).id());

    // ...but it may add a part and reprice the unstarted final one, once both sides sign it
    QuoteView amendment =
        quotes.create(
            world.owner(),
            world.project().id(),
            content(
                world.tag(),
                part("Deposit", "1000.00", PaymentTrigger.CONTRACT_SIGNED),
                part("Prototype", "1000.00", PaymentTrigger.ACCEPTANCE),
                part("Final delivery", "1200.00", PaymentTrigger.FINAL_DEMO),
                part("Shop module", "800.00", PaymentTrigger.ACCEPTANCE)));
    assertThat(amendment.amendment()).isTrue();
    quotes.send(world.owner(), amendment.id());
    assertThat(plan(world)).as("sent is not signed").hasSize(3);
    ContractView signed = clientSigns(world, amendment.id());
    assertThat(plan(world)).as("one signature is not both").hasSize(3);
    countersign(world, signed.id());
    assertThat(plan(world))
        .extracting(m -> m.amount().amountMinor())
        .containsExactly(100000L, 100000L, 120000L, 80000L);
    assertThat(
            jdbc.sql(
                    "select count(*) from evidence_entry where workspace_id = ? and type = 'contract.amended'")
                .param(world.owner().workspaceId())
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void aVersionDraftedBeforeTheContractMustBecomeAnAmendment() {
    World world = fixtures.world("stale-draft");
    QuoteView stale =
        quotes.create(world.owner(), world.project().id(), Fixtures.quoteContent(world.tag()));
    fixtures.signedContract(world);
    assertThatThrownBy(() -> quotes.send(world.owner(), stale.id()))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> assertThat(e.code().slug()).isEqualTo("quote.needs-amendment"));
    QuoteView revised =
        quotes.revise(world.owner(), stale.id(), Fixtures.quoteContent(world.tag()));
    assertThat(revised.amendment()).isTrue();
    assertThat(revised.documentHash()).isNotEqualTo(stale.documentHash());
    quotes.send(world.owner(), revised.id());
  }

  @Test
  void oneQuoteAtATimeIsWithTheClientSoTwoCannotBothBeSigned() {
    World world = fixtures.world("one-out");
    QuoteView first =
        quotes.create(world.owner(), world.project().id(), Fixtures.quoteContent(world.tag()));
    QuoteView second =
        quotes.create(world.owner(), world.project().id(), Fixtures.quoteContent(world.tag()));
    quotes.send(world.owner(), first.id());
    assertThatThrownBy(() -> quotes.send(world.owner(), second.id()))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> {
              assertThat(e.code().slug()).isEqualTo("quote.another-out");
              assertThat(io.tranche.app.platform.FormMessages.message(e))
                  .contains("Version 1 of another quote is already out")
                  .contains("revise that one instead");
            });
    // sent back with changes asked for, the client can still sign it: still no second quote out
    quoteSigning.requestChanges(world.contactActor(), first.id(), "A little cheaper, please");
    assertThatThrownBy(() -> quotes.send(world.owner(), second.id()))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.code().slug()).isEqualTo("quote.another-out"));
    // signed by the client, it waits for the vendor: still no second quote out
    ContractView contract = clientSigns(world, first.id());
    assertThatThrownBy(() -> quotes.send(world.owner(), second.id()))
        .isInstanceOfSatisfying(
            DomainException.class,
            e ->
                assertThat(io.tranche.app.platform.FormMessages.message(e))
                    .contains("A quote the client signed is already out")
                    .contains("it waits for your countersignature; countersign it first"));
    assertThat(quotes.quotes(world.owner(), world.project().id(), new Paging(0, 10)).items())
        .filteredOn(q -> q.id().equals(second.id()))
        .extracting(QuoteView::status)
        .containsExactly(io.tranche.core.contract.QuoteStatus.DRAFT);
    // countersigned, the other draft predates the contract: it becomes an amendment to be sent
    countersign(world, contract.id());
    assertThatThrownBy(() -> quotes.send(world.owner(), second.id()))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> assertThat(e.code().slug()).isEqualTo("quote.needs-amendment"));
  }
}
