package io.tranche.app.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.tranche.app.support.Fixtures.World;
import io.tranche.app.support.IntegrationTest;
import io.tranche.app.support.Sessions;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.HtmlUtils;

/**
 * The console's quote editor, as a vendor uses it: a quote saved back unchanged stays as it was
 * (percentages shown rounded still add up), and a quote is sent only when someone can sign it.
 */
class QuoteEditorIT extends IntegrationTest {
  private static final Pattern FIELD =
      Pattern.compile(
          "<input[^>]*?name=\"([^\"]+)\"[^>]*?value=\"([^\"]*)\"|<input[^>]*?name=\"([^\"]+)\"(?![^>]*value=)[^>]*>"
              + "|<textarea[^>]*?name=\"([^\"]+)\"[^>]*>([^<]*)</textarea>"
              + "|<select[^>]*?name=\"([^\"]+)\"[^>]*>(.*?)</select>",
          Pattern.DOTALL);
  private static final Pattern SELECTED =
      Pattern.compile("<option[^>]*value=\"([^\"]*)\"[^>]*selected", Pattern.DOTALL);

  @org.springframework.beans.factory.annotation.Autowired
  io.tranche.app.workspace.WorkspaceService workspaces;

  @org.springframework.beans.factory.annotation.Autowired
  io.tranche.app.project.MilestoneService milestones;

  @org.springframework.beans.factory.annotation.Autowired
  io.tranche.app.artifact.ArtifactService artifacts;

  private World world;
  private RequestPostProcessor owner;

  @BeforeEach
  void setUp() {
    world = fixtures.world("quote-editor");
    owner = authentication(Sessions.of(world.owner()));
  }

  /** The editor's fields as a browser would send them back untouched. */
  private static MultiValueMap<String, String> fieldsOf(String page) {
    String form = page.substring(page.indexOf("id=\"quote-editor\""));
    form = form.substring(0, form.indexOf("</form>"));
    MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
    Matcher m = FIELD.matcher(form);
    while (m.find()) {
      if (m.group(1) != null) {
        if (!m.group(0).contains("type=\"checkbox\"") || m.group(0).contains("checked")) {
          fields.add(m.group(1), HtmlUtils.htmlUnescape(m.group(2)));
        }
      } else if (m.group(3) != null) {
        if (!m.group(0).contains("type=\"checkbox\"")) {
          fields.add(m.group(3), "");
        }
      } else if (m.group(4) != null) {
        fields.add(m.group(4), HtmlUtils.htmlUnescape(m.group(5)));
      } else {
        Matcher selected = SELECTED.matcher(m.group(7));
        Matcher first = Pattern.compile("<option[^>]*value=\"([^\"]*)\"").matcher(m.group(7));
        fields.add(
            m.group(6), selected.find() ? selected.group(1) : first.find() ? first.group(1) : "");
      }
    }
    return fields;
  }

  private MvcResult save(String path, MultiValueMap<String, String> fields) throws Exception {
    MockHttpServletRequestBuilder request = post(path).with(csrf()).with(owner);
    fields.forEach((name, values) -> values.forEach(v -> request.param(name, v)));
    return mvc.perform(request).andReturn();
  }

  private String page(String path) throws Exception {
    return mvc.perform(get(path).with(owner))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  private UUID newQuote(UUID projectId, List<String> percents, LocalDate validUntil)
      throws Exception {
    MultiValueMap<String, String> fields =
        fieldsOf(page("/console/projects/" + projectId + "/quotes/new"));
    fields.set("scope", "A web shop");
    fields.set("timeline", "Six weeks");
    fields.put("lineDescriptions", List.of("Design", "Build", "", "", ""));
    fields.put("lineQuantities", List.of("1", "1", "", "", ""));
    fields.put("linePrices", List.of("1000.00", "2000.00", "", "", ""));
    fields.set("taxPercent", "19");
    fields.set("validUntil", validUntil.toString());
    if (!percents.isEmpty()) {
      List<String> names = new java.util.ArrayList<>();
      List<String> given = new java.util.ArrayList<>(percents);
      for (int i = 0; i < 5; i++) {
        names.add(i < percents.size() ? "Part " + (i + 1) : "");
        if (i >= percents.size()) {
          given.add("");
        }
      }
      fields.put("planNames", names);
      fields.put("planPercents", given);
    }
    MvcResult saved = save("/console/projects/" + projectId + "/quotes", fields);
    assertThat(saved.getResponse().getStatus())
        .as(saved.getResponse().getContentAsString())
        .isEqualTo(302);
    return jdbc.sql(
            "select id from quote where workspace_id = ? and project_id = ? order by created_at"
                + " desc limit 1")
        .params(world.owner().workspaceId(), projectId)
        .query(UUID.class)
        .single();
  }

  private String amounts(UUID quoteId) throws Exception {
    String page = page("/console/quotes/" + quoteId);
    Matcher m = Pattern.compile("\\d+\\.\\d\\d EUR").matcher(page);
    StringBuilder all = new StringBuilder();
    while (m.find()) {
      all.append(m.group()).append(' ');
    }
    return all.toString();
  }

  @Test
  void aQuoteSavedBackUnchangedStaysAsItWasThirdsIncluded() throws Exception {
    for (List<String> percents : List.of(List.<String>of(), List.of("30", "30", "30", "10"))) {
      UUID quote = newQuote(world.project().id(), percents, LocalDate.now().plusDays(30));
      String before = amounts(quote);
      MultiValueMap<String, String> fields = fieldsOf(page("/console/quotes/" + quote + "/edit"));
      if (percents.isEmpty()) {
        assertThat(fields.get("planPercents")).startsWith("33.33", "33.33", "33.33");
      }
      MvcResult saved = save("/console/quotes/" + quote, fields);
      assertThat(saved.getResponse().getStatus())
          .as(saved.getResponse().getContentAsString())
          .isEqualTo(302);
      assertThat(amounts(quote)).as("amounts after saving " + percents).isEqualTo(before);
    }
  }

  @Test
  void percentagesThatDoNotAddUpAreRefusedInPercentNotBasisPoints() throws Exception {
    MultiValueMap<String, String> fields =
        fieldsOf(page("/console/projects/" + world.project().id() + "/quotes/new"));
    fields.put("lineDescriptions", List.of("Build", "", "", "", ""));
    fields.put("lineQuantities", List.of("1", "", "", "", ""));
    fields.put("linePrices", List.of("3000.00", "", "", "", ""));
    fields.set("validUntil", LocalDate.now().plusDays(30).toString());
    fields.put("planNames", List.of("A", "B", "C", "", ""));
    fields.put("planPercents", List.of("33", "33", "33", "", ""));
    fields.set("taxPercent", "-5");
    fields.set("reviewDays", "0");
    MvcResult refused = save("/console/projects/" + world.project().id() + "/quotes", fields);
    assertThat(refused.getResponse().getStatus()).isEqualTo(400);
    assertThat(refused.getResponse().getContentAsString())
        .contains("add up to 100 %; they add up to 99 %")
        .contains("Enter a percentage from 0 to 100, like 19 or 19.5 (was -5).")
        .contains("Review period must be a whole number from 1 to")
        .contains("id=\"taxPercent-error\"")
        .doesNotContain("10000")
        .doesNotContain("basis points");
  }

  @Test
  void aQuoteIsSentOnlyWhenItIsStillValidAndSomeoneCanSignIt() throws Exception {
    UUID quote = newQuote(world.project().id(), List.of(), LocalDate.now().minusDays(2));
    MvcResult past =
        mvc.perform(post("/console/quotes/" + quote + "/send").with(csrf()).with(owner))
            .andExpect(status().is3xxRedirection())
            .andReturn();
    assertThat((String) past.getFlashMap().get("error"))
        .contains("a day already past")
        .contains("give it a later date");
    assertThat(statusOf(quote)).isEqualTo("DRAFT");
    // its page says so before anyone tries, and offers the edit instead of the send
    assertThat(page("/console/quotes/" + quote))
        .contains("id=\"validity-past\"")
        .contains("a day already past: no one could sign it")
        .doesNotContain("id=\"send-quote\"");

    // a project of the same client nobody was invited to
    UUID lonely =
        UUID.fromString(
            mvc.perform(
                    post("/console/projects")
                        .param("clientId", world.client().id().toString())
                        .param("name", "Nobody invited")
                        .param("type", "WEB")
                        .param("currency", "EUR")
                        .with(csrf())
                        .with(owner))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl()
                .split("/")[3]);
    UUID unsent = newQuote(lonely, List.of(), LocalDate.now().plusDays(30));
    MvcResult nobody =
        mvc.perform(post("/console/quotes/" + unsent + "/send").with(csrf()).with(owner))
            .andExpect(status().is3xxRedirection())
            .andReturn();
    assertThat((String) nobody.getFlashMap().get("error"))
        .contains("no client contact to send the quote to");
    assertThat(statusOf(unsent)).isEqualTo("DRAFT");

    UUID valid = newQuote(world.project().id(), List.of(), LocalDate.now().plusDays(30));
    assertThat(page("/console/quotes/" + valid))
        .contains("id=\"send-quote\"")
        .doesNotContain("id=\"validity-past\"");
    MvcResult sent =
        mvc.perform(post("/console/quotes/" + valid + "/send").with(csrf()).with(owner))
            .andExpect(status().is3xxRedirection())
            .andReturn();
    assertThat(sent.getFlashMap().get("error")).isNull();
    assertThat(statusOf(valid)).isEqualTo("SENT");
    // the project page says where the agreement stands, in words
    assertThat(page("/console/projects/" + world.project().id()))
        .contains("The quote is with the client, waiting for their signature.")
        .contains("no contract yet")
        .contains("web site or app")
        .doesNotContain(">WEB<");
    assertThat(page("/console/projects/" + lonely))
        .contains("A quote draft is ready: send it to the client")
        // a draft plan's parts have no amounts yet: the quote sets them, not "0.00 EUR"
        .contains("set by the quote")
        .doesNotContain("0.00 EUR</td>");
    assertThat(page("/console/projects/" + world.project().id() + "/quotes"))
        .doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T\\d{2}:");
    // once a contact is invited, the quote goes out; the client sees the quoted total, not 0.00
    mvc.perform(
            post("/console/contacts/" + world.contact().id() + "/invitations")
                .param("projectId", lonely.toString())
                .with(csrf())
                .with(owner))
        .andExpect(status().is3xxRedirection());
    assertThat(
            mvc.perform(post("/console/quotes/" + unsent + "/send").with(csrf()).with(owner))
                .andReturn()
                .getFlashMap()
                .get("error"))
        .isNull();
    var client = authentication(Sessions.of(world.contactActor()));
    String portal =
        mvc.perform(get("/portal/projects/" + lonely).with(client))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(portal)
        .contains("Quoted\n    <strong>3570.00 EUR</strong>")
        .doesNotContain("Total <strong>0.00 EUR</strong>")
        .doesNotContain("id=\"milestones\"");
    assertThat(
            mvc.perform(get("/portal").with(client))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString())
        .contains("no contract yet")
        .contains("A quote waits for your signature.");
    // a planned part offers no dispute; a draft plan offers no moves at all unless the workspace
    // allows work before a contract
    String withWorkAllowed = page("/console/projects/" + lonely);
    assertThat(withWorkAllowed)
        .contains("value=\"START\"")
        .doesNotContain("value=\"OPEN_DISPUTE\"");
    workspaces.setWorkBeforeContract(world.owner(), false);
    assertThat(page("/console/projects/" + lonely)).doesNotContain("/transitions");
    // an invoice filter edited in the address bar lists everything instead of failing
    assertThat(page("/console/invoices?state=NOT_A_STATE"))
        .contains("<option value=\"\">all</option>");
  }

  @Test
  void submittingAPartWithoutAFileAsksFirst() throws Exception {
    UUID prototype = world.milestones().get(1).id();
    milestones.transition(
        world.owner(), prototype, io.tranche.core.milestone.MilestoneAction.START);
    String page = page("/console/projects/" + world.project().id());
    assertThat(page)
        .contains("value=\"SUBMIT\"")
        .contains("with no file? The client reviews it as it is");
    artifacts.upload(
        world.owner(),
        prototype,
        "prototype.zip",
        "application/zip",
        new java.io.ByteArrayInputStream(
            "a build".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    assertThat(page("/console/projects/" + world.project().id()))
        .contains("value=\"SUBMIT\"")
        .doesNotContain("with no file?");
  }

  private String statusOf(UUID quote) {
    return jdbc.sql("select status from quote where workspace_id = ? and id = ?")
        .params(world.owner().workspaceId(), quote)
        .query(String.class)
        .single()
        .trim();
  }
}
