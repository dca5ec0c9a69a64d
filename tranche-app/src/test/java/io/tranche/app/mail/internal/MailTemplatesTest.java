package io.tranche.app.mail.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every mail Tranche sends is written from a template under {@code templates/mail/}: each one is
 * rendered here with the values its sender gives, and its subject and body are read back, in plain
 * text and in the HTML layout. A template without a case here, or a case without a template, fails.
 */
class MailTemplatesTest {
  private static final String LINK = "https://tranche.example/portal/projects/p-1";
  private static final Path DIR = Path.of("src/main/resources/templates/mail");

  private final MailComposer composer = new MailComposer();

  /** What each sender passes (beside the link), and words the mail must then contain. */
  private static final Map<String, Case> CASES =
      Map.ofEntries(
          entry("quote-sent", Map.of(), "Studio Nord sent you a quote for Nordlicht shop"),
          entry("quote-viewed", Map.of("version", 2), "opened version 2"),
          entry("quote-signed", Map.of(), "Countersign the contract"),
          entry(
              "contract-signed-client",
              Map.of("amendment", false),
              "Your contract with Studio Nord for Nordlicht shop is signed",
              "Both sides signed the contract for Nordlicht shop"),
          entry(
              "contract-signed-vendor",
              Map.of("amendment", true),
              "Amendment signed by both sides: Nordlicht shop"),
          entry(
              "changes-requested",
              Map.of("milestone", "Prototype", "comment", "Larger basket button"),
              "changes to Prototype",
              "Larger basket button"),
          entry(
              "deemed-accepted-client",
              Map.of("reminders", 2),
              "counts as accepted",
              "Reminders sent: 2"),
          entry("deemed-accepted-vendor", Map.of("reminders", 2), "Deemed acceptance"),
          entry(
              "signed-off-client",
              Map.of("signed", true, "ends", "14 Jan 2027"),
              "You signed off the final delivery",
              "open until 14 Jan 2027"),
          entry(
              "signed-off-vendor",
              Map.of("signed", false, "ends", "14 Jan 2027"),
              "counts as signed off"),
          entry(
              "work-submitted",
              Map.of("milestone", "Prototype"),
              "Prototype of Nordlicht shop is ready for your review",
              "Studio Nord delivered Prototype of Nordlicht shop"),
          entry(
              "meeting-logged",
              Map.of("heldAt", "14 Dec 2026, 09:30 CET"),
              "Please confirm the notes of your meeting on 14 Dec 2026, 09:30 CET about Nordlicht shop",
              "Studio Nord wrote down what was said in your meeting about Nordlicht shop"),
          entry(
              "dispute-opened",
              Map.of("milestone", "Prototype", "reason", "The design was not approved"),
              "Prototype of Nordlicht shop is on hold: Studio Nord opened a dispute",
              "Why: The design was not approved"),
          entry(
              "dispute-resolved",
              Map.of("milestone", "Prototype", "outcome", "Approved on the call"),
              "The dispute on Prototype of Nordlicht shop is resolved",
              "How it was resolved: Approved on the call"),
          entry(
              "modification-filed",
              Map.of(
                  "number", 3,
                  "what", "Typo on the imprint",
                  "where", "/imprint",
                  "expected", "Hamburg",
                  "inWindow", true),
              "Modification request #3 on Nordlicht shop: Typo on the imprint",
              "Where: /imprint",
              "minor (free)"),
          entry(
              "modification-done",
              Map.of("number", 3, "what", "Typo on the imprint"),
              "modification #3 of Nordlicht shop is done"),
          entry(
              "modification-classified",
              Map.of("number", 3, "minor", false),
              "It is a change order"),
          entry(
              "client-message",
              Map.of("author", "nina@nordlicht.test"),
              "New message from nina@nordlicht.test on Nordlicht shop"),
          entry("client-accepted", Map.of("signer", "Nina Nord"), "Nina Nord signed"),
          entry(
              "client-reported-payment",
              Map.of("amount", "1000.00 EUR"),
              "Transfer reported: 1000.00 EUR on Nordlicht shop"),
          entry(
              "invoice-issued",
              Map.of(
                  "number", "2026-0003",
                  "total", "1190.00 EUR",
                  "due", "14 Dec 2026",
                  "what", "Final delivery",
                  "unlocks", "final-build.zip",
                  "instructions", "Bank transfer to:\nIBAN DE89 3704 0044 0532 0130 00"),
              "Invoice 2026-0003 from Studio Nord for Nordlicht shop: 1190.00 EUR, due 14 Dec 2026",
              "for Final delivery of Nordlicht shop",
              "Paying it unlocks final-build.zip",
              "IBAN DE89 3704 0044 0532 0130 00"),
          entry(
              "reminder-before-due",
              Map.of("number", "2026-0003", "open", "1000.00 EUR", "due", "14 Dec 2026"),
              "Invoice 2026-0003 from Studio Nord for Nordlicht shop is due on 14 Dec 2026",
              "is attached again"),
          entry(
              "reminder",
              Map.ofEntries(
                  Map.entry("number", "2026-0003"),
                  Map.entry("open", "1000.00 EUR"),
                  Map.entry("due", "14 Dec 2026"),
                  Map.entry("days", 30),
                  Map.entry("wording", "This is our final reminder."),
                  Map.entry("fee", "25.00 EUR"),
                  Map.entry("feeNumber", "2026-0009"),
                  Map.entry("why", "2.5 % of what is open"),
                  Map.entry("stopWork", true),
                  Map.entry("deadline", "27 Jan 2027")),
              "Final reminder and demand for payment: invoice 2026-0003 of Nordlicht shop, 1000.00 EUR",
              "is 30 days overdue",
              "A late fee of 25.00 EUR (2.5 % of what is open) is charged as invoice 2026-0009",
              "Work on Nordlicht shop is paused",
              "asks for payment by 27 Jan 2027"),
          entry(
              "reminder-letter-vendor",
              Map.of(
                  "number",
                  "2026-0003",
                  "open",
                  "1000.00 EUR",
                  "due",
                  "14 Dec 2026",
                  "days",
                  20,
                  "stage",
                  2,
                  "demandLetter",
                  false),
              "Reminder letter to post: invoice 2026-0003 of Nordlicht shop",
              "reminder 2 as a letter",
              "print it and post it."),
          entry(
              "stop-work-vendor",
              Map.of(
                  "number",
                  "2026-0003",
                  "open",
                  "1000.00 EUR",
                  "due",
                  "14 Dec 2026",
                  "days",
                  30,
                  "stopWork",
                  true,
                  "demandLetter",
                  true),
              "Stop-work: Nordlicht shop is paused until invoice 2026-0003 is paid",
              "send it by certified mail"),
          entry(
              "preview-prepared",
              Map.of("name", "Walkthrough", "ready", true, "problem", ""),
              "Video preview ready: Walkthrough for Nordlicht shop",
              "the client can watch it now"),
          entry(
              "credit-note",
              Map.of(
                  "number", "CN-2026-0001",
                  "invoice", "2026-0003",
                  "amount", "119.00 EUR",
                  "reason", "Hosting was not needed"),
              "Credit note CN-2026-0001 from Studio Nord for Nordlicht shop: 119.00 EUR off invoice 2026-0003",
              "Reason: Hosting was not needed"),
          entry(
              "license-preview",
              Map.of("expires", "14 Dec 2026", "machines", 2),
              "Your preview licence for Nordlicht shop",
              "run the preview until 14 Dec 2026, on up to 2 machines"),
          entry(
              "license-full",
              Map.of("machines", 5),
              "Your licence for Nordlicht shop",
              "unlocks every feature, on up to 5 machines"),
          entry(
              "receipt",
              Map.of(
                  "number", "2026-0003",
                  "amount", "1190.00 EUR",
                  "received", "2 Dec 2026",
                  "credit", false,
                  "outcome", "The invoice is paid in full."),
              "Receipt for invoice 2026-0003 of Nordlicht shop",
              "We received 1190.00 EUR for invoice 2026-0003 on 2 Dec 2026. The invoice is paid"),
          entry(
              "review-reminder",
              Map.of("signOff", false, "milestone", "Prototype", "ends", "9 Dec 2026"),
              "Reminder: Prototype of Nordlicht shop awaits your review until 9 Dec 2026",
              "counts it as accepted"),
          entry(
              "delivered",
              Map.of("milestone", "Prototype", "count", 2),
              "Delivered: Prototype of Nordlicht shop",
              "2 sealed files of"),
          entry(
              "released",
              Map.of("milestone", "Prototype"),
              "Released: Prototype of Nordlicht shop"),
          entry(
              "sign-in-link",
              Map.of("name", "Nina Nord", "minutes", 15),
              "Your sign-in link for Studio Nord",
              "Hello Nina Nord",
              "expires in 15 minutes"),
          entry(
              "invitation",
              Map.of("name", "Nina Nord", "days", 7),
              "Studio Nord invites you to Nordlicht shop",
              "for 7 days"));

  record Case(Map<String, Object> values, List<String> expected) {}

  private static Map.Entry<String, Case> entry(
      String name, Map<String, Object> values, String... expected) {
    Map<String, Object> all = new HashMap<>(values);
    all.putIfAbsent("vendor", "Studio Nord");
    all.putIfAbsent("project", "Nordlicht shop");
    all.put("link", LINK);
    return Map.entry(name, new Case(all, List.of(expected)));
  }

  @Test
  void everyTemplateReadsAsABusinessMailWithItsLink() {
    for (var c : CASES.entrySet()) {
      MailComposer.Written mail = composer.write(c.getKey(), c.getValue().values());
      String whole = mail.subject() + "\n" + mail.body();
      assertThat(mail.subject()).as(c.getKey()).isNotBlank().doesNotContain("\n");
      assertThat(mail.body()).as(c.getKey()).contains(LINK).doesNotContain("\n\n\n");
      assertThat(whole).as(c.getKey()).doesNotContain("[(", "[#", "[/]", "null", "${");
      for (String words : c.getValue().expected()) {
        assertThat(whole).as(c.getKey()).contains(words);
      }
      MailComposer.Composed laid = composer.compose("Studio Nord", mail.subject(), mail.body());
      assertThat(laid.html()).as(c.getKey()).contains("href=\"" + LINK + "\"", "Studio Nord");
      assertThat(laid.text()).as(c.getKey()).contains(LINK);
    }
  }

  @Test
  void everySubjectAboutAProjectNamesIt() {
    // a client with two projects, or a vendor with twenty, knows from the inbox which one it is
    for (var c : CASES.entrySet()) {
      if (c.getKey().equals("sign-in-link")) {
        continue; // a sign-in link opens every project of the contact
      }
      assertThat(composer.write(c.getKey(), c.getValue().values()).subject())
          .as(c.getKey())
          .contains("Nordlicht shop");
    }
  }

  @Test
  void aReceiptForCreditAppliedSaysNoNewMoneyChangedHands() {
    Map<String, Object> credit = new HashMap<>(CASES.get("receipt").values());
    credit.put("credit", true);
    assertThat(composer.write("receipt", credit).body())
        .contains(
            "We applied 1190.00 EUR of your credit with us to invoice 2026-0003 on 2 Dec 2026; no"
                + " new money changed hands. The invoice is paid")
        .doesNotContain("We received");
  }

  @Test
  void countsReadAsWordsNotAsFileParenS() {
    Map<String, Object> one = new HashMap<>(CASES.get("delivered").values());
    one.put("count", 1);
    assertThat(composer.write("delivered", one).body())
        .contains("One sealed file of Prototype is ready")
        .doesNotContain("(s)");
    assertThat(composer.write("delivered", CASES.get("delivered").values()).body())
        .contains("2 sealed files of Prototype are ready");
  }

  @Test
  void everyTemplateIsCoveredHereAndSentFromTheCode() throws IOException {
    List<String> files;
    try (Stream<Path> list = Files.list(DIR)) {
      files =
          list.map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith(".txt") && !n.startsWith("layout"))
              .map(n -> n.substring(0, n.length() - 4))
              .sorted()
              .toList();
    }
    assertThat(files).containsExactlyInAnyOrderElementsOf(CASES.keySet());
    String sources;
    try (Stream<Path> java = Files.walk(Path.of("src/main/java"))) {
      sources =
          java.filter(p -> p.toString().endsWith(".java"))
              .map(
                  p -> {
                    try {
                      return Files.readString(p);
                    } catch (IOException e) {
                      throw new java.io.UncheckedIOException(e);
                    }
                  })
              .reduce("", String::concat);
    }
    for (String name : files) {
      assertThat(sources).as("a sender of " + name).contains("\"" + name + "\"");
    }
  }

  @Test
  void onlyMailTemplatesCanBeWritten() {
    assertThatThrownBy(() -> composer.write("layout", Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> composer.write("../fragments", Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
