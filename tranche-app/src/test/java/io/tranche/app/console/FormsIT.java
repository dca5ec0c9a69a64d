package io.tranche.app.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.tranche.app.support.Fixtures.World;
import io.tranche.app.support.IntegrationTest;
import io.tranche.app.support.Sessions;
import org.junit.jupiter.api.Test;

/**
 * The older forms report every refusal at once, next to its field, in words (never a field's name
 * in the code), keep what was typed, and write nothing: the quote editor, the meeting log and the
 * countersignature.
 */
class FormsIT extends IntegrationTest {
  @org.springframework.beans.factory.annotation.Autowired
  io.tranche.app.workspace.ClientService clients;

  @Test
  void theQuoteEditorReportsEveryRefusalAtOnce() throws Exception {
    World world = fixtures.world("forms-quote");
    String page =
        mvc.perform(
                post("/console/projects/" + world.project().id() + "/quotes")
                    .param("scope", " ")
                    .param("timeline", "")
                    .param("lineDescriptions", "Web shop")
                    .param("lineQuantities", "1")
                    .param("linePrices", "twelve")
                    .param("reviewDays", "0")
                    .param("modificationDays", "30")
                    .param("validUntil", "")
                    .with(csrf())
                    .with(authentication(Sessions.of(world.owner()))))
            .andExpect(status().isBadRequest())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page)
        .contains("things need fixing")
        .contains("id=\"scope-error\"")
        .contains("Please fill in scope.")
        .contains("id=\"timeline-error\"")
        .contains("id=\"lines-error\"")
        .contains("id=\"validUntil-error\"")
        .contains("id=\"reviewDays-error\"")
        .contains("aria-describedby=\"reviewDays-error\"")
        .contains("value=\"twelve\"")
        .doesNotContain("lines[0]")
        .doesNotContain("terms.reviewDays")
        .doesNotContain("unitPrice");
    assertThat(page.split("aria-invalid=\"true\"", -1).length - 1).isGreaterThanOrEqualTo(4);
    assertThat(
            jdbc.sql("select count(*) from quote where project_id = ?")
                .param(world.project().id())
                .query(Long.class)
                .single())
        .as("nothing written")
        .isZero();
  }

  @Test
  void everyBadCellOfTheQuoteTablesIsNamedByItsRowAndMarkedAtOnce() throws Exception {
    World world = fixtures.world("forms-cells");
    String page =
        mvc.perform(
                post("/console/projects/" + world.project().id() + "/quotes")
                    .param("scope", "A shop")
                    .param("timeline", "Six weeks")
                    .param("lineDescriptions", "Design", "", "Build", "Hosting")
                    .param("lineQuantities", "two", "", "1", "1")
                    .param("linePrices", "1500", "", "4.500,00x", "abc")
                    .param("planNames", "Deposit", "Prototype", "Final")
                    .param("planTriggers", "CONTRACT_SIGNED", "ACCEPTANCE", "FINAL_DEMO")
                    .param("planPercents", "40", "30", "20")
                    .param("reviewDays", "7")
                    .param("modificationDays", "30")
                    .param("validUntil", "2027-01-15")
                    .with(csrf())
                    .with(authentication(Sessions.of(world.owner()))))
            .andExpect(status().isBadRequest())
            .andReturn()
            .getResponse()
            .getContentAsString()
            .replaceAll("\\s+", " ")
            .replace("&#39;", "'");
    // rows as the table shows them: the blank second row counts, so "Build" is line 3
    assertThat(page)
        .contains("Line 1's quantity must be a number")
        .contains("Write line 3's unit price like 1234.50 ('4.500,00x' is not an amount).")
        .contains("Write line 4's unit price like 1234.50 ('abc' is not an amount).")
        .as("the plan's shares are checked too, though the lines give no total yet")
        .contains("id=\"milestones-error\"")
        .contains("they add up to 90 %")
        .doesNotContain("lines[")
        .containsPattern(
            "value=\"two\" aria-label=\"Line 1: quantity\" aria-invalid=\"true\""
                + " aria-describedby=\"lines-error\"")
        .contains("aria-label=\"Line 3: unit price\" aria-invalid=\"true\"")
        .contains("aria-label=\"Line 4: unit price\" aria-invalid=\"true\"")
        .contains("aria-label=\"Line 1: unit price\">")
        .contains("aria-label=\"Line 3: quantity\">");
  }

  @Test
  void aBadShareOfThePlanIsNamedByTheRowItIsOnBlankRowsBetweenIncluded() throws Exception {
    World world = fixtures.world("forms-plan-rows");
    String page =
        mvc.perform(
                post("/console/projects/" + world.project().id() + "/quotes")
                    .param("scope", "A shop")
                    .param("timeline", "Six weeks")
                    .param("lineDescriptions", "Build")
                    .param("lineQuantities", "1")
                    .param("linePrices", "1000")
                    .param("planNames", "Deposit", "", "Final")
                    .param("planTriggers", "CONTRACT_SIGNED", "ACCEPTANCE", "FINAL_DEMO")
                    .param("planPercents", "30", "", "seventy")
                    .param("reviewDays", "7")
                    .param("modificationDays", "30")
                    .param("validUntil", "2027-01-15")
                    .with(csrf())
                    .with(authentication(Sessions.of(world.owner()))))
            .andExpect(status().isBadRequest())
            .andReturn()
            .getResponse()
            .getContentAsString()
            .replaceAll("\\s+", " ")
            .replace("&#39;", "'");
    assertThat(page)
        .contains("Part 3's percentage")
        .doesNotContain("Part 2's")
        .contains("aria-label=\"Part 3: percent of the total\" aria-invalid=\"true\"")
        .contains("aria-label=\"Part 2: percent of the total\">");
  }

  @Test
  void aNamedPartWithoutAPercentageIsAskedForItNotToldItIsNoNumber() throws Exception {
    World world = fixtures.world("forms-plan-blank");
    String page =
        mvc.perform(
                post("/console/projects/" + world.project().id() + "/quotes")
                    .param("scope", "A shop")
                    .param("timeline", "Six weeks")
                    .param("lineDescriptions", "Build", "Discount")
                    .param("lineQuantities", "1", "1")
                    .param("linePrices", "1000", "-500")
                    .param("planNames", "Deposit", "Prototype", "Final")
                    .param("planTriggers", "CONTRACT_SIGNED", "ACCEPTANCE", "FINAL_DEMO")
                    .param("planPercents", "30", "", "70")
                    .param("reviewDays", "7")
                    .param("modificationDays", "30")
                    .param("validUntil", "2027-01-15")
                    .with(csrf())
                    .with(authentication(Sessions.of(world.owner()))))
            .andExpect(status().isBadRequest())
            .andReturn()
            .getResponse()
            .getContentAsString()
            .replaceAll("\\s+", " ")
            .replace("&#39;", "'");
    assertThat(page)
        .contains("Please fill in part 2's percentage.")
        .contains("Line 2's unit price must not be negative (was -500.00).")
        .doesNotContain("must be a number")
        .doesNotContain("every milestone an amount");
  }

  @Test
  void theMeetingLogReportsEveryRefusalAtOnceInWords() throws Exception {
    World world = fixtures.world("forms-meeting");
    String page =
        mvc.perform(
                post("/console/projects/" + world.project().id() + "/meetings")
                    .param("heldAt", "")
                    .param("durationMinutes", "0")
                    .param("channel", "VIDEO")
                    .param("attendees", "Both sides")
                    .param("notes", "")
                    .param("recordingLink", "ftp://example.test/rec")
                    .with(csrf())
                    .with(authentication(Sessions.of(world.owner()))))
            .andExpect(status().isBadRequest())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page)
        .contains("4 things need fixing")
        .contains("id=\"heldAt-error\"")
        .contains("id=\"durationMinutes-error\"")
        .contains("Duration must be a whole number from 1 to 1440.")
        .contains("id=\"notes-error\"")
        .contains("id=\"recordingLink-error\"")
        .contains("aria-describedby=\"recordingLink-error\"")
        .contains("value=\"Both sides\"")
        .doesNotContain("durationMinutes must")
        .doesNotContain("recordingLink must")
        .doesNotContain(">VIDEO<");
  }

  @Test
  void aChoiceNoListOffersIsRefusedAsSuchNotAsMissing() throws Exception {
    World world = fixtures.world("forms-choices");
    var owner = authentication(Sessions.of(world.owner()));
    String meeting =
        refused(
            post("/console/projects/" + world.project().id() + "/meetings")
                .param("heldAt", "2026-11-30T10:00")
                .param("durationMinutes", "30")
                .param("channel", "FAX")
                .param("attendees", "Both sides")
                .param("notes", "Agreed the scope.")
                .with(csrf())
                .with(owner));
    assertThat(meeting)
        .contains("id=\"channel-error\"")
        .contains("Choose channel from the list.")
        .doesNotContain("Please fill in channel")
        .doesNotContain("FAX");
    assertThat(
            jdbc.sql("select count(*) from meeting where project_id = ?")
                .param(world.project().id())
                .query(Long.class)
                .single())
        .as("no meeting written")
        .isZero();

    String project =
        refused(
            post("/console/projects")
                .param("clientId", world.client().id().toString())
                .param("name", "Odd kind")
                .param("type", "SPACESHIP")
                .param("currency", "EUR")
                .with(csrf())
                .with(owner));
    assertThat(project)
        .contains("id=\"type-error\"")
        .contains("Choose kind of work from the list.")
        .doesNotContain("Please fill in");

    String settings =
        refused(
            post("/console/settings")
                .param("name", "Forms Choices Studio")
                .param("currency", "EUR")
                .param("invoicePrefix", "INV-")
                .param("paymentTermsDays", "14")
                .param("timeZone", "Europe/Berlin")
                .param("signingOrder", "WHOEVER")
                .with(csrf())
                .with(owner));
    assertThat(settings)
        .contains("id=\"signingOrder-error\"")
        .contains("Choose who signs first from the list.");
    assertThat(
            jdbc.sql("select signing_order from workspace where id = ?")
                .param(world.owner().workspaceId())
                .query(String.class)
                .single())
        .as("the order was neither changed nor silently kept as 'saved'")
        .isEqualTo("CLIENT_FIRST");
  }

  /** The page a refused form answers with (400). */
  private String refused(
      org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder form)
      throws Exception {
    return mvc.perform(form)
        .andExpect(status().isBadRequest())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  @Test
  void theCountersignatureNamesEveryMissingPartAtOnce() throws Exception {
    World world = fixtures.world("forms-sign");
    var agreements = fixtures.agreements(world);
    // the vendor reads the contract first, as the page requires before a signature
    mvc.perform(
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                    "/console/contracts/" + agreements.contractId())
                .with(authentication(Sessions.of(world.owner()))))
        .andExpect(status().isOk());
    String page =
        mvc.perform(
                post("/console/contracts/" + agreements.contractId() + "/sign")
                    .param("typedName", "")
                    .with(csrf())
                    .with(authentication(Sessions.of(world.owner()))))
            .andExpect(status().isBadRequest())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page)
        .contains("id=\"typedName-error\"")
        .contains("id=\"consent-error\"")
        .contains("aria-describedby=\"typedName-error\"")
        .doesNotContain("typedName is");
  }

  @Test
  void theVendorIsToldBeforeInvoicingAClientThatHasNoAddress() throws Exception {
    World world = fixtures.world("forms-address");
    var owner = authentication(Sessions.of(world.owner()));
    String page =
        mvc.perform(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                        "/console/projects/" + world.project().id())
                    .with(owner))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page.replaceAll("\\s+", " "))
        .contains("has no address yet")
        .contains("the deposit invoice goes out when the contract is signed")
        .contains("href=\"/console/clients/" + world.client().id() + "\"");
    // signed without it: the notice no longer speaks of the deposit invoice as still to come
    fixtures.signedContract(world);
    String signed =
        mvc.perform(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                        "/console/projects/" + world.project().id())
                    .with(owner))
            .andReturn()
            .getResponse()
            .getContentAsString()
            .replaceAll("\\s+", " ");
    assertThat(signed)
        .contains("has no address yet")
        .contains("those issued so far went out without it")
        .doesNotContain("the deposit invoice goes out when the contract is signed");
    clients.updateClient(
        world.owner(),
        world.client().id(),
        new io.tranche.app.workspace.ClientDetails(null, null, "Rue de la Paix 2, Paris", null));
    assertThat(
            mvc.perform(
                    org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                            "/console/projects/" + world.project().id())
                        .with(owner))
                .andReturn()
                .getResponse()
                .getContentAsString())
        .doesNotContain("has no address yet");
  }
}
