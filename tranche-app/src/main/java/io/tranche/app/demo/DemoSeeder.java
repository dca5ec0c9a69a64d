package io.tranche.app.demo;

import io.tranche.app.account.ApiTokenService;
import io.tranche.app.account.SetupService;
import io.tranche.app.artifact.ArtifactService;
import io.tranche.app.contract.SignedBy;
import io.tranche.app.platform.Actor;
import io.tranche.app.platform.BaseUrl;
import io.tranche.app.platform.Paging;
import io.tranche.app.project.MilestoneService;
import io.tranche.app.project.MilestoneView;
import io.tranche.app.project.NewProject;
import io.tranche.app.project.ProjectService;
import io.tranche.app.project.ProjectView;
import io.tranche.app.workspace.ClientService;
import io.tranche.app.workspace.ClientView;
import io.tranche.app.workspace.ContactView;
import io.tranche.app.workspace.WorkspaceService;
import io.tranche.core.contract.QuoteContent;
import io.tranche.core.contract.QuoteLine;
import io.tranche.core.contract.QuoteTerms;
import io.tranche.core.contract.SignatureRequest;
import io.tranche.core.milestone.MilestoneAction;
import io.tranche.core.milestone.MilestoneState;
import io.tranche.core.milestone.PaymentPlan;
import io.tranche.core.money.Money;
import io.tranche.core.project.ProjectType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * With {@code --demo}: seeds a demo workspace once (an owner, a client with a contact, a web
 * project on the default 1/3-1/3-1/3 plan under a contract both sides signed, so its deposit is
 * invoiced, and whose final delivery is submitted for review with a sealed build and its receipt)
 * and prints the logins and a fresh demo API token.
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
      TransactionTemplate transaction) {
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
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(10)
  void seedIfAsked() {
    if (!arguments.containsOption("demo")) {
      return;
    }
    String token = transaction.execute(status -> seed());
    deliverBuild();
    System.out.println(
        """
        Demo workspace "%s" is ready.
          Vendor console: %s/login    %s / %s
          Client portal:  %s    %s (the sign-in link arrives in the mailbox:
                          the console's Mailbox page, or your SMTP server if one is configured)
          API token:      %s
                          try: curl -H 'Authorization: Bearer %s' %s/api/v1/projects
          The final delivery is submitted with a sealed build: see Deliverables in the console
          and in the portal.
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
   * Delivers the demo project's final milestone once: starts it, uploads a small sealed build and
   * submits it, so its receipt and final invoice exist. Runs after {@link #seed()} committed (an
   * upload commits in steps of its own).
   */
  void deliverBuild() {
    Actor owner = owner();
    var project =
        projects.projects(owner, new Paging(0, Paging.MAX_SIZE)).items().stream()
            .filter(p -> p.name().equals(PROJECT))
            .findFirst();
    if (project.isEmpty()) {
      return;
    }
    List<MilestoneView> plan =
        milestones.milestones(owner, project.get().id(), new Paging(0, Paging.MAX_SIZE)).items();
    MilestoneView last = plan.get(plan.size() - 1);
    if (last.state() != MilestoneState.PLANNED) {
      return;
    }
    milestones.transition(owner, last.id(), MilestoneAction.START);
    artifacts.upload(
        owner,
        last.id(),
        "acme-web-shop-1.0.zip",
        "application/zip",
        new ByteArrayInputStream(build()));
    milestones.transition(owner, last.id(), MilestoneAction.SUBMIT);
  }

  /** A small real zip: the demo shop's front page. */
  static byte[] build() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("index.html"));
      zip.write(
          "<!DOCTYPE html><title>Acme Bakery</title><h1>Acme Bakery web shop</h1><p>Version 1.0</p>\n"
              .getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
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
    ClientView client = clients.createClient(owner, "Acme Bakery Ltd", "accounts@acme.test");
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
    return owner;
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
