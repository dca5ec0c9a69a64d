package io.tranche.app.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.tranche.app.support.Fixtures;
import io.tranche.app.support.Fixtures.World;
import io.tranche.app.support.IntegrationTest;
import io.tranche.app.support.TestMail;
import io.tranche.app.support.Visitor;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A link from a mail survives the sign-in, for the vendor and for the client; a link elsewhere is
 * never followed; and signing in successfully does not use up the sign-in limits.
 */
class DeepLinkIT extends IntegrationTest {
  @BeforeEach
  void realTokens() {
    realCsrfTokens();
  }

  @Test
  void theVendorLandsOnThePageTheMailLinkedTo() {
    World world = fixtures.world("deep-vendor");
    String page = "/console/projects/" + world.project().id() + "/quotes";
    Visitor vendor = new Visitor(baseUrl());
    HttpResponse<String> bounced = vendor.get(page);
    assertThat(bounced.statusCode()).isEqualTo(302);
    String login = location(bounced);
    assertThat(login).isEqualTo("/login?next=" + page);
    assertThat(vendor.get(login).body()).contains("name=\"next\" value=\"" + page + "\"");
    HttpResponse<String> signedIn =
        vendor.post(
            "/login",
            Map.of("email", world.ownerEmail(), "password", Fixtures.PASSWORD, "next", page));
    assertThat(location(signedIn)).isEqualTo(page);
    assertThat(vendor.get(page).statusCode()).isEqualTo(200);
  }

  @Test
  void aLinkToAnotherSiteIsNotFollowed() {
    World world = fixtures.world("deep-evil");
    for (String next :
        new String[] {"https://evil.test/", "//evil.test", "/console/../x", "/\\evil"}) {
      Visitor vendor = new Visitor(baseUrl());
      vendor.get("/login?next=" + java.net.URLEncoder.encode(next, StandardCharsets.UTF_8));
      HttpResponse<String> signedIn =
          vendor.post(
              "/login",
              Map.of("email", world.ownerEmail(), "password", Fixtures.PASSWORD, "next", next));
      assertThat(location(signedIn)).as(next).isEqualTo("/console");
    }
  }

  @Test
  void successfulSignInsDoNotCountAgainstTheLimit() {
    World world = fixtures.world("deep-limit");
    for (int i = 0; i < 15; i++) {
      Visitor vendor = new Visitor(baseUrl());
      vendor.get("/login");
      assertThat(
              vendor
                  .post(
                      "/login", Map.of("email", world.ownerEmail(), "password", Fixtures.PASSWORD))
                  .statusCode())
          .as("sign-in %d of 15 (the limit per account and address is 10)", i + 1)
          .isEqualTo(302);
    }
  }

  @Test
  void theClientLandsOnThePageTheMailLinkedTo() {
    World world = fixtures.world("deep-client");
    String page = "/portal/projects/" + world.project().id() + "/quotes";
    String w = world.owner().workspaceId().toString();
    Visitor client = new Visitor(baseUrl());
    HttpResponse<String> bounced = client.get(page + "?w=" + w);
    String login = location(bounced);
    assertThat(login).isEqualTo("/portal/login?w=" + w + "&next=" + page);
    client.get(login);
    client.post("/portal/login", Map.of("email", world.contact().email(), "w", w, "next", page));
    String link = TestMail.link(TestMail.awaitMailTo(world.contact().email(), "sign-in link"));
    String path = link.substring(link.indexOf("/portal/magic"));
    client.get(path);
    String token =
        URLDecoder.decode(
            path.substring(path.indexOf("token=") + "token=".length()), StandardCharsets.UTF_8);
    assertThat(location(client.post("/portal/magic", Map.of("token", token)))).isEqualTo(page);
    assertThat(client.get(page).statusCode()).isEqualTo(200);
  }

  private static String location(HttpResponse<String> response) {
    URI uri = URI.create(response.headers().firstValue("Location").orElseThrow());
    return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
  }
}
