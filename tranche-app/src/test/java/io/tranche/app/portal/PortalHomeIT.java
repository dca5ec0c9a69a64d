package io.tranche.app.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.tranche.app.contract.QuoteService;
import io.tranche.app.platform.Actor;
import io.tranche.app.platform.Paging;
import io.tranche.app.project.NewProject;
import io.tranche.app.project.ProjectService;
import io.tranche.app.project.ProjectView;
import io.tranche.app.support.Fixtures;
import io.tranche.app.support.Fixtures.World;
import io.tranche.app.support.IntegrationTest;
import io.tranche.app.support.Sessions;
import io.tranche.core.milestone.PaymentPlan;
import io.tranche.core.money.Money;
import io.tranche.core.project.ProjectType;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The client's home says, for each of their projects, what it asks of them now: the money open on
 * its invoices and when it is due, or a quote to sign, or nothing.
 */
class PortalHomeIT extends IntegrationTest {
  @Autowired ProjectService projects;
  @Autowired QuoteService quotes;

  @Test
  void eachProjectSaysWhatIsDueNowAndWhenOrThatAQuoteWaitsForASignature() throws Exception {
    World world = fixtures.world("home-due");
    fixtures.signedContract(world); // the deposit: 1000.00 EUR, issued today
    fixtures.invoice(world); // and 10.00 EUR by hand
    ProjectView quoted = projectWithASentQuote(world, "Quoted " + world.tag());
    // a project of the same workspace the contact is not on owes money too: not theirs to see
    World sibling = fixtures.sibling(world, "home-due-sibling");
    fixtures.signedContract(sibling);

    String home = home(world);
    String card = card(home, world.project().name());
    assertThat(card)
        .contains("To pay now:")
        .contains("<strong>1010.00 EUR</strong>")
        .contains("due " + dueOfDeposit(world))
        .contains("/portal/projects/" + world.project().id() + "#due")
        .contains("Total 3000.00 EUR")
        .doesNotContain("was due");
    assertThat(card(home, quoted.name()))
        .contains("A quote waits for your signature.")
        .contains("/portal/projects/" + quoted.id() + "/quotes")
        .doesNotContain("To pay now")
        .doesNotContain("Nothing to pay now");
    assertThat(home).doesNotContain(sibling.project().name());

    // past its due date the amount is said to be late
    clock.advance(Duration.ofDays(60));
    assertThat(card(home(world), world.project().name()))
        .contains("was due " + dueOfDeposit(world));
    // a new invoice, not yet due: only the late part is said to be late
    fixtures.invoice(world);
    assertThat(card(home(world), world.project().name()))
        .contains("<strong>1020.00 EUR</strong>")
        .contains("1010.00 EUR of it overdue since " + dueOfDeposit(world))
        .doesNotContain("was due");

    // paid in full: nothing is asked
    fixtures.payInFull(world, world.milestones().get(0).id());
    for (var manual : fixtures.invoices().owing(world.owner(), world.project().id())) {
      fixtures
          .payments()
          .recordPayment(
              world.owner(),
              manual.id(),
              Money.of(manual.open().amountMinor(), "EUR"),
              LocalDate.now(),
              "the rest");
    }
    assertThat(card(home(world), world.project().name()))
        .contains("Nothing to pay now.")
        .doesNotContain("To pay now");
  }

  private ProjectView projectWithASentQuote(World world, String name) {
    Actor owner = world.owner();
    ProjectView project =
        projects.create(
            owner,
            new NewProject(
                world.client().id(),
                name,
                ProjectType.WEB,
                Money.of(0, "EUR"),
                PaymentPlan.thirds(Money.parse("3000.00", "EUR")),
                List.of(world.contact().id())));
    var quote = quotes.create(owner, project.id(), Fixtures.quoteContent(world.tag()));
    quotes.send(owner, quote.id());
    return project;
  }

  private String dueOfDeposit(World world) {
    LocalDate due =
        fixtures
            .invoices()
            .invoices(world.owner(), world.project().id(), new Paging(0, 10))
            .items()
            .get(0)
            .dueOn();
    return io.tranche.app.platform.Dates.day(due);
  }

  private String home(World world) throws Exception {
    return mvc.perform(get("/portal").with(authentication(Sessions.of(world.contactActor()))))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  /** The card of one project on the home page. */
  private static String card(String home, String projectName) {
    var m =
        Pattern.compile(
                "<li>(?:(?!</li>).)*?>" + Pattern.quote(projectName) + "<.*?</li>", Pattern.DOTALL)
            .matcher(home);
    assertThat(m.find()).as("a card for " + projectName).isTrue();
    return m.group();
  }
}
