package io.tranche.app.preview.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tranche.core.error.DomainException;
import org.junit.jupiter.api.Test;

/** What a staging address may be, and how its address is rewritten out of what it answers. */
class UpstreamTest {
  private final Upstream guarded = new Upstream(false);

  @Test
  void addressesOnThisMachineOrPrivateNetworksAreRefused() {
    for (String url :
        new String[] {
          "http://127.0.0.1:8080/",
          "http://localhost/",
          "http://10.1.2.3/",
          "http://192.168.0.10/admin",
          "http://172.16.5.5/",
          "http://169.254.169.254/latest/meta-data/",
          "http://[::1]/",
          "http://[fd00::1]/",
          "http://0.0.0.0/",
          "http://100.64.0.1/"
        }) {
      assertThatThrownBy(() -> guarded.address("upstreamUrl", url))
          .as(url)
          .isInstanceOfSatisfying(
              DomainException.class,
              e -> {
                assertThat(e.field()).isEqualTo("upstreamUrl");
                assertThat(e.getMessage()).contains("private network");
              });
    }
  }

  @Test
  void aPublicAddressIsKeptWithoutItsQuery() {
    assertThat(
            new Upstream(true).address("upstreamUrl", " https://staging.example.com ").toString())
        .isEqualTo("https://staging.example.com/");
    assertThat(new Upstream(true).address("upstreamUrl", "http://203.0.113.9:8080/app/?a=1"))
        .hasToString("http://203.0.113.9:8080/app/");
  }

  @Test
  void theOriginAndRootRelativeLinksPointIntoThePreview() {
    String origin = "https://staging.example.com";
    String prefix = "/portal/previews/42";
    assertThat(
            Upstream.rewrite(
                "<a href=\"/shop\">x</a><img src='/i.png'><a href=\"//cdn.example.org/x\">"
                    + "<a href=\"https://staging.example.com/cart\">"
                    + "<script>fetch(\"https:\\/\\/staging.example.com\\/api\")</script>"
                    + "<style>b{background:url( /bg.png)}</style>",
                origin,
                prefix))
        .isEqualTo(
            "<a href=\"/portal/previews/42/shop\">x</a><img src='/portal/previews/42/i.png'>"
                + "<a href=\"//cdn.example.org/x\"><a href=\"/portal/previews/42/cart\">"
                + "<script>fetch(\"\\/portal\\/previews\\/42\\/api\")</script>"
                + "<style>b{background:url( /portal/previews/42/bg.png)}</style>");
  }

  @Test
  void redirectsStayInsideThePreviewOrAreNotFollowed() {
    String origin = "https://staging.example.com";
    String prefix = "/p";
    assertThat(Upstream.location("https://staging.example.com/next?a=1", origin, prefix))
        .isEqualTo("/p/next?a=1");
    assertThat(Upstream.location("/login", origin, prefix)).isEqualTo("/p/login");
    assertThat(Upstream.location("step2", origin, prefix)).isEqualTo("step2");
    assertThat(Upstream.location("https://auth.example.net/", origin, prefix)).isNull();
    assertThat(Upstream.location("//auth.example.net/", origin, prefix)).isNull();
  }
}
