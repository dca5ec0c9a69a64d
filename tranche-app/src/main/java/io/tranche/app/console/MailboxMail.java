package io.tranche.app.console;

import io.tranche.app.mail.MailboxEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A mail as the console's mailbox shows it: its text in pieces, the web addresses among them as
 * links (the template writes each piece as text, never as markup), and what it carried, each named
 * in words with the console page that downloads it.
 */
record MailboxMail(MailboxEntry mail, List<Piece> body, List<Carried> carried) {
  private static final Pattern ADDRESS = Pattern.compile("https?://[^\\s<>\"]+");

  /** A piece of the text: plain, or a web address ({@code href} set). */
  record Piece(String text, @Nullable String href) {}

  /** A document the mail carried, with the console address that downloads it, if there is one. */
  record Carried(String what, @Nullable String href) {}

  static MailboxMail of(MailboxEntry mail) {
    return new MailboxMail(
        mail, pieces(mail.body()), mail.attachments().stream().map(MailboxMail::carried).toList());
  }

  static List<Piece> pieces(String text) {
    List<Piece> pieces = new ArrayList<>();
    Matcher m = ADDRESS.matcher(text);
    int at = 0;
    while (m.find()) {
      String address = m.group();
      // a sentence's full stop or a closing bracket after an address is not part of it
      int end = address.length();
      while (end > 0 && ".,;:!?)]'".indexOf(address.charAt(end - 1)) >= 0) {
        end--;
      }
      address = address.substring(0, end);
      if (m.start() > at) {
        pieces.add(new Piece(text.substring(at, m.start()), null));
      }
      pieces.add(new Piece(address, address));
      at = m.start() + end;
    }
    if (at < text.length()) {
      pieces.add(new Piece(text.substring(at), null));
    }
    return pieces;
  }

  /** A mail's reference to a document ({@code invoice:<id>}…), in words. */
  static Carried carried(String reference) {
    String[] parts = reference.split(":");
    String id = parts.length > 1 ? parts[1] : "";
    return switch (parts[0]) {
      case "invoice" -> new Carried("The invoice (PDF)", "/console/invoices/" + id + "/pdf");
      case "receipt" -> new Carried("The receipt (PDF)", "/console/payments/" + id + "/receipt");
      case "creditnote" ->
          new Carried("The credit note (PDF)", "/console/credit-notes/" + id + "/pdf");
      case "contract" ->
          new Carried("The signed contract (PDF)", "/console/contracts/" + id + "/pdf");
      case "license" -> new Carried("The licence file", "/console/licenses/" + id + "/token");
      case "demand" ->
          new Carried("The demand letter (PDF)", "/console/invoices/" + id + "/demand-letter");
      case "letter" -> new Carried("The reminder letter (PDF)", null);
      default -> new Carried("A document", null);
    };
  }
}
