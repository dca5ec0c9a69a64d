package io.tranche.app.support;

import io.tranche.app.account.ApiTokenService;
import io.tranche.app.account.SetupService;
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
import io.tranche.core.milestone.PaymentPlan;
import io.tranche.core.money.Money;
import io.tranche.core.project.ProjectType;
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

  Fixtures(
      WorkspaceService workspaces,
      ClientService clients,
      ProjectService projects,
      MilestoneService milestones,
      ApiTokenService tokens,
      SetupService setup) {
    this.workspaces = workspaces;
    this.clients = clients;
    this.projects = projects;
    this.milestones = milestones;
    this.tokens = tokens;
    this.setup = setup;
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
