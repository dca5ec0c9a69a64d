package io.tranche.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.tranche.app.console.MailboxMail.Carried;
import io.tranche.app.console.MailboxMail.Piece;
import org.junit.jupiter.api.Test;

class MailboxMailTest {
  @Test
  void webAddressesBecomeLinksWithoutTheSentencesPunctuation() {
    assertThat(
            MailboxMail.pieces(
                "Sign in (https://a.test/login?t=1). Or see http://b.test/x, then reply."))
        .containsExactly(
            new Piece("Sign in (", null),
            new Piece("https://a.test/login?t=1", "https://a.test/login?t=1"),
            new Piece("). Or see ", null),
            new Piece("http://b.test/x", "http://b.test/x"),
            new Piece(", then reply.", null));
    assertThat(MailboxMail.pieces("No address here; ftp://c.test is not one"))
        .containsExactly(new Piece("No address here; ftp://c.test is not one", null));
    assertThat(MailboxMail.pieces("")).isEmpty();
    // a scheme other than http(s) is never a link
    assertThat(MailboxMail.pieces("javascript:alert(1)"))
        .extracting(Piece::href)
        .containsOnlyNulls();
  }

  @Test
  void whatAMailCarriedIsNamedWithThePageThatDownloadsIt() {
    String id = "0b3c7f8e-1d2a-4e5f-8a9b-0c1d2e3f4a5b";
    assertThat(MailboxMail.carried("invoice:" + id))
        .isEqualTo(new Carried("The invoice (PDF)", "/console/invoices/" + id + "/pdf"));
    assertThat(MailboxMail.carried("receipt:" + id).href())
        .isEqualTo("/console/payments/" + id + "/receipt");
    assertThat(MailboxMail.carried("contract:" + id).what()).isEqualTo("The signed contract (PDF)");
    assertThat(MailboxMail.carried("letter:" + id + ":2"))
        .isEqualTo(new Carried("The reminder letter (PDF)", null));
    assertThat(MailboxMail.carried("other:" + id)).isEqualTo(new Carried("A document", null));
  }
}
