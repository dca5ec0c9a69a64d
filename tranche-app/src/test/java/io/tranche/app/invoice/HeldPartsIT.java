package io.tranche.app.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.tranche.app.platform.Paging;
import io.tranche.app.project.Disputes;
import io.tranche.app.support.Fixtures.World;
import io.tranche.app.support.IntegrationTest;
import io.tranche.app.support.Sessions;
import io.tranche.core.milestone.MilestoneAction;
import io.tranche.core.money.Money;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A part whose files stay sealed though the client owes nothing for it (its invoice cancelled by
 * credit notes, or paid while the vendor's dispute holds it) is said so on both sides: the client
 * is not told to pay, and the vendor is asked to decide.
 */
class HeldPartsIT extends IntegrationTest {
  @Autowired CreditNotes creditNotes;
  @Autowired Disputes disputes;

  @Test
  void aPartWhoseInvoiceCreditNotesCancelledIsNotSaidToWaitForPaymentAndAsksTheVendor()
      throws Exception {
    World world = fixtures.world("held-credited");
    fixtures.signedContract(world);
    fixtures.submittedArtifact(world);
    UUID part = world.milestones().get(2).id();
    fixtures.accept(world, part);
    InvoiceView invoice = invoiceOf(world, part);
    creditNotes.issue(
        world.owner(),
        invoice.id(),
        Money.of(invoice.open().amountMinor(), "EUR"),
        "The shop was not needed after all");

    // the invoice's PDF adds up: total, less the credit notes, paid, open
    byte[] pdf =
        mvc.perform(
                get("/portal/invoices/" + invoice.id() + "/pdf")
                    .with(authentication(Sessions.of(world.contactActor()))))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
      assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s+", " "))
          .contains("Total 1000.00 EUR Less credit notes -1000.00 EUR Paid 0.00 EUR Open 0.00 EUR")
          .contains("Credit notes cancelled what this invoice asked for");
    }
    assertThat(
            mvc.perform(
                    get("/portal/projects/" + world.project().id())
                        .with(authentication(Sessions.of(world.contactActor()))))
                .andReturn()
                .getResponse()
                .getContentAsString())
        .contains("Nothing owed on it: sealed until the vendor hands it over");
    assertThat(deliverables(world))
        .contains("was cancelled by credit notes, so nothing is owed")
        .doesNotContain("Sealed until invoice " + invoice.number() + " is paid");
    assertThat(consoleHome(world))
        .contains(
            "Invoice "
                + invoice.number()
                + " (Project "
                + world.tag()
                + ") was cancelled by credit notes")
        .contains("/console/projects/" + world.project().id() + "/deliverables");
    // the deposit was credited too, but has no files: nothing to decide there
    World other = fixtures.world("held-no-files");
    fixtures.signedContract(other);
    InvoiceView deposit = invoiceOf(other, other.milestones().get(0).id());
    creditNotes.issue(
        other.owner(), deposit.id(), Money.of(deposit.open().amountMinor(), "EUR"), "x");
    assertThat(consoleHome(other)).doesNotContain("was cancelled by credit notes");
  }

  @Test
  void aPartPaidWhileTheVendorsDisputeHoldsItSaysWhyItStaysSealed() throws Exception {
    World world = fixtures.world("held-disputed");
    fixtures.signedContract(world);
    fixtures.submittedArtifact(world);
    UUID part = world.milestones().get(2).id();
    fixtures.accept(world, part);
    disputes.move(
        world.owner(), part, MilestoneAction.OPEN_DISPUTE, "The logo licence is unclear", null);
    // before it is paid, the client's panel does not promise the files for the payment alone
    String project =
        mvc.perform(
                get("/portal/projects/" + world.project().id())
                    .with(authentication(Sessions.of(world.contactActor()))))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(project)
        .contains("once the dispute is resolved")
        .doesNotContain("ready to download once it is paid");
    fixtures.payInFull(world, part);

    assertThat(deliverables(world))
        .contains("On hold: a dispute is open on this part")
        .doesNotContain("Sealed until invoice");
    assertThat(consoleHome(world))
        .contains(
            "\u201cFinal delivery\u201d (Project "
                + world.tag()
                + ") is paid, and your dispute holds its files");
  }

  private InvoiceView invoiceOf(World world, UUID milestone) {
    return fixtures
        .invoices()
        .invoices(world.owner(), world.project().id(), new Paging(0, 10))
        .items()
        .stream()
        .filter(i -> milestone.equals(i.milestoneId()))
        .findFirst()
        .orElseThrow();
  }

  private String deliverables(World world) throws Exception {
    return mvc.perform(
            get("/portal/projects/" + world.project().id() + "/deliverables")
                .with(authentication(Sessions.of(world.contactActor()))))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  private String consoleHome(World world) throws Exception {
    return mvc.perform(get("/console").with(authentication(Sessions.of(world.owner()))))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }
}
