package io.tranche.app.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.tranche.app.artifact.ArtifactService;
import io.tranche.app.platform.Actor;
import io.tranche.app.platform.Paging;
import io.tranche.app.project.MilestoneService;
import io.tranche.app.project.NewProject;
import io.tranche.app.project.ProjectService;
import io.tranche.app.support.Fixtures.World;
import io.tranche.app.support.IntegrationTest;
import io.tranche.app.support.Sessions;
import io.tranche.app.support.StatementCounter;
import io.tranche.app.workspace.ClientService;
import io.tranche.core.milestone.MilestoneAction;
import io.tranche.core.milestone.PaymentPlan;
import io.tranche.core.money.Money;
import io.tranche.core.project.ProjectType;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The pages that list a workspace's things read them in a fixed number of statements: a workspace
 * with 500 projects (and as many clients) costs what one with 10 costs. Lists read a page of rows,
 * and what each row needs (its contacts, its total) in the same few statements.
 */
class PageStatementsIT extends IntegrationTest {
  @Autowired ProjectService projects;
  @Autowired ClientService clients;
  @Autowired MilestoneService milestones;
  @Autowired ArtifactService artifacts;

  @Test
  void listPagesCostTheSameStatementsFor10And500Projects() throws Exception {
    Map<String, Integer> small = statements(grow(fixtures.world("ten"), 10));
    Map<String, Integer> large = statements(grow(fixtures.world("five-hundred"), 500));
    assertThat(large).isEqualTo(small);
    assertThat(small.get("/console")).as("the projects page").isLessThan(25);
  }

  @Test
  void aProjectPageReadsItsProjectOnceAndThatReadIsTheAccessCheck() throws Exception {
    World world = fixtures.world("visible-once");
    String id = world.project().id().toString();
    var contact = authentication(Sessions.of(world.contactActor()));
    var owner = authentication(Sessions.of(world.owner()));
    for (var page :
        List.of(
            get("/portal/projects/" + id).with(contact),
            get("/console/projects/" + id).with(owner))) {
      List<String> statements =
          StatementCounter.statements(() -> mvc.perform(page).andExpect(status().isOk()));
      // the project, its contacts (who may see it) and its stage: one statement; several services
      // of the page each check access, and that read answered them all
      assertThat(statements).filteredOn(sql -> sql.contains("from project p")).hasSize(1);
      assertThat(statements).noneMatch(sql -> sql.contains("from project_contact"));
      // the plan with its dispute notes and change reasons; the workspace with its settings
      assertThat(statements).filteredOn(sql -> sql.contains("from milestone where")).hasSize(1);
      assertThat(statements).filteredOn(sql -> sql.contains("from workspace")).hasSize(1);
      // the quotes fit one page: nothing to count
      assertThat(statements).noneMatch(sql -> sql.contains("count(*)"));
    }
    // and not beyond the request: another request asks again
    List<String> next =
        StatementCounter.statements(
            () ->
                mvc.perform(get("/portal/projects/" + id).with(contact))
                    .andExpect(status().isOk()));
    assertThat(next).filteredOn(sql -> sql.contains("from project p")).hasSize(1);
    // a contact of another project of the same workspace is refused on every request
    World sibling = fixtures.sibling(world, "visible-once-sibling");
    mvc.perform(
            get("/portal/projects/" + id).with(authentication(Sessions.of(sibling.contactActor()))))
        .andExpect(status().isNotFound());
    // and so are a contact and a member of another workspace
    World other = fixtures.world("visible-once-other");
    mvc.perform(
            get("/portal/projects/" + id).with(authentication(Sessions.of(other.contactActor()))))
        .andExpect(status().isNotFound());
    mvc.perform(get("/console/projects/" + id).with(authentication(Sessions.of(other.owner()))))
        .andExpect(status().isNotFound());
  }

  @Test
  void theProjectPagesAskAboutTheirFilesInOneStatementHoweverManyPartsHaveFiles() throws Exception {
    World world = fixtures.world("releases-once");
    // the deposit's invoice is open: the client's page says what paying it unlocks
    fixtures.signedContract(world);
    fixtures.submittedArtifact(world);
    java.util.UUID second =
        milestones
            .milestones(world.owner(), world.project().id(), new Paging(0, 50))
            .items()
            .get(1)
            .id();
    milestones.transition(world.owner(), second, MilestoneAction.START);
    artifacts.upload(
        world.owner(),
        second,
        "prototype.bin",
        "application/octet-stream",
        new java.io.ByteArrayInputStream("prototype".getBytes(StandardCharsets.UTF_8)));
    milestones.transition(world.owner(), second, MilestoneAction.SUBMIT);
    var console =
        get("/console/projects/" + world.project().id())
            .with(authentication(Sessions.of(world.owner())));
    var portal =
        get("/portal/projects/" + world.project().id())
            .with(authentication(Sessions.of(world.contactActor())));
    java.util.regex.Pattern artifacts = java.util.regex.Pattern.compile("from artifact\\b(?!_)");

    // the vendor's page asks which parts have a file (to confirm a submit without one); the
    // client's asks for the names of the files paying unlocks, their releases in the same statement
    for (var page : List.of(console, portal)) {
      List<String> statements =
          StatementCounter.statements(() -> mvc.perform(page).andExpect(status().isOk()));

      assertThat(statements).filteredOn(sql -> artifacts.matcher(sql).find()).hasSize(1);
      assertThat(statements)
          .filteredOn(sql -> sql.contains("from artifact_release"))
          .allMatch(sql -> artifacts.matcher(sql).find());
    }
  }

  @Test
  void theClientsProjectPageCostsTheSameStatementsForOneOpenInvoiceAsForThree() throws Exception {
    World world = fixtures.world("open-invoices");
    fixtures.signedContract(world);
    fixtures.submittedArtifact(world);
    var contact = authentication(Sessions.of(world.contactActor()));
    var page = get("/portal/projects/" + world.project().id()).with(contact);
    mvc.perform(page).andExpect(status().isOk());
    List<String> first =
        StatementCounter.statements(() -> mvc.perform(page).andExpect(status().isOk()));
    int one = first.size();
    // what comes next needs the contracts' states, not their signatures
    assertThat(first).noneMatch(sql -> sql.contains("from signature"));
    fixtures.payment(world, fixtures.invoice(world));
    fixtures.invoice(world);

    String html =
        mvc.perform(page).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    int three = StatementCounter.count(() -> mvc.perform(page).andExpect(status().isOk()));

    assertThat(html).contains("Invoice for " + world.tag());
    assertThat(three).isEqualTo(one);
  }

  @Test
  void bothInvoicePagesCostTheSameStatementsForOneInvoiceAsForThree() throws Exception {
    World world = fixtures.world("invoice-pages");
    fixtures.signedContract(world);
    String id = world.project().id().toString();
    var pages =
        List.of(
            get("/console/projects/" + id + "/invoices")
                .with(authentication(Sessions.of(world.owner()))),
            get("/portal/projects/" + id + "/invoices")
                .with(authentication(Sessions.of(world.contactActor()))));
    List<Integer> one = new java.util.ArrayList<>();
    for (var page : pages) {
      mvc.perform(page).andExpect(status().isOk());
      one.add(StatementCounter.count(() -> mvc.perform(page).andExpect(status().isOk())));
    }
    fixtures.payment(world, fixtures.invoice(world));
    fixtures.payment(world, fixtures.invoice(world));

    List<Integer> three = new java.util.ArrayList<>();
    for (var page : pages) {
      String html =
          mvc.perform(page)
              .andExpect(status().isOk())
              .andReturn()
              .getResponse()
              .getContentAsString();
      assertThat(html).as("an invoice with 1.00 EUR of 10.00 paid").contains("9.00 EUR");
      three.add(StatementCounter.count(() -> mvc.perform(page).andExpect(status().isOk())));
    }

    assertThat(three).isEqualTo(one);
  }

  @Test
  void anApiReadWithATokenUsedWithinTheMinuteWritesNothing() throws Exception {
    World world = fixtures.world("token-reads");
    String url = "/api/v1/projects/" + world.project().id();
    String token = "Bearer " + world.apiToken();
    mvc.perform(get(url).header("Authorization", token)).andExpect(status().isOk());
    assertThat(lastUsed(world)).as("the first use is noted").isNotNull();
    java.time.Instant first = lastUsed(world);
    List<String> again =
        StatementCounter.statements(
            () -> mvc.perform(get(url).header("Authorization", token)).andExpect(status().isOk()));
    assertThat(again)
        .noneMatch(sql -> sql.strip().toLowerCase(java.util.Locale.ROOT).startsWith("update"));
    assertThat(again)
        .as("the token and its member are read in one statement")
        .filteredOn(sql -> sql.contains("api_token"))
        .singleElement()
        .satisfies(sql -> assertThat(sql).contains("join member"));
    assertThat(again).noneMatch(sql -> sql.contains("from member where"));
    assertThat(lastUsed(world)).isEqualTo(first);
    clock.advance(java.time.Duration.ofMinutes(2));
    mvc.perform(get(url).header("Authorization", token)).andExpect(status().isOk());
    assertThat(lastUsed(world)).as("a use a minute later is noted").isAfter(first);
  }

  @Test
  void aTokenWhoseRowNamesAnotherWorkspaceThanItsMembersNamesNoOne() throws Exception {
    World world = fixtures.world("token-moved");
    World other = fixtures.world("token-elsewhere");
    String url = "/api/v1/projects/" + other.project().id();
    jdbc.sql("update api_token set workspace_id = ? where id = ?")
        .params(other.owner().workspaceId(), world.apiTokenId())
        .update();
    mvc.perform(get(url).header("Authorization", "Bearer " + world.apiToken()))
        .andExpect(status().isUnauthorized());
  }

  private java.time.Instant lastUsed(World world) {
    return jdbc.sql("select last_used_at from api_token where id = ?")
        .param(world.apiTokenId())
        .query(java.sql.Timestamp.class)
        .optional()
        .map(java.sql.Timestamp::toInstant)
        .orElse(null);
  }

  /**
   * The world with {@code count} projects in all: half for new clients of their own (each with a
   * contact), half for the world's client, which its contact sees in the portal.
   */
  private World grow(World world, int count) {
    Actor owner = world.owner();
    for (int i = 1; i < count; i++) {
      java.util.UUID client = world.client().id();
      java.util.UUID contact = world.contact().id();
      if (i % 2 == 1) {
        client = clients.createClient(owner, "Client " + i + " " + world.tag(), null).id();
        contact =
            clients
                .createContact(
                    owner, client, "Person " + i, "p" + i + "-" + world.tag() + "@client.test")
                .id();
      }
      projects.create(
          owner,
          new NewProject(
              client,
              "Project " + i,
              ProjectType.WEB,
              Money.of(0, "EUR"),
              PaymentPlan.thirds(Money.parse("300.00", "EUR")),
              List.of(contact)));
    }
    return world;
  }

  private Map<String, Integer> statements(World world) throws Exception {
    Map<String, Integer> counts = new LinkedHashMap<>();
    var owner = authentication(Sessions.of(world.owner()));
    var contact = authentication(Sessions.of(world.contactActor()));
    for (String page : List.of("/console", "/console/clients", "/console/projects/new")) {
      mvc.perform(get(page).with(owner)).andExpect(status().isOk());
      counts.put(
          page,
          StatementCounter.count(
              () -> mvc.perform(get(page).with(owner)).andExpect(status().isOk())));
    }
    mvc.perform(get("/portal").with(contact)).andExpect(status().isOk());
    counts.put(
        "/portal",
        StatementCounter.count(
            () -> mvc.perform(get("/portal").with(contact)).andExpect(status().isOk())));
    return counts;
  }
}
