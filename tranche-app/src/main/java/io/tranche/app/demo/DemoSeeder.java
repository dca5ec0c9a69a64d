package io.tranche.app.demo;

import io.tranche.app.account.ApiTokenService;
import io.tranche.app.account.SetupService;
import io.tranche.app.artifact.ArtifactService;
import io.tranche.app.contract.SignedBy;
import io.tranche.app.platform.Actor;
import io.tranche.app.platform.BaseUrl;
import io.tranche.app.platform.Paging;
import io.tranche.app.project.MilestoneService;
import io.tranche.app.project.NewProject;
import io.tranche.app.project.ProjectService;
import io.tranche.app.project.ProjectView;
import io.tranche.app.workspace.ClientService;
import io.tranche.app.workspace.ClientView;
import io.tranche.app.workspace.ContactView;
import io.tranche.app.workspace.WorkspaceService;
import io.tranche.app.workspace.WorkspaceSettings;
import io.tranche.core.contract.QuoteContent;
import io.tranche.core.contract.QuoteLine;
import io.tranche.core.contract.QuoteTerms;
import io.tranche.core.contract.SignatureRequest;
import io.tranche.core.milestone.PaymentPlan;
import io.tranche.core.money.Money;
import io.tranche.core.project.ProjectType;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * With {@code --demo}: seeds a demo workspace once and prints the logins and a fresh demo API
 * token. Acme Bakery's web shop, on the default 1/3-1/3-1/3 plan of 3000.00 EUR under a contract
 * both sides signed, is where {@link DemoStory} leaves it: deposit paid, prototype accepted, paid
 * and released, final build accepted and sealed with its invoice due. Birch & Co has a quote
 * waiting for signature.
 */
@Component
class DemoSeeder {
  static final String WORKSPACE = "Demo Studio";
  static final String OWNER_EMAIL = "owner@demo.tranche.test";
  static final String OWNER_PASSWORD = "demo-password-1";
  static final String CONTACT_EMAIL = "client@demo.tranche.test";
  static final String PROJECT = "Acme Bakery web shop";

  private final ApplicationArguments arguments;
  private final WorkspaceService workspaces;
  private final ClientService clients;
  private final ProjectService projects;
  private final MilestoneService milestones;
  private final ArtifactService artifacts;
  private final ApiTokenService tokens;
  private final SetupService setup;
  private final io.tranche.app.contract.QuoteService quotes;
  private final io.tranche.app.contract.QuoteSigning quoteSigning;
  private final io.tranche.app.contract.ContractService contracts;
  private final BaseUrl baseUrl;
  private final TransactionTemplate transaction;
  private final DemoStory story;
  private final io.tranche.app.workspace.SettingsService settings;

  DemoSeeder(
      ApplicationArguments arguments,
      WorkspaceService workspaces,
      ClientService clients,
      ProjectService projects,
      MilestoneService milestones,
      ArtifactService artifacts,
      ApiTokenService tokens,
      SetupService setup,
      io.tranche.app.contract.QuoteService quotes,
      io.tranche.app.contract.QuoteSigning quoteSigning,
      io.tranche.app.contract.ContractService contracts,
      BaseUrl baseUrl,
      TransactionTemplate transaction,
      DemoStory story,
      io.tranche.app.workspace.SettingsService settings) {
    this.quotes = quotes;
    this.quoteSigning = quoteSigning;
    this.contracts = contracts;
    this.arguments = arguments;
    this.workspaces = workspaces;
    this.clients = clients;
    this.projects = projects;
    this.milestones = milestones;
    this.artifacts = artifacts;
    this.tokens = tokens;
    this.setup = setup;
    this.baseUrl = baseUrl;
    this.transaction = transaction;
    this.story = story;
    this.settings = settings;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(10)
  void seedIfAsked() {
    if (!arguments.containsOption("demo")) {
      return;
    }
    String token = transaction.execute(status -> seed());
    tellStory();
    System.out.println(
        """
        Demo workspace "%s" is ready.
          Vendor console: %s/login    %s / %s
          Client portal:  %s    %s (the sign-in link arrives in the mailbox:
                          the console's Mailbox page, or your SMTP server if one is configured)
          API token:      %s
                          try: curl -H 'Authorization: Bearer %s' %s/api/v1/projects
          Acme Bakery's deposit is paid and its prototype released; the final build is accepted
          and sealed until its invoice is paid. Birch & Co has a quote waiting for signature.
        """
            .formatted(
                WORKSPACE,
                baseUrl.get(),
                OWNER_EMAIL,
                OWNER_PASSWORD,
                baseUrl.portal(owner().workspaceId(), "/portal/login"),
                CONTACT_EMAIL,
                token,
                token,
                baseUrl.get()));
  }

  private Actor owner() {
    return workspaces
        .memberLogin(OWNER_EMAIL)
        .map(WorkspaceService.MemberLogin::actor)
        .orElseThrow();
  }

  /**
   * Tells the demo project's story once (see {@link DemoStory}). Runs after {@link #seed()}
   * committed: uploads commit in steps of their own, and invoices and releases follow each step's
   * commit.
   */
  void tellStory() {
    Actor owner = owner();
    var project =
        projects.projects(owner, new Paging(0, Paging.MAX_SIZE)).items().stream()
            .filter(p -> p.name().equals(PROJECT))
            .findFirst();
    if (project.isEmpty()) {
      return;
    }
    Actor client =
        clients.contactsForSignIn(CONTACT_EMAIL).stream()
            .filter(c -> c.workspaceId().value().equals(owner.workspaceId()))
            .findFirst()
            .flatMap(c -> clients.contactActor(c.id().value()))
            .orElseThrow();
    story.tell(owner, client, project.get().id());
  }

  /** Seeds the workspace unless its owner exists, and returns a new API token for the owner. */
  String seed() {
    Actor owner =
        workspaces
            .memberLogin(OWNER_EMAIL)
            .map(WorkspaceService.MemberLogin::actor)
            .orElseGet(this::createWorkspace);
    return tokens.create(owner, "demo").secret();
  }

  private Actor createWorkspace() {
    var member =
        workspaces.createWithOwner(
            WORKSPACE, "Dana Vendor", OWNER_EMAIL, setup.hashPassword(OWNER_PASSWORD));
    Actor owner = workspaces.memberActor(member.id().value()).orElseThrow();
    settings.update(
        owner,
        new WorkspaceSettings.Change(
            null,
            "Hafenweg 3\n20457 Hamburg\nGermany",
            "DE123456789",
            "EUR",
            "Demo Studio · IBAN DE89 3704 0044 0532 0130 00 · BIC COBADEFFXXX",
            null,
            14,
            "Europe/Berlin",
            null,
            null,
            // the demo's client is a business in the UK: no German VAT, and the invoice says why
            "Not subject to German VAT: a service to a business outside the EU, taxable where the"
                + " client is (§ 3a (2) UStG)."));
    ClientView client =
        clients.createClient(
            owner,
            new io.tranche.app.workspace.ClientDetails(
                "Acme Bakery Ltd",
                "accounts@acme.test",
                "12 Mill Lane\nBristol BS1 4DJ",
                "GB123456789"));
    ContactView contact = clients.createContact(owner, client.id(), "Chris Client", CONTACT_EMAIL);
    ProjectView project =
        projects.create(
            owner,
            new NewProject(
                client.id(),
                PROJECT,
                ProjectType.WEB,
                Money.of(0, "EUR"),
                PaymentPlan.thirds(Money.parse("3000.00", "EUR")),
                List.of(contact.id())));
    signContract(owner, contact, project);
    quoteWaiting(owner);
    return owner;
  }

  /** A second client whose first quote waits for their signature. */
  private void quoteWaiting(Actor owner) {
    ClientView client = clients.createClient(owner, "Birch & Co", "office@birch.test");
    ContactView contact = clients.createContact(owner, client.id(), "Bea Birch", "bea@birch.test");
    ProjectView project =
        projects.create(
            owner,
            new NewProject(
                client.id(),
                "Birch & Co booking app",
                ProjectType.WEB,
                Money.of(0, "EUR"),
                PaymentPlan.thirds(Money.of(0, "EUR")),
                List.of(contact.id())));
    var quote =
        quotes.create(
            owner,
            project.id(),
            new QuoteContent(
                "A booking app for Birch & Co's workshops: calendar, bookings, reminders.",
                "Eight weeks: a prototype after four, the finished app after eight.",
                List.of(
                    new QuoteLine("Booking app, fixed price", 1, Money.parse("4500.00", "EUR"))),
                0,
                PaymentPlan.thirds(Money.parse("4500.00", "EUR")),
                workspaces.today(owner.workspaceId()).plusMonths(1),
                new QuoteTerms(
                    QuoteTerms.DEFAULT_REVIEW_DAYS,
                    QuoteTerms.DEFAULT_MODIFICATION_DAYS,
                    Money.of(0, "EUR"))));
    quotes.send(owner, quote.id());
  }

  /**
   * The demo project's contract, signed by both sides as they would in the portal and the console:
   * the quote is sent and signed by the client, then countersigned; the deposit is invoiced.
   */
  private void signContract(Actor owner, ContactView contact, ProjectView project) {
    Actor client = clients.contactActor(contact.id()).orElseThrow();
    var quote =
        quotes.create(
            owner,
            project.id(),
            new QuoteContent(
                "An online shop for Acme Bakery: catalogue, basket, card payments.",
                "Six weeks: a prototype after three, the finished shop after six.",
                List.of(new QuoteLine("Web shop, fixed price", 1, Money.parse("3000.00", "EUR"))),
                0,
                PaymentPlan.thirds(Money.parse("3000.00", "EUR")),
                java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusMonths(1),
                new QuoteTerms(
                    QuoteTerms.DEFAULT_REVIEW_DAYS,
                    QuoteTerms.DEFAULT_MODIFICATION_DAYS,
                    Money.of(0, "EUR"))));
    quotes.send(owner, quote.id());
    String hash = quotes.open(client, quote.id()).documentHash();
    var contract =
        quoteSigning.sign(
            client,
            quote.id(),
            new SignatureRequest("Chris Client", true, hash),
            new SignedBy("127.0.0.1", "demo seeder"));
    String contractHash = contracts.open(owner, contract.id()).documentHash();
    contracts.countersign(
        owner,
        contract.id(),
        new SignatureRequest("Dana Vendor", true, contractHash),
        new SignedBy("127.0.0.1", "demo seeder"));
  }
}
