package io.tranche.app.support;

import io.tranche.app.account.ApiTokenService;
import io.tranche.app.account.SetupService;
import io.tranche.app.contract.ContractView;
import io.tranche.app.contract.QuoteService;
import io.tranche.app.contract.QuoteView;
import io.tranche.app.contract.SignedBy;
import io.tranche.app.invoice.InvoiceService;
import io.tranche.app.meeting.MeetingService;
import io.tranche.app.message.MessageService;
import io.tranche.app.message.Upload;
import io.tranche.app.platform.Actor;
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
import io.tranche.core.invoice.InvoiceLine;
import io.tranche.core.meeting.MeetingChannel;
import io.tranche.core.meeting.MeetingRecord;
import io.tranche.core.milestone.PaymentPlan;
import io.tranche.core.money.Money;
import io.tranche.core.project.ProjectType;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.test.context.TestComponent;

/** Builds test worlds in domain words through the application's own services. */
@TestComponent
public class Fixtures {
  public static final String PASSWORD = "correct horse battery";

  private final WorkspaceService workspaces;
  private final ClientService clients;
  private final ProjectService projects;
  private final MilestoneService milestones;
  private final ApiTokenService tokens;
  private final SetupService setup;
  private final MessageService messages;
  private final MeetingService meetings;
  private final QuoteService quotes;

  @org.springframework.beans.factory.annotation.Autowired
  io.tranche.app.contract.QuoteSigning quoteSigning;

  private final io.tranche.app.contract.ContractService contracts;
  private final io.tranche.app.contract.AcceptanceService acceptances;
  private final InvoiceService invoices;

  @org.springframework.beans.factory.annotation.Autowired
  io.tranche.app.invoice.PaymentService payments;

  private final io.tranche.app.artifact.ArtifactService artifacts;

  Fixtures(
      WorkspaceService workspaces,
      ClientService clients,
      ProjectService projects,
      MilestoneService milestones,
      ApiTokenService tokens,
      SetupService setup,
      MessageService messages,
      MeetingService meetings,
      QuoteService quotes,
      io.tranche.app.contract.ContractService contracts,
      io.tranche.app.contract.AcceptanceService acceptances,
      InvoiceService invoices,
      io.tranche.app.artifact.ArtifactService artifacts) {
    this.workspaces = workspaces;
    this.clients = clients;
    this.projects = projects;
    this.milestones = milestones;
    this.tokens = tokens;
    this.setup = setup;
    this.messages = messages;
    this.meetings = meetings;
    this.quotes = quotes;
    this.contracts = contracts;
    this.acceptances = acceptances;
    this.invoices = invoices;
    this.artifacts = artifacts;
  }

  /**
   * Starts a world's final milestone, uploads a small build ({@code "build of <tag>"}, named {@code
   * build-<tag>.bin}) and submits the milestone, so the build has its delivery receipt.
   */
  public io.tranche.app.artifact.ArtifactView submittedArtifact(World world) {
    UUID milestone =
        milestones
            .milestones(world.owner(), world.project().id(), new Paging(0, 50))
            .items()
            .get(2)
            .id();
    milestones.transition(
        world.owner(), milestone, io.tranche.core.milestone.MilestoneAction.START);
    var artifact =
        artifacts.upload(
            world.owner(),
            milestone,
            "build-" + world.tag() + ".bin",
            "application/octet-stream",
            new ByteArrayInputStream(
                ("build of " + world.tag()).repeat(1000).getBytes(StandardCharsets.UTF_8)));
    milestones.transition(
        world.owner(), milestone, io.tranche.core.milestone.MilestoneAction.SUBMIT);
    return artifacts.artifact(world.owner(), artifact.id());
  }

  /**
   * A workspace with an owner (password {@link #PASSWORD}), an API token, a client with one
   * contact, and a web project on the default 1/3 plan of 3000.00 EUR that the contact can see.
   * Every name carries {@code label} and a random suffix, so worlds never collide.
   */
  public World world(String label) {
    String tag = label + "-" + UUID.randomUUID().toString().substring(0, 8);
    var member =
        workspaces.createWithOwner(
            "Studio " + tag,
            "Owner " + tag,
            "owner-" + tag + "@vendor.test",
            setup.hashPassword(PASSWORD));
    Actor owner = workspaces.memberActor(member.id().value()).orElseThrow();
    // most tests exercise one later step on its own, without a contract first; tests of the
    // contract rules make their own workspace where work waits for the signature
    workspaces.setWorkBeforeContract(owner, true);
    ApiTokenService.CreatedToken token = tokens.create(owner, "token " + tag);
    return withProject(owner, token.secret(), token.token().id(), tag);
  }

  /** Another client, contact and project in the same workspace as {@code world}. */
  public World sibling(World world, String label) {
    String tag = label + "-" + UUID.randomUUID().toString().substring(0, 8);
    return withProject(world.owner(), world.apiToken(), world.apiTokenId(), tag);
  }

  private World withProject(Actor owner, String apiToken, UUID apiTokenId, String tag) {
    ClientView client =
        clients.createClient(owner, "Client " + tag, "billing-" + tag + "@client.test");
    ContactView contact =
        clients.createContact(
            owner, client.id(), "Contact " + tag, "contact-" + tag + "@client.test");
    ProjectView project =
        projects.create(
            owner,
            new NewProject(
                client.id(),
                "Project " + tag,
                ProjectType.WEB,
                Money.of(0, "EUR"),
                PaymentPlan.thirds(Money.parse("3000.00", "EUR")),
                List.of(contact.id())));
    List<MilestoneView> planned =
        milestones.milestones(owner, project.id(), new Paging(0, 50)).items();
    Actor contactActor = clients.contactActor(contact.id()).orElseThrow();
    return new World(
        tag, owner, apiToken, apiTokenId, client, contact, contactActor, project, planned);
  }

  /**
   * Gives a world a requirements message with an attachment, a meeting, and a quote the client
   * opened and signed (a contract awaiting the vendor's countersignature).
   */
  public Agreements agreements(World world) {
    return agreements(world, quoteContent(world.tag()));
  }

  /** As {@link #agreements(World)}, with the given quote content. */
  public Agreements agreements(World world, QuoteContent content) {
    var message =
        messages.post(
            world.owner(),
            world.project().id(),
            "Requirements for " + world.tag(),
            List.of(
                new Upload(
                    "brief-" + world.tag() + ".txt",
                    () ->
                        new ByteArrayInputStream(
                            ("brief " + world.tag()).getBytes(StandardCharsets.UTF_8)))));
    var meeting =
        meetings.log(
            world.owner(),
            world.project().id(),
            new MeetingRecord(
                Instant.parse("2026-11-20T10:00:00Z"),
                45,
                MeetingChannel.VIDEO,
                "Both sides",
                "Notes " + world.tag(),
                null));
    QuoteView quote = quotes.create(world.owner(), world.project().id(), content);
    quotes.send(world.owner(), quote.id());
    quotes.open(world.contactActor(), quote.id());
    ContractView contract =
        quoteSigning.sign(
            world.contactActor(),
            quote.id(),
            new SignatureRequest("Contact " + world.tag(), true, quote.documentHash()),
            new SignedBy("192.0.2.1", "fixture"));
    return new Agreements(
        message.id(), message.attachments().get(0).id(), meeting.id(), quote.id(), contract.id());
  }

  /**
   * Gives a world a contract signed by both sides on the default plan (as {@link #agreements} with
   * the vendor's countersignature): its deposit is invoiced and the plan is the contract's.
   */
  public Agreements signedContract(World world) {
    return signedContract(world, quoteContent(world.tag()));
  }

  /** As {@link #signedContract(World)}, with the given quote content. */
  public Agreements signedContract(World world, QuoteContent content) {
    Agreements agreements = agreements(world, content);
    ContractView opened = contracts.open(world.owner(), agreements.contractId());
    contracts.countersign(
        world.owner(),
        agreements.contractId(),
        new SignatureRequest("Owner " + world.tag(), true, opened.documentHash()),
        new SignedBy("192.0.2.2", "fixture"));
    return agreements;
  }

  /** The world's client contact opens and signs the acceptance of a submitted milestone. */
  public void accept(World world, UUID milestoneId) {
    String hash = acceptances.open(world.contactActor(), milestoneId).documentHash();
    acceptances.sign(
        world.contactActor(),
        milestoneId,
        new SignatureRequest("Contact " + world.tag(), true, hash),
        new SignedBy("192.0.2.3", "fixture"));
  }

  /** The invoice service, for tests that read what the engine invoiced. */
  public InvoiceService invoices() {
    return invoices;
  }

  /** The payment service, for tests that pay what the engine invoiced. */
  public io.tranche.app.invoice.PaymentService payments() {
    return payments;
  }

  /** A member records a bank payment of all that is open on a milestone's invoice. */
  public void payInFull(World world, UUID milestoneId) {
    var invoice =
        invoices.invoices(world.owner(), world.project().id(), new Paging(0, 50)).items().stream()
            .filter(i -> milestoneId.equals(i.milestoneId()))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no invoice for milestone " + milestoneId));
    payments.recordPayment(
        world.owner(),
        invoice.id(),
        Money.of(invoice.open().amountMinor(), invoice.open().currency()),
        LocalDate.now(),
        "paid in full");
  }

  /** Issues an invoice by hand for a world's project and returns its id. */
  public UUID invoice(World world) {
    return invoices
        .issueManual(
            world.owner(),
            world.project().id(),
            List.of(
                new InvoiceLine("Invoice for " + world.tag(), 1, Money.parse("10.00", "EUR"), 0)))
        .id();
  }

  /** Records a bank payment of 1.00 EUR on an invoice and returns the payment's id. */
  public UUID payment(World world, UUID invoiceId) {
    return payments
        .recordPayment(
            world.owner(), invoiceId, Money.parse("1.00", "EUR"), LocalDate.now(), "fixture")
        .id();
  }

  /** A quote of 3000.00 EUR net, no tax, on the default plan, valid for a year. */
  public static QuoteContent quoteContent(String tag) {
    return new QuoteContent(
        "Scope of " + tag,
        "Four weeks",
        List.of(new QuoteLine("Work for " + tag, 3, Money.parse("1000.00", "EUR"))),
        0,
        PaymentPlan.thirds(Money.parse("3000.00", "EUR")),
        LocalDate.now().plusYears(1),
        new QuoteTerms(7, 7, Money.of(0, "EUR")));
  }

  /** Ids of what {@link #agreements} made. */
  public record Agreements(
      UUID messageId, UUID attachmentId, UUID meetingId, UUID quoteId, UUID contractId) {}

  /** What {@link #world} made. */
  public record World(
      String tag,
      Actor owner,
      String apiToken,
      UUID apiTokenId,
      ClientView client,
      ContactView contact,
      Actor contactActor,
      ProjectView project,
      List<MilestoneView> milestones) {
    public String ownerEmail() {
      return owner.email();
    }
  }
}
