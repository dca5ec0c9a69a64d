package io.tranche.app.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.tranche.app.support.Fixtures.World;
import io.tranche.app.support.IntegrationTest;
import io.tranche.app.support.TestMail;
import jakarta.mail.internet.InternetAddress;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Mail reads like a business sent it: from the workspace's name, an HTML part with its link as a
 * button and a plain-text part with the same words, both from the templates under templates/mail/.
 */
class MailLayoutIT extends IntegrationTest {
  @Autowired MailService mail;

  @Test
  void aMailComesFromTheBusinessWithAnHtmlAndAPlainTextPart() throws Exception {
    World world = fixtures.world("layout");
    String to = "reader-" + world.tag() + "@client.test";
    mail.enqueue(
        new OutgoingMail(
            world.owner().workspaceId(),
            to,
            "Your invoice 2026-0007",
            "Invoice 2026-0007 for 1000.00 EUR is due on 14 Dec 2026.\n\n"
                + "See it here:\n"
                + "http://localhost/portal/projects/x/invoices\n\n"
                + "Thank you & <b>regards</b>"));
    var received = TestMail.awaitMailTo(to, "Your invoice 2026-0007");
    String workspace = "Studio " + world.tag();
    assertThat(((InternetAddress) received.getFrom()[0]).getPersonal())
        .isEqualTo(workspace + " via Tranche");
    assertThat(received.getContentType()).startsWith("multipart/");
    String text = TestMail.text(received);
    assertThat(text)
        .startsWith(workspace)
        .contains("Invoice 2026-0007 for 1000.00 EUR is due on 14 Dec 2026.")
        .contains("http://localhost/portal/projects/x/invoices")
        .contains("Sent by " + workspace + " with Tranche");
    String html = TestMail.html(received);
    assertThat(html)
        .contains("<html lang=\"en\"")
        .contains(workspace)
        .contains("href=\"http://localhost/portal/projects/x/invoices\"")
        .contains("Open in Tranche")
        .contains("Thank you &amp; &lt;b&gt;regards&lt;/b&gt;")
        .doesNotContain("<b>regards</b>");
  }

  @Test
  void theInvoiceAndReceiptMailsCarryTheirPdfs() throws Exception {
    World world = fixtures.world("attached");
    var invoice = fixtures.invoices().invoice(world.owner(), fixtures.invoice(world));
    var issued = TestMail.awaitMailTo(world.contact().email(), "Invoice " + invoice.number());
    var files = TestMail.attachments(issued);
    assertThat(files).containsOnlyKeys("invoice-" + invoice.number() + ".pdf");
    try (var pdf = org.apache.pdfbox.Loader.loadPDF(files.values().iterator().next())) {
      assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(pdf))
          .contains("Invoice " + invoice.number())
          .contains(world.client().name());
    }
    fixtures
        .payments()
        .recordPayment(
            world.owner(),
            invoice.id(),
            io.tranche.core.money.Money.parse("10.00", "EUR"),
            java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC),
            "SEPA");
    var receipt = TestMail.awaitMailTo(world.contact().email(), "Receipt for invoice");
    assertThat(TestMail.attachments(receipt).keySet())
        .singleElement()
        .satisfies(name -> assertThat(name).startsWith("receipt-").endsWith(".pdf"));
  }
}
