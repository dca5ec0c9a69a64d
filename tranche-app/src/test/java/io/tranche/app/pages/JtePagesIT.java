package io.tranche.app.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.tranche.app.platform.Paging;
import io.tranche.app.project.MilestoneService;
import io.tranche.app.project.MilestoneView;
import io.tranche.app.project.NewProject;
import io.tranche.app.project.ProjectService;
import io.tranche.app.project.ProjectView;
import io.tranche.app.support.Fixtures;
import io.tranche.app.support.Fixtures.World;
import io.tranche.app.support.IntegrationTest;
import io.tranche.app.support.Sessions;
import io.tranche.app.support.Visitor;
import io.tranche.core.milestone.MilestoneState;
import io.tranche.core.milestone.PaymentPlan;
import io.tranche.core.milestone.PaymentTrigger;
import io.tranche.core.milestone.PlannedMilestone;
import io.tranche.core.money.Money;
import io.tranche.core.project.ProjectType;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.util.HtmlUtils;

/**
 * The pages jte renders (a project's page in the console and in the portal): what people typed is
 * escaped in text and in attributes, the parts every page shares come out the same as on the
 * Thymeleaf pages (one source), and their forms carry a CSRF token the real server accepts.
 */
class JtePagesIT extends IntegrationTest {
  private static final String TYPED = "<script>alert(\"x\")</script> & 'Co'";

  @Autowired ProjectService projects;
  @Autowired MilestoneService milestones;

  @Test
  void whatPeopleTypedIsEscapedInTextAndInAttributes() throws Exception {
    World world = fixtures.world("jte-escape");
    Money total = Money.parse("1000.00", "EUR");
    ProjectView project =
        projects.create(
            world.owner(),
            new NewProject(
                world.client().id(),
                "Shop " + TYPED,
                ProjectType.WEB,
                Money.of(0, "EUR"),
                new PaymentPlan(
                    total,
                    List.of(
                        new PlannedMilestone("Build " + TYPED, total, PaymentTrigger.ACCEPTANCE))),
                List.of(world.contact().id())));

    for (var side :
        List.of(
            new Side("/console/projects/", authentication(Sessions.of(world.owner()))),
            new Side("/portal/projects/", authentication(Sessions.of(world.contactActor()))))) {
      String page = page(side.path() + project.id(), side.who());

      assertThat(page).as(side.path()).doesNotContain("<script>alert");
      // one script: the page's own, in its head
      assertThat(Pattern.compile("<script").matcher(page).results().count()).isEqualTo(1);
      assertThat(HtmlUtils.htmlUnescape(inside(page, "<h1 id=\"project-name\">", "</h1>")))
          .isEqualTo("Shop " + TYPED);
      assertThat(HtmlUtils.htmlUnescape(inside(page, "<title>", "</title>")))
          .isEqualTo("Shop " + TYPED + " · Tranche");
    }
    // an attribute's value ends where its quote does: the milestone's name inside the submit
    // button's confirmation comes back whole
    MilestoneView build =
        milestones.milestones(world.owner(), project.id(), new Paging(0, 50)).items().get(0);
    milestones.transition(
        world.owner(), build.id(), io.tranche.core.milestone.MilestoneAction.START);
    List<String> confirms =
        attributes(
            page("/console/projects/" + project.id(), authentication(Sessions.of(world.owner()))),
            "data-confirm");
    assertThat(confirms)
        .contains(
            "Submit Build "
                + TYPED
                + " with no file? The client reviews it as it is, and without an answer it counts"
                + " as accepted when the review period ends.");
  }

  @Test
  void theSharedPartsAreTheSameOnJteAndOnThymeleafPages() throws Exception {
    World world = fixtures.world("jte-parts");
    String id = world.project().id().toString();
    for (var side :
        List.of(
            new Side("/console/projects/", authentication(Sessions.of(world.owner()))),
            new Side("/portal/projects/", authentication(Sessions.of(world.contactActor()))))) {
      String jte = page(side.path() + id, side.who());
      String thymeleaf = page(side.path() + id + "/invoices", side.who());

      assertThat(jte).contains("<html lang=\"en\">");
      // Thymeleaf adds the token to its forms by itself; a jte template adds it to each
      List<String> forms = forms(jte);
      assertThat(forms).as(side.path()).isNotEmpty().allMatch(f -> f.contains("name=\"_csrf\""));
      assertThat(withoutTitle(between(jte, "<head>", "</head>")))
          .isEqualTo(withoutTitle(between(thymeleaf, "<head>", "</head>")))
          .contains("/css/tranche.css?v=");
      assertThat(withoutTokens(between(jte, "<header class=\"bar", "</header>")))
          .isEqualTo(withoutTokens(between(thymeleaf, "<header class=\"bar", "</header>")))
          .contains("Sign out");
      if (side.path().startsWith("/console")) {
        assertThat(between(jte, "<header class=\"bar", "</header>"))
            .contains("<a href=\"/console\" aria-current=\"page\">Projects</a>");
      }
      String tabs = "<nav class=\"tabs\" aria-label=\"Project\">";
      assertThat(between(jte, tabs, "</nav>").replace(" aria-current=\"page\"", ""))
          .isEqualTo(between(thymeleaf, tabs, "</nav>").replace(" aria-current=\"page\"", ""));
      // each marks its own tab
      assertThat(between(jte, tabs, "</nav>"))
          .contains("href=\"" + side.path() + id + "\" aria-current=\"page\"");
      assertThat(between(thymeleaf, tabs, "</nav>"))
          .contains("href=\"" + side.path() + id + "/invoices\" aria-current=\"page\"");
    }
  }

  @Test
  void theHeaderMarksTheSectionShown() throws Exception {
    World world = fixtures.world("jte-section");
    String clients = page("/console/clients", authentication(Sessions.of(world.owner())));

    assertThat(between(clients, "<header class=\"bar", "</header>"))
        .contains("<a href=\"/console/clients\" aria-current=\"page\">Clients</a>")
        .containsOnlyOnce("aria-current");
  }

  @Test
  void aJtePageFormPostsWithItsTokenOnTheRealServer() {
    realCsrfTokens();
    World world = fixtures.world("jte-csrf");
    Visitor vendor = new Visitor(baseUrl());
    vendor.get("/login");
    vendor.post("/login", Map.of("email", world.ownerEmail(), "password", Fixtures.PASSWORD));
    MilestoneView deposit = world.milestones().get(0);

    HttpResponse<String> page = vendor.get("/console/projects/" + world.project().id());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("action=\"/console/milestones/" + deposit.id() + "/transitions\"");
    String path = "/console/milestones/" + deposit.id() + "/transitions";

    assertThat(vendor.postRaw(path, Map.of("action", "START")).statusCode()).isEqualTo(403);
    assertThat(state(world, deposit)).isEqualTo(MilestoneState.PLANNED);
    HttpResponse<String> moved = vendor.post(path, Map.of("action", "START"));

    assertThat(moved.statusCode()).isEqualTo(302);
    assertThat(state(world, deposit)).isEqualTo(MilestoneState.IN_PROGRESS);
  }

  private MilestoneState state(World world, MilestoneView milestone) {
    return milestones
        .milestones(world.owner(), world.project().id(), new Paging(0, 50))
        .items()
        .stream()
        .filter(m -> m.id().equals(milestone.id()))
        .findFirst()
        .orElseThrow()
        .state();
  }

  private String page(String path, RequestPostProcessor who) throws Exception {
    var result = mvc.perform(get(path).with(who)).andReturn().getResponse();
    assertThat(result.getStatus()).as(path).isEqualTo(200);
    assertThat(result.getContentType()).isEqualTo("text/html;charset=UTF-8");
    return result.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
  }

  private static String between(String page, String start, String end) {
    int from = page.indexOf(start);
    assertThat(from).as("no " + start).isNotNegative();
    int to = page.indexOf(end, from);
    assertThat(to).as("no " + end + " after " + start).isPositive();
    return page.substring(from, to + end.length());
  }

  /** The page's forms that post, each from its tag to its end. */
  private static List<String> forms(String page) {
    List<String> forms = new ArrayList<>();
    Matcher m =
        Pattern.compile("<form[^>]*method=\"post\".*?</form>", Pattern.DOTALL).matcher(page);
    while (m.find()) {
      forms.add(m.group());
    }
    return forms;
  }

  private static String inside(String page, String start, String end) {
    String part = between(page, start, end);
    return part.substring(start.length(), part.length() - end.length());
  }

  private static String withoutTitle(String head) {
    return head.replaceAll("<title>.*</title>", "");
  }

  /** A part without its CSRF token's value, which differs from one response to the next. */
  private static String withoutTokens(String part) {
    return part.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "name=\"_csrf\"");
  }

  private static List<String> attributes(String page, String name) {
    List<String> values = new ArrayList<>();
    Matcher m = Pattern.compile(" " + name + "=\"([^\"]*)\"").matcher(page);
    while (m.find()) {
      values.add(HtmlUtils.htmlUnescape(m.group(1)));
    }
    return values;
  }

  private record Side(String path, RequestPostProcessor who) {}
}
