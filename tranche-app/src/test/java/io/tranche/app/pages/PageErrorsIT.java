package io.tranche.app.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.tranche.app.support.Fixtures.World;
import io.tranche.app.support.IntegrationTest;
import io.tranche.app.support.Sessions;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A page that cannot be shown (a link meant for someone else, a thing that is gone) says so in
 * words and leads back to the side the person came from; the code is there, collapsed, for whoever
 * helps.
 */
class PageErrorsIT extends IntegrationTest {
  @Test
  void aClientWhoOpensAnotherClientsQuoteIsLedBackToTheirProjects() throws Exception {
    World world = fixtures.world("page-errors");
    World neighbour = fixtures.sibling(world, "page-errors-other");
    fixtures.signedContract(neighbour);
    String quote =
        jdbc.sql("select id from quote where workspace_id = ? and project_id = ?")
            .params(neighbour.owner().workspaceId(), neighbour.project().id())
            .query(String.class)
            .list()
            .get(0);
    String page =
        page(
            "/portal/quotes/" + quote,
            authentication(Sessions.of(world.contactActor())),
            "Back to your projects");
    assertThat(page)
        .contains("There is nothing here, or your sign-in may not open it.")
        .contains("href=\"/portal\"")
        .doesNotContain("no quote with id")
        .doesNotContain(quote)
        .containsPattern("<details[^>]*>\\s*<summary>Details for whoever helps you</summary>");
    assertThat(
            page(
                "/console/quotes/" + java.util.UUID.randomUUID(),
                authentication(Sessions.of(world.owner())),
                "Back to the console"))
        .contains("href=\"/console\"");
  }

  private String page(String path, RequestPostProcessor who, String back) throws Exception {
    String page =
        mvc.perform(get(path).with(who))
            .andExpect(status().isNotFound())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("<html lang=\"en\"").contains(">" + back + "</a>");
    return page;
  }
}
