package io.tranche.app.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.net.URI;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Opens a preview as a browser does: the signed-in entry answers with a redirect to the viewer's
 * pass ({@code /preview/<pass>/…}), which is then fetched without any session, as the requests of a
 * sandboxed page are.
 */
public final class PreviewPasses {
  private PreviewPasses() {}

  /** The pass address the entry redirects to. */
  public static String pass(MockMvc mvc, RequestBuilder entry) throws Exception {
    var response = mvc.perform(entry).andReturn().getResponse();
    assertThat(response.getStatus()).as("the entry hands out a pass").isEqualTo(302);
    String location = response.getHeader("Location");
    assertThat(location).startsWith("/preview/pp_");
    return location;
  }

  /** The entry followed to its pass, fetched with no session. */
  public static ResultActions open(MockMvc mvc, RequestBuilder entry) throws Exception {
    return mvc.perform(get(URI.create(pass(mvc, entry))));
  }
}
