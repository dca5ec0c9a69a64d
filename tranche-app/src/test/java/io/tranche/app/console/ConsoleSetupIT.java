package io.tranche.app.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.tranche.app.support.Fixtures.World;
import io.tranche.app.support.IntegrationTest;
import io.tranche.app.support.Sessions;
import io.tranche.app.support.TestMail;
import io.tranche.app.support.Visitor;
import io.tranche.app.workspace.SettingsService;
import io.tranche.app.workspace.WorkspaceSettings;
import java.net.URI;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Starting out from the console alone: settings, clients with their address and tax id, people at a
 * client invited to a project, and a new project that leads to its first quote. Every form reports
 * all its refusals at once, next to their fields, keeps what was typed and writes nothing.
 */
class ConsoleSetupIT extends IntegrationTest {
  @Autowired SettingsService settings;

  @Test
  void theSettingsPageReportsEveryRefusalAtOnceAndWritesNothing() throws Exception {
    World world = fixtures.world("settings");
    WorkspaceSettings before = settings.settings(world.owner().workspaceId());
    String page =
        mvc.perform(
                post("/console/settings")
                    .param("name", "  ")
                    .param("address", "Hauptstr. 1\n10115 Berlin")
                    .param("taxId", "<DE 123>")
                    .param("currency", "EUR")
                    .param("bankDetails", "IBAN DE00 1234")
                    .param("invoicePrefix", "INV-")
                    .param("paymentTermsDays", "900")
                    .param("timeZone", "Mars/Olympus")
                    .param("taxNote", "x".repeat(501))
                    .param("signingOrder", "VENDOR_FIRST")
                    .with(csrf())
                    .with(authentication(Sessions.of(world.owner()))))
            .andExpect(status().isBadRequest())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page)
        .contains("5 things need fixing")
        .contains("id=\"taxNote-error\"")
        .contains("Note on invoices without tax can be at most 500 characters; this has 501.")
        .contains("id=\"name-error\"")
        .contains("Please fill in business name.")
        .contains("id=\"taxId-error\"")
        .contains("Use letters, digits, spaces, dots, dashes or slashes")
        .contains("id=\"paymentTermsDays-error\"")
        .contains("Payment terms must be a whole number from 0 to 365.")
        .contains("id=\"timeZone-error\"")
        .contains("aria-describedby=\"taxId-error\"")
        .contains("value=\"&lt;DE 123&gt;\"")
        .contains("IBAN DE00 1234")
        .doesNotContain("taxId is")
        .doesNotContain("paymentTermsDays must");
    assertThat(page.split("aria-invalid=\"true\"", -1)).hasSize(6);
    assertThat(settings.settings(world.owner().workspaceId()))
        .as("nothing half-written")
        .isEqualTo(before);

    mvc.perform(
            post("/console/settings")
                .param("name", "Studio Nord")
                .param("address", "Hauptstr. 1\n10115 Berlin")
                .param("taxId", "DE123456789")
                .param("currency", "CHF")
                .param("bankDetails", "IBAN DE00 1234")
                .param("invoicePrefix", "SN-")
                .param("paymentTermsDays", "21")
                .param("timeZone", "Europe/Berlin")
                .param("signingOrder", "VENDOR_FIRST")
                .param("taxNote", "Reverse charge: the recipient accounts for the VAT.")
                .with(csrf())
                .with(authentication(Sessions.of(world.owner()))))
        .andExpect(status().is3xxRedirection());
    WorkspaceSettings after = settings.settings(world.owner().workspaceId());
    assertThat(after.name()).isEqualTo("Studio Nord");
    assertThat(after.address()).isEqualTo("Hauptstr. 1\n10115 Berlin");
    assertThat(after.taxId()).isEqualTo("DE123456789");
    assertThat(after.currency()).isEqualTo("CHF");
    assertThat(after.paymentTermsDays()).isEqualTo(21);
    assertThat(after.timeZone()).isEqualTo("Europe/Berlin");
    assertThat(after.signingOrder().name()).isEqualTo("VENDOR_FIRST");
    assertThat(after.workBeforeContract()).as("an unticked box switches it off").isFalse();
    assertThat(after.taxNote()).isEqualTo("Reverse charge: the recipient accounts for the VAT.");
    String shown =
        mvc.perform(get("/console/settings").with(authentication(Sessions.of(world.owner()))))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(shown)
        .contains("value=\"DE123456789\"")
        .contains(">Reverse charge: the recipient accounts for the VAT.</textarea>")
        .contains("<option value=\"Europe/Berlin\" selected=\"selected\">")
        .contains("aria-current=\"page\"");
  }

  @Test
  void theSettingsApiRefusesEveryBadFieldAtOnceAndAppliesNoneOfTheGoodOnes() throws Exception {
    World world = fixtures.world("settings-api");
    WorkspaceSettings before = settings.settings(world.owner().workspaceId());
    mvc.perform(
            patch("/api/v1/settings")
                .header("Authorization", "Bearer " + world.apiToken())
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"signingOrder":"VENDOR_FIRST","name":"","timeZone":"Nowhere/Else",
                     "taxId":"ok 123","paymentTermsDays":30}"""))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("validation.fields"))
        .andExpect(jsonPath("$.errors.length()").value(2))
        .andExpect(jsonPath("$.errors[0].field").value("name"))
        .andExpect(jsonPath("$.errors[1].field").value("timeZone"));
    assertThat(settings.settings(world.owner().workspaceId()))
        .as("the signing order, given first, was not applied before the refusal")
        .isEqualTo(before);
    mvc.perform(
            patch("/api/v1/settings")
                .header("Authorization", "Bearer " + world.apiToken())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"taxId\":\"FR 12 345\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("taxId"))
        .andExpect(
            jsonPath("$.errors[0].message")
                .value(
                    org.hamcrest.Matchers.containsString(
                        "is not in the form of a French VAT id, e.g. FR12345678901")));
    mvc.perform(
            patch("/api/v1/settings")
                .header("Authorization", "Bearer " + world.apiToken())
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"address\":\"Road 1\",\"taxId\":\"FR 12 345 678 901\",\"currency\":\"usd\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.address").value("Road 1"))
        .andExpect(jsonPath("$.taxId").value("FR 12 345 678 901"))
        .andExpect(jsonPath("$.currency").value("USD"));
  }

  @Test
  void aClientWithItsPeopleAndAProjectAreMadeFromTheConsoleAndTheInvitationLandsOnTheProject()
      throws Exception {
    World world = fixtures.world("console-start");
    var owner = authentication(Sessions.of(world.owner()));
    String refused =
        mvc.perform(
                post("/console/clients")
                    .param("name", "")
                    .param("billingEmail", "not an address")
                    .param("address", "Rue 2, Paris")
                    .param("taxId", "FR#1")
                    .with(csrf())
                    .with(owner))
            .andExpect(status().isBadRequest())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(refused)
        .contains("3 things need fixing")
        .contains("Please fill in name.")
        .contains("Enter an email address like name@example.com.")
        .contains("Rue 2, Paris");

    MvcResult created =
        mvc.perform(
                post("/console/clients")
                    .param("name", "Boulangerie Claire")
                    .param("billingEmail", "compta@claire.test")
                    .param("address", "Rue 2\n75001 Paris")
                    .param("taxId", "FR12345678901")
                    .with(csrf())
                    .with(owner))
            .andExpect(status().is3xxRedirection())
            .andReturn();
    String clientPath = created.getResponse().getRedirectedUrl();
    UUID clientId = UUID.fromString(clientPath.substring(clientPath.lastIndexOf('/') + 1));
    assertThat(
            mvc.perform(get("/console/clients").with(owner))
                .andReturn()
                .getResponse()
                .getContentAsString())
        .contains("Boulangerie Claire")
        .contains("FR12345678901");

    mvc.perform(
            post(clientPath + "/contacts")
                .param("name", "Claire Martin")
                .param("email", "claire@claire.test")
                .param("projectId", "")
                .with(csrf())
                .with(owner))
        .andExpect(status().is3xxRedirection());

    String emptyForm =
        mvc.perform(post("/console/projects").with(csrf()).with(owner))
            .andExpect(status().isBadRequest())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(emptyForm).contains("id=\"clientId-error\"").contains("id=\"name-error\"");

    UUID contactId =
        jdbc.sql("select id from contact where email = 'claire@claire.test'")
            .query(UUID.class)
            .single();
    MvcResult project =
        mvc.perform(
                post("/console/projects")
                    .param("clientId", clientId.toString())
                    .param("name", "New shop")
                    .param("type", "WEB")
                    .param("currency", "EUR")
                    .with(csrf())
                    .with(owner))
            .andExpect(status().is3xxRedirection())
            .andReturn();
    String quotePath = project.getResponse().getRedirectedUrl();
    assertThat(quotePath).matches("/console/projects/[0-9a-f-]{36}/quotes/new");
    UUID projectId = UUID.fromString(quotePath.split("/")[3]);
    mvc.perform(get(quotePath).with(owner)).andExpect(status().isOk());

    mvc.perform(
            post("/console/contacts/" + contactId + "/invitations")
                .param("projectId", projectId.toString())
                .with(csrf())
                .with(owner))
        .andExpect(status().is3xxRedirection());
    var invitation = TestMail.awaitMailTo("claire@claire.test", "invites you to New shop");
    String link = TestMail.link(invitation);
    realCsrfTokens();
    Visitor client = new Visitor(baseUrl());
    String path = link.substring(link.indexOf("/portal/magic"));
    assertThat(client.get(path).statusCode()).isEqualTo(200);
    String token =
        java.net.URLDecoder.decode(
            path.substring(path.indexOf("token=") + "token=".length()),
            java.nio.charset.StandardCharsets.UTF_8);
    var signedIn = client.post("/portal/magic", java.util.Map.of("token", token));
    assertThat(signedIn.statusCode()).isEqualTo(302);
    String landing = URI.create(signedIn.headers().firstValue("Location").orElseThrow()).getPath();
    assertThat(landing).isEqualTo("/portal/projects/" + projectId);
    var portal = client.get(landing);
    assertThat(portal.statusCode()).isEqualTo(200);
    assertThat(portal.body()).contains("New shop");
  }

  @Test
  void anInvitationToAnotherClientsProjectIsRefused() throws Exception {
    World world = fixtures.world("invite-scope");
    World neighbour = fixtures.sibling(world, "other-client");
    mvc.perform(
            post("/console/clients/" + world.client().id() + "/contacts")
                .param("name", "Eve")
                .param("email", "eve@client.test")
                .param("projectId", neighbour.project().id().toString())
                .with(csrf())
                .with(authentication(Sessions.of(world.owner()))))
        .andExpect(status().isNotFound());
    assertThat(
            jdbc.sql("select count(*) from contact where email = 'eve@client.test'")
                .query(Long.class)
                .single())
        .as("nothing half-written")
        .isZero();
  }

  @Test
  void amountsAreReadAsPeopleTypeThem() throws Exception {
    World world = fixtures.world("typed");
    var invoice =
        fixtures
            .invoices()
            .issueManual(
                world.owner(),
                world.project().id(),
                java.util.List.of(
                    new io.tranche.core.invoice.InvoiceLine(
                        "Work", 1, io.tranche.core.money.Money.parse("1606.50", "EUR"), 0)));
    mvc.perform(
            post("/console/invoices/" + invoice.id() + "/payments")
                .param("amount", "1.606,50")
                .param("receivedOn", java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString())
                .param("reference", "SEPA")
                .with(csrf())
                .with(authentication(Sessions.of(world.owner()))))
        .andExpect(status().is3xxRedirection());
    var paid = fixtures.invoices().invoice(world.owner(), invoice.id());
    assertThat(paid.paid().amountMinor()).isEqualTo(160650);
    assertThat(paid.state().name()).isEqualTo("PAID");
  }
}
