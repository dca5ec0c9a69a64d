package io.tranche.app.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.tranche.app.support.Fixtures.World;
import io.tranche.app.support.IntegrationTest;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

class ProjectApiIT extends IntegrationTest {
  private World world;

  @BeforeEach
  void setUp() {
    world = fixtures.world("api");
  }

  private ResultActions call(MockHttpServletRequestBuilder request) throws Exception {
    return mvc.perform(request.header("Authorization", "Bearer " + world.apiToken()));
  }

  private ResultActions postJson(String path, String json) throws Exception {
    return call(post(path).contentType(MediaType.APPLICATION_JSON).content(json));
  }

  private String projectJson(String fields) {
    return "{\"clientId\":\"" + world.client().id() + "\"," + fields + "}";
  }

  @Test
  void createsAProjectOnTheDefaultThirdsPlan() throws Exception {
    postJson(
            "/api/v1/projects",
            projectJson(
                "\"name\":\"Shop\",\"type\":\"WEB\",\"total\":{\"amount\":\"1000.00\",\"currency\":\"EUR\"}"))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.total.amountMinor").value(100000))
        .andExpect(jsonPath("$.total.currency").value("EUR"));

    String id =
        jdbc.sql("select id from project where name = 'Shop' and client_id = ?")
            .param(world.client().id())
            .query(String.class)
            .single();
    call(get("/api/v1/projects/" + id + "/milestones"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items", hasSize(3)))
        .andExpect(jsonPath("$.items[0].amount.amountMinor").value(33334))
        .andExpect(jsonPath("$.items[1].amount.amountMinor").value(33333))
        .andExpect(jsonPath("$.items[2].amount.amountMinor").value(33333))
        .andExpect(jsonPath("$.items[0].trigger").value("CONTRACT_SIGNED"))
        .andExpect(jsonPath("$.items[0].state").value("PLANNED"));
  }

  @Test
  void createsAProjectWithItsOwnMilestones() throws Exception {
    postJson(
            "/api/v1/projects",
            projectJson(
                """
                "name":"Tool","type":"DESKTOP","currency":"EUR","milestones":[
                  {"name":"Half","amount":{"amountMinor":500},"trigger":"CONTRACT_SIGNED"},
                  {"name":"Rest","amount":{"amount":"5.01"},"trigger":"FINAL_DEMO"}]"""))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.total.amountMinor").value(1001));
  }

  @Test
  void pagesThroughLists() throws Exception {
    for (int i = 0; i < 3; i++) {
      postJson("/api/v1/clients", "{\"name\":\"Paged " + i + "\"}").andExpect(status().isCreated());
    }
    call(get("/api/v1/clients?page=0&size=2"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items", hasSize(2)))
        .andExpect(jsonPath("$.total").value(4))
        .andExpect(jsonPath("$.size").value(2));
    call(get("/api/v1/clients?page=1&size=2")).andExpect(jsonPath("$.items", hasSize(2)));
    call(get("/api/v1/clients?page=2&size=2")).andExpect(jsonPath("$.items", hasSize(0)));
    call(get("/api/v1/clients?size=500"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("request.bad-parameter"))
        .andExpect(jsonPath("$.errors[0].field").value("size"));
  }

  @Test
  void updatesClientsContactsProjectsAndMilestones() throws Exception {
    call(patch("/api/v1/clients/" + world.client().id())
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"name\":\"Renamed Ltd\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.name").value("Renamed Ltd"))
        .andExpect(jsonPath("$.billingEmail").value(world.client().billingEmail()));
    call(patch("/api/v1/contacts/" + world.contact().id())
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"name\":\"Pat\"}"))
        .andExpect(jsonPath("$.name").value("Pat"));
    call(patch("/api/v1/projects/" + world.project().id())
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"creditLimit\":{\"amount\":\"250.00\"}}"))
        .andExpect(jsonPath("$.creditLimit.amountMinor").value(25000));
    call(patch("/api/v1/milestones/" + world.milestones().get(0).id())
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"name\":\"Advance\",\"amount\":{\"amountMinor\":90000}}"))
        .andExpect(jsonPath("$.name").value("Advance"))
        .andExpect(jsonPath("$.amount.amountMinor").value(90000));
  }

  @Test
  void movesAMilestoneAndRefusesAnIllegalMoveNamingTheState() throws Exception {
    String path = "/api/v1/milestones/" + world.milestones().get(1).id() + "/transitions";
    postJson(path, "{\"action\":\"START\"}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.state").value("IN_PROGRESS"));
    postJson(path, "{\"action\":\"START\"}")
        .andExpect(status().isConflict())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.code").value("milestone.illegal-transition"))
        .andExpect(jsonPath("$.detail").value(containsString("IN_PROGRESS")))
        .andExpect(jsonPath("$.detail").value(containsString("START")));
    assertThat(
            jdbc.sql("select count(*) from milestone_transition where milestone_id = ?")
                .param(world.milestones().get(1).id())
                .query(Long.class)
                .single())
        .isEqualTo(1);
    // a dispute says why: refused without a reason, and nothing moves
    postJson(path, "{\"action\":\"OPEN_DISPUTE\",\"reason\":\"  \"}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("reason"));
    postJson(path, "{\"action\":\"OPEN_DISPUTE\",\"reason\":\"The design was not approved\"}")
        .andExpect(jsonPath("$.disputed").value(true));
    postJson(path, "{\"action\":\"SUBMIT\"}")
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("milestone.disputed"));
    String milestone = world.milestones().get(1).id().toString();
    mvc.perform(
            get("/api/v1/projects/" + world.project().id() + "/disputes")
                .header("Authorization", "Bearer " + world.apiToken()))
        .andExpect(jsonPath("$['" + milestone + "'].reason").value("The design was not approved"))
        .andExpect(jsonPath("$['" + milestone + "'].outcome").doesNotExist());
    var client =
        org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
            .authentication(io.tranche.app.support.Sessions.of(world.contactActor()));
    assertThat(portal(client))
        .contains("says: <q>The design was not approved</q>")
        .contains("On hold: a dispute is open");
    assertThat(
            io.tranche.app.support.TestMail.text(
                io.tranche.app.support.TestMail.awaitMailTo(
                    world.contact().email(), "opened a dispute")))
        .contains("Why: The design was not approved");

    postJson(path, "{\"action\":\"RESOLVE_DISPUTE\"}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("outcome"));
    postJson(path, "{\"action\":\"RESOLVE_DISPUTE\",\"outcome\":\"Approved on the call of 2 Dec\"}")
        .andExpect(jsonPath("$.disputed").value(false));
    assertThat(portal(client))
        .contains("Dispute resolved: <q>Approved on the call of 2 Dec</q>")
        .doesNotContain("The design was not approved");
    var owner =
        org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
            .authentication(io.tranche.app.support.Sessions.of(world.owner()));
    assertThat(
            mvc.perform(
                    org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                            "/console/projects/" + world.project().id())
                        .with(owner))
                .andReturn()
                .getResponse()
                .getContentAsString())
        .contains(
            "Dispute about <q>The design was not approved</q> resolved: <q>Approved on the call of"
                + " 2 Dec</q>")
        .contains("name=\"reason\"");
    // the console's form keeps what was typed and says what is missing next to the field
    var refused =
        mvc.perform(
                post("/console/milestones/" + world.milestones().get(1).id() + "/transitions")
                    .with(owner)
                    .with(
                        org.springframework.security.test.web.servlet.request
                            .SecurityMockMvcRequestPostProcessors.csrf())
                    .param("action", "OPEN_DISPUTE")
                    .param("reason", ""))
            .andExpect(status().is3xxRedirection())
            .andReturn();
    assertThat(refused.getFlashMap().get("error").toString())
        .isEqualTo("Please fill in the reason.");
    assertThat(refused.getFlashMap().get("errorMilestone"))
        .isEqualTo(world.milestones().get(1).id());
    assertThat(
            jdbc.sql(
                    "select type from evidence_entry where workspace_id = ? and type like 'dispute.%' order by seq")
                .param(world.owner().workspaceId())
                .query(String.class)
                .list())
        .containsExactly("dispute.opened", "dispute.resolved");
  }

  private String portal(org.springframework.test.web.servlet.request.RequestPostProcessor client)
      throws Exception {
    return mvc.perform(
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                    "/portal/projects/" + world.project().id())
                .with(client))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  @Test
  void refusesEveryMoveThatMustFollowAFactAndLeavesTheMilestoneAsItWas() throws Exception {
    String path = "/api/v1/milestones/" + world.milestones().get(1).id() + "/transitions";
    postJson(path, "{\"action\":\"START\"}").andExpect(status().isOk());
    postJson(path, "{\"action\":\"SUBMIT\"}").andExpect(status().isOk());
    for (String action :
        new String[] {"ACCEPT", "REQUEST_CHANGES", "INVOICE", "RECORD_PAYMENT", "RELEASE"}) {
      postJson(path, "{\"action\":\"" + action + "\"}")
          .andExpect(status().isForbidden())
          .andExpect(jsonPath("$.code").value("milestone.not-a-member-move"))
          .andExpect(jsonPath("$.errors[0].field").value("action"))
          .andExpect(jsonPath("$.detail").value(containsString(action)));
    }
    mvc.perform(
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                    "/api/v1/milestones/" + world.milestones().get(1).id())
                .header("Authorization", "Bearer " + world.apiToken()))
        .andExpect(jsonPath("$.state").value("SUBMITTED"));
    assertThat(
            jdbc.sql("select count(*) from milestone_transition where milestone_id = ?")
                .param(world.milestones().get(1).id())
                .query(Long.class)
                .single())
        .isEqualTo(2);
    String console =
        mvc.perform(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                        "/console/projects/" + world.project().id())
                    .with(
                        org.springframework.security.test.web.servlet.request
                            .SecurityMockMvcRequestPostProcessors.authentication(
                            io.tranche.app.support.Sessions.of(world.owner()))))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(console)
        .as("the console offers only a member's moves")
        .contains("value=\"START\"")
        .doesNotContain("value=\"ACCEPT\"")
        .doesNotContain("value=\"RELEASE\"")
        .doesNotContain("value=\"RECORD_PAYMENT\"")
        .doesNotContain("value=\"INVOICE\"");
  }

  @Test
  void addsAMilestoneAtTheEndOfThePlan() throws Exception {
    postJson(
            "/api/v1/projects/" + world.project().id() + "/milestones",
            "{\"name\":\"Extra\",\"amount\":{\"amount\":\"100\"},\"trigger\":\"ACCEPTANCE\"}")
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.position").value(4));
    call(get("/api/v1/projects/" + world.project().id()))
        .andExpect(jsonPath("$.total.amountMinor").value(310000));
  }

  static Stream<Arguments> badProjects() {
    String ok = "\"name\":\"Bad\",\"type\":\"WEB\",";
    return Stream.of(
        Arguments.of("malformed JSON", "{\"name\":", "request.malformed-json", null),
        Arguments.of(
            "missing name",
            "{CLIENT\"type\":\"WEB\",\"total\":{\"amountMinor\":100,\"currency\":\"EUR\"}}",
            "validation.required",
            "name"),
        Arguments.of(
            "unknown currency",
            "{CLIENT" + ok + "\"total\":{\"amountMinor\":100,\"currency\":\"EUX\"}}",
            "money.unknown-currency",
            "total.currency"),
        Arguments.of(
            "negative amount",
            "{CLIENT" + ok + "\"total\":{\"amountMinor\":-100,\"currency\":\"EUR\"}}",
            "money.negative",
            "total"),
        Arguments.of(
            "over-precise amount",
            "{CLIENT" + ok + "\"total\":{\"amount\":\"100.001\",\"currency\":\"EUR\"}}",
            "money.too-precise",
            "total.amount"),
        Arguments.of(
            "fractional minor units",
            "{CLIENT" + ok + "\"total\":{\"amountMinor\":100.5,\"currency\":\"EUR\"}}",
            "request.bad-value",
            "total.amountMinor"),
        Arguments.of(
            "over-long name",
            "{CLIENT\"name\":\""
                + "x".repeat(201)
                + "\",\"type\":\"WEB\",\"total\":{\"amountMinor\":1,\"currency\":\"EUR\"}}",
            "validation.too-long",
            "name"),
        Arguments.of(
            "unknown type",
            "{CLIENT\"name\":\"Bad\",\"type\":\"GAME\",\"total\":{\"amountMinor\":1,\"currency\":\"EUR\"}}",
            "request.bad-value",
            "type"),
        Arguments.of(
            "unknown field",
            "{CLIENT" + ok + "\"totl\":{\"amountMinor\":1,\"currency\":\"EUR\"}}",
            "request.unknown-field",
            "totl"),
        Arguments.of(
            "milestones not summing to the total",
            "{CLIENT"
                + ok
                + "\"total\":{\"amountMinor\":1000,\"currency\":\"EUR\"},\"milestones\":["
                + "{\"name\":\"a\",\"amount\":{\"amountMinor\":400},\"trigger\":\"ACCEPTANCE\"},"
                + "{\"name\":\"b\",\"amount\":{\"amountMinor\":500},\"trigger\":\"ACCEPTANCE\"}]}",
            "plan.sum-mismatch",
            "milestones"),
        Arguments.of(
            "blank milestone name",
            "{CLIENT"
                + ok
                + "\"currency\":\"EUR\",\"milestones\":["
                + "{\"name\":\"a\",\"amount\":{\"amountMinor\":400},\"trigger\":\"ACCEPTANCE\"},"
                + "{\"name\":\" \",\"amount\":{\"amountMinor\":500},\"trigger\":\"ACCEPTANCE\"}]}",
            "validation.required",
            "milestones[1].name"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badProjects")
  void refusesBadInputNamingTheFieldAndWritesNothing(
      String label, String body, String code, String field) throws Exception {
    List<Long> before = counts();
    ResultActions result =
        postJson(
                "/api/v1/projects",
                body.replace("CLIENT", "\"clientId\":\"" + world.client().id() + "\","))
            .andExpect(status().isBadRequest())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
            .andExpect(jsonPath("$.code").value(code))
            .andExpect(jsonPath("$.status").value(400));
    if (field != null) {
      result.andExpect(jsonPath("$.errors[0].field").value(field));
    }
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void refusesAnotherWorkspacesClientAsNotFoundAndWritesNothing() throws Exception {
    World other = fixtures.world("other");
    List<Long> before = counts();
    postJson(
            "/api/v1/projects",
            "{\"clientId\":\""
                + other.client().id()
                + "\",\"name\":\"Steal\",\"type\":\"WEB\",\"total\":{\"amountMinor\":1,\"currency\":\"EUR\"}}")
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.code").value("resource.not-found"));
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void refusesAProjectContactOfAnotherClientAndWritesNothing() throws Exception {
    World sibling = fixtures.sibling(world, "sibling");
    List<Long> before = counts();
    postJson(
            "/api/v1/projects",
            projectJson(
                "\"name\":\"Mixed\",\"type\":\"WEB\",\"total\":{\"amountMinor\":3,\"currency\":\"EUR\"},"
                    + "\"contactIds\":[\""
                    + sibling.contact().id()
                    + "\"]"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("project.contact-of-other-client"))
        .andExpect(jsonPath("$.errors[0].field").value("contactIds"));
    assertThat(counts()).isEqualTo(before);
  }

  private List<Long> counts() {
    return Stream.of("project", "milestone", "project_contact", "client", "contact")
        .map(t -> jdbc.sql("select count(*) from " + t).query(Long.class).single())
        .toList();
  }
}
