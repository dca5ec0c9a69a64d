package io.tranche.app.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.tranche.app.invoice.PaymentService;
import io.tranche.app.message.MessageService;
import io.tranche.app.support.Fixtures.World;
import io.tranche.app.support.IntegrationTest;
import io.tranche.app.support.Sessions;
import io.tranche.app.support.TestMail;
import io.tranche.core.money.Money;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The console's home says what waits for the vendor, each a link to where it is done: a contract to
 * countersign, a client's message to answer, a reported transfer to confirm, an overdue invoice;
 * and nothing of another workspace.
 */
class AttentionIT extends IntegrationTest {
  @Autowired MessageService messages;
  @Autowired PaymentService payments;

  @Test
  void theHomeListsWhatWaitsForTheVendorWithLinksToWhereItIsDone() throws Exception {
    World world = fixtures.world("attention");
    World other = fixtures.world("elsewhere");
    var agreements = fixtures.agreements(world);
    fixtures.agreements(other);
    messages.post(
        world.contactActor(), world.project().id(), "Can the shop take gift cards?", List.of());
    UUID invoice = fixtures.invoice(world);
    payments.reportPayment(
        world.contactActor(),
        invoice,
        Money.parse("10.00", "EUR"),
        LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC),
        "my transfer");
    UUID overdue = fixtures.invoice(world);
    clock.advance(Duration.ofDays(40));

    String home =
        mvc.perform(get("/console").with(authentication(Sessions.of(world.owner()))))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    String project = world.project().name();
    assertThat(home)
        .contains("Needs your attention")
        .contains("Countersign the contract for " + project)
        .contains("href=\"/console/contracts/" + agreements.contractId() + "\"")
        .contains(world.contact().email() + " wrote about " + project)
        .contains("href=\"/console/projects/" + world.project().id() + "/messages\"")
        .contains("Confirm the transfer of 10.00 EUR the client reported")
        .contains("is overdue: it was due on")
        .doesNotContain(other.project().name());
    assertThat(overdue).isNotNull();
    // and the vendor heard of each client action by mail, once
    TestMail.awaitMailTo(world.ownerEmail(), "New message from " + world.contact().email());
    TestMail.awaitMailTo(world.ownerEmail(), "Transfer reported: 10.00 EUR on " + project);
    assertThat(mailsTo(world.ownerEmail(), "New message from")).isEqualTo(1);
    assertThat(mailsTo(world.ownerEmail(), "Transfer reported")).isEqualTo(1);
  }

  private static long mailsTo(String to, String subject) throws Exception {
    long n = 0;
    for (var m : TestMail.server().getReceivedMessages()) {
      if (m.getSubject().startsWith(subject)
          && java.util.Arrays.stream(m.getAllRecipients())
              .anyMatch(a -> a.toString().equalsIgnoreCase(to))) {
        n++;
      }
    }
    return n;
  }

  @Test
  void anAnsweredMessageNoLongerWaits() throws Exception {
    World world = fixtures.world("answered");
    messages.post(world.contactActor(), world.project().id(), "A question", List.of());
    messages.post(world.owner(), world.project().id(), "An answer", List.of());
    String home =
        mvc.perform(get("/console").with(authentication(Sessions.of(world.owner()))))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(home).doesNotContain("waits for your answer").contains("Nothing waits for you");
  }
}
