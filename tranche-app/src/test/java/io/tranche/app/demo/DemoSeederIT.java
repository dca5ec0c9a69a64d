package io.tranche.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.tranche.app.artifact.ArtifactService;
import io.tranche.app.artifact.ArtifactView;
import io.tranche.app.platform.Actor;
import io.tranche.app.platform.Paging;
import io.tranche.app.project.MilestoneService;
import io.tranche.app.project.MilestoneView;
import io.tranche.app.project.ProjectService;
import io.tranche.app.support.IntegrationTest;
import io.tranche.app.workspace.WorkspaceService;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code --demo}'s workspace tells the story once: deposit paid with its receipt, prototype
 * accepted, paid and released, final build accepted and sealed with its invoice due, and a second
 * client's quote waiting for signature.
 */
class DemoSeederIT extends IntegrationTest {
  @Autowired DemoSeeder seeder;
  @Autowired TransactionTemplate transaction;
  @Autowired WorkspaceService workspaces;
  @Autowired ProjectService projects;
  @Autowired MilestoneService milestones;
  @Autowired ArtifactService artifacts;
  @Autowired io.tranche.app.invoice.InvoiceService invoices;
  @Autowired io.tranche.app.contract.QuoteService quotes;
  @Autowired io.tranche.app.invoice.InvoiceDocuments documents;

  @Test
  void tellsTheStoryOnce() throws Exception {
    for (int run = 0; run < 2; run++) {
      String token = transaction.execute(s -> seeder.seed());
      assertThat(token).startsWith("trn_");
      seeder.tellStory();
    }
    Actor owner =
        workspaces
            .memberLogin(DemoSeeder.OWNER_EMAIL)
            .map(WorkspaceService.MemberLogin::actor)
            .orElseThrow();
    var all = projects.projects(owner, new Paging(0, Paging.MAX_SIZE)).items();
    var project =
        all.stream().filter(p -> p.name().equals(DemoSeeder.PROJECT)).findFirst().orElseThrow();
    List<MilestoneView> plan =
        milestones.milestones(owner, project.id(), new Paging(0, Paging.MAX_SIZE)).items();
    assertThat(plan)
        .extracting(m -> m.state().name())
        .containsExactly("PAID", "RELEASED", "INVOICED");

    var bills = invoices.invoices(owner, project.id(), new Paging(0, Paging.MAX_SIZE)).items();
    assertThat(bills).hasSize(3);
    var deposit = bills.stream().filter(i -> plan.get(0).id().equals(i.milestoneId())).findFirst();
    assertThat(invoices.payments(owner, deposit.orElseThrow().id()))
        .singleElement()
        .satisfies(p -> assertThat(p.status()).isEqualTo("CONFIRMED"));
    var last = bills.stream().filter(i -> plan.get(2).id().equals(i.milestoneId())).findFirst();
    assertThat(last.orElseThrow().open().formatted()).isEqualTo("1000.00 EUR");
    // a German studio bills a UK business without VAT, and its invoice says why
    var pdf = documents.invoicePdf(owner, last.orElseThrow().id());
    try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf.readAll())) {
      assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s+", " "))
          .contains("Not subject to German VAT");
    }

    List<ArtifactView> prototype = artifacts.artifacts(owner, plan.get(1).id());
    assertThat(prototype).singleElement().satisfies(a -> assertThat(a.released()).isTrue());
    // the receipt of the payment that settled the prototype's invoice says what it opened
    var prototypeBill =
        bills.stream().filter(i -> plan.get(1).id().equals(i.milestoneId())).findFirst();
    var settling = invoices.payments(owner, prototypeBill.orElseThrow().id()).get(0);
    try (var doc =
        org.apache.pdfbox.Loader.loadPDF(documents.receiptPdf(owner, settling.id()).readAll())) {
      assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s+", " "))
          .contains("Receipt " + settling.receiptNumber())
          .contains("What this payment opened")
          .contains(prototype.get(0).name());
    }
    // a receipt issued before its figures were kept cannot tell which payment settled the invoice
    jdbc.sql("update payment set receipt_paid_minor = null, receipt_open_minor = null where id = ?")
        .param(settling.id())
        .update();
    try (var doc =
        org.apache.pdfbox.Loader.loadPDF(documents.receiptPdf(owner, settling.id()).readAll())) {
      assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(doc))
          .contains("Paid on this invoice so far")
          .doesNotContain("What this payment opened");
    }
    List<ArtifactView> delivered = artifacts.artifacts(owner, plan.get(2).id());
    assertThat(delivered).hasSize(1);
    assertThat(delivered.get(0).name()).isEqualTo(DemoStory.FINAL_BUILD);
    assertThat(delivered.get(0).receiptIssuedAt()).isNotNull();
    assertThat(delivered.get(0).released()).isFalse();

    var birch =
        all.stream()
            .filter(p -> p.name().equals("Birch & Co booking app"))
            .findFirst()
            .orElseThrow();
    assertThat(quotes.quotes(owner, birch.id(), new Paging(0, 10)).items())
        .singleElement()
        .satisfies(q -> assertThat(q.status().name()).isEqualTo("SENT"));
  }
}
