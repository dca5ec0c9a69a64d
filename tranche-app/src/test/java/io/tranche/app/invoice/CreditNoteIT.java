package io.tranche.app.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.tranche.app.platform.Dates;
import io.tranche.app.support.Fixtures.World;
import io.tranche.app.support.IntegrationTest;
import io.tranche.app.support.Sessions;
import io.tranche.app.support.TestMail;
import io.tranche.app.workspace.ClientDetails;
import io.tranche.app.workspace.ClientService;
import io.tranche.app.workspace.SettingsService;
import io.tranche.app.workspace.WorkspaceSettings;
import io.tranche.core.invoice.InvoiceLine;
import io.tranche.core.money.Money;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A credit note is a document of its own: numbered in its own series, naming both businesses with
 * address and tax id, the invoice it corrects and why, net, tax and gross per tax rate; issued from
 * the console, mailed to the client with its PDF, filed on both sides, posted to the ledger, kept
 * as evidence; and voiding an invoice issues one too.
 */
class CreditNoteIT extends IntegrationTest {
  @Autowired SettingsService settings;
  @Autowired ClientService clients;
  @Autowired InvoiceService invoices;

  @Test
  void aCreditNoteIsANumberedDocumentBothSidesFileAndTheClientGetsByMail() throws Exception {
    World world = fixtures.world("credit");
    identities(world);
    InvoiceView invoice =
        invoices.issueManual(
            world.owner(),
            world.project().id(),
            List.of(
                new InvoiceLine("Design", 1, Money.parse("1000.00", "EUR"), 1900),
                new InvoiceLine("Hosting abroad", 1, Money.parse("200.00", "EUR"), 0)));
    var owner = authentication(Sessions.of(world.owner()));

    // too much is refused above the list, and nothing is written
    mvc.perform(
            post("/console/invoices/" + invoice.id() + "/credit-notes")
                .param("amount", "5000.00")
                .param("reason", "Too much")
                .with(csrf())
                .with(owner))
        .andExpect(status().is3xxRedirection());
    assertThat(notes(world)).isZero();

    mvc.perform(
            post("/console/invoices/" + invoice.id() + "/credit-notes")
                .param("amount", "139,00")
                .param("reason", "Hosting was not needed")
                .with(csrf())
                .with(owner))
        .andExpect(status().is3xxRedirection());
    assertThat(notes(world)).isOne();
    int year = invoice.issuedOn().getYear();
    String number = "CN-" + year + "-0001";
    UUID noteId =
        jdbc.sql("select id from credit_note where workspace_id = ? and number = ?")
            .params(world.owner().workspaceId(), number)
            .query(UUID.class)
            .single();

    String console =
        mvc.perform(get("/console/projects/" + world.project().id() + "/invoices").with(owner))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(console).contains(number).contains("/console/credit-notes/" + noteId + "/pdf");
    String portal =
        mvc.perform(
                get("/portal/projects/" + world.project().id() + "/invoices")
                    .with(authentication(Sessions.of(world.contactActor()))))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(portal).contains("/portal/credit-notes/" + noteId + "/pdf").contains(number);

    String text =
        pdfText(
            mvc.perform(
                    get("/portal/credit-notes/" + noteId + "/pdf")
                        .with(authentication(Sessions.of(world.contactActor()))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray());
    assertThat(text)
        .contains("Credit note " + number)
        .contains("Studio Nord Hafenweg 3 20457 Hamburg VAT/tax id: DE123456789")
        .contains(world.client().name() + " Rue de la Paix 2 75002 Paris VAT/tax id: FR12345678901")
        .contains("Credit note number " + number)
        .contains("Corrects invoice " + invoice.number())
        .contains("Invoice date " + Dates.day(invoice.issuedOn()))
        .contains("Supply date " + Dates.day(invoice.issuedOn()))
        .contains("Reason Hosting was not needed")
        .contains("Tax rate Net Tax Gross")
        // 139.00 over 1190.00 (19 %) and 200.00 (0 %): 119.00 = 100.00 + 19.00, and 20.00
        .contains("0 % -20.00 EUR 0.00 EUR -20.00 EUR")
        .contains("19 % -100.00 EUR -19.00 EUR -119.00 EUR")
        .contains("Total credited -139.00 EUR")
        .as("a share at 0 % says why it carries no tax")
        .contains("Reverse charge: the client accounts for the VAT on the untaxed lines.")
        .contains("reduces what invoice " + invoice.number() + " asks for by 139.00 EUR.")
        // a figure that changes with later payments has no place on a document issued once
        .doesNotContain("Still open");

    var mail = TestMail.awaitMailTo(world.contact().email(), "Credit note " + number);
    assertThat(TestMail.text(mail))
        .contains("reduces what invoice " + invoice.number() + " asks for by 139.00 EUR")
        .contains("Reason: Hosting was not needed");
    assertThat(TestMail.attachments(mail)).containsOnlyKeys("credit-note-" + number + ".pdf");

    assertThat(
            jdbc.sql("select sum(amount_minor) from ledger_posting where workspace_id = ?")
                .param(world.owner().workspaceId())
                .query(Long.class)
                .single())
        .as("the ledger balances")
        .isZero();
    assertThat(
            jdbc.sql(
                    "select count(*) from evidence_entry where workspace_id = ? and type ="
                        + " 'credit-note.issued'")
                .param(world.owner().workspaceId())
                .query(Long.class)
                .single())
        .isOne();

    // another workspace sees nothing of it
    World other = fixtures.world("credit-other");
    mvc.perform(
            get("/portal/credit-notes/" + noteId + "/pdf")
                .with(authentication(Sessions.of(other.contactActor()))))
        .andExpect(status().isNotFound());
    mvc.perform(
            get("/console/credit-notes/" + noteId + "/pdf")
                .with(authentication(Sessions.of(other.owner()))))
        .andExpect(status().isNotFound());
    mvc.perform(
            get("/api/v1/invoices/" + invoice.id() + "/credit-notes")
                .header("Authorization", "Bearer " + world.apiToken()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].number").value(number))
        .andExpect(jsonPath("$[0].shares.length()").value(2));
  }

  @Test
  void voidingAnInvoiceIssuesACreditNoteForWhatItAsked() throws Exception {
    World world = fixtures.world("credit-void");
    UUID invoice = fixtures.invoice(world);
    mvc.perform(
            post("/api/v1/invoices/" + invoice + "/void")
                .header("Authorization", "Bearer " + world.apiToken()))
        .andExpect(status().isOk());
    mvc.perform(
            get("/api/v1/invoices/" + invoice + "/credit-notes")
                .header("Authorization", "Bearer " + world.apiToken()))
        .andExpect(jsonPath("$[0].total.amountMinor").value(1000))
        .andExpect(jsonPath("$[0].reason").value(org.hamcrest.Matchers.endsWith("voided")));
    assertThat(notes(world)).isOne();
  }

  private long notes(World world) {
    return jdbc.sql("select count(*) from credit_note where workspace_id = ?")
        .param(world.owner().workspaceId())
        .query(Long.class)
        .single();
  }

  private void identities(World world) {
    settings.update(
        world.owner(),
        new WorkspaceSettings.Change(
            "Studio Nord",
            "Hafenweg 3\n20457 Hamburg",
            "DE123456789",
            null,
            "IBAN DE89 3704 0044 0532 0130 00",
            null,
            null,
            null,
            null,
            null,
            "Reverse charge: the client accounts for the VAT on the untaxed lines."));
    clients.updateClient(
        world.owner(),
        world.client().id(),
        new ClientDetails(null, null, "Rue de la Paix 2\n75002 Paris", "FR12345678901"));
  }

  private static String pdfText(byte[] pdf) throws Exception {
    try (var doc = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
    }
  }
}
