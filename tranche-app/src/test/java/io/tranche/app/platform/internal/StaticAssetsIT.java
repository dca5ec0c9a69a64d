package io.tranche.app.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tranche.app.support.IntegrationTest;
import io.tranche.app.support.Visitor;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The stylesheet and scripts are linked by their content's version and kept by browsers for a year
 * under that URL; asked for any other way, they are kept only on condition (no-cache, 304), never
 * downloaded again on every page as Spring Security's no-store made them.
 */
class StaticAssetsIT extends IntegrationTest {
  private static final Pattern LINKED =
      Pattern.compile("(?:href|src)=\"(/(?:css|js)/[^\"?]+)\\?v=([0-9a-f]+)\"");

  @Autowired StaticAssets assets;
  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<byte[]> fetch(String path, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static byte[] onClasspath(String path) throws Exception {
    try (InputStream in = StaticAssetsIT.class.getResourceAsStream("/static" + path)) {
      assertThat(in).as(path).isNotNull();
      return in.readAllBytes();
    }
  }

  private static String sha256Start(byte[] content) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content), 0, 6);
  }

  /** Each static file a page links, as (path, version). */
  private static List<String[]> linked(String page) {
    List<String[]> found = new ArrayList<>();
    Matcher m = LINKED.matcher(page);
    while (m.find()) {
      found.add(new String[] {m.group(1), m.group(2)});
    }
    return found;
  }

  @Test
  void aPageLinksEachFileByItsContentAndBrowsersKeepItForAYear() throws Exception {
    HttpResponse<String> page = new Visitor(baseUrl()).get("/login");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Cache-Control"))
        .hasValueSatisfying(
            v -> assertThat(v).contains("no-store")); // pages themselves are never kept
    List<String[]> files = linked(page.body());
    assertThat(files).extracting(f -> f[0]).contains("/css/tranche.css", "/js/forms.js");

    for (String[] file : files) {
      byte[] content = onClasspath(file[0]);
      assertThat(file[1]).as(file[0]).isEqualTo(sha256Start(content));
      HttpResponse<byte[]> answer = fetch(file[0] + "?v=" + file[1]);
      assertThat(answer.statusCode()).as(file[0]).isEqualTo(200);
      assertThat(answer.body()).as(file[0]).isEqualTo(content);
      assertThat(answer.headers().firstValue("Cache-Control"))
          .as(file[0])
          .hasValue("max-age=31536000, public, immutable");
      assertThat(answer.headers().firstValue("Pragma")).as(file[0]).isEmpty();
      assertThat(answer.headers().firstValue("Expires")).as(file[0]).isEmpty();
    }
  }

  @Test
  void withoutTheCurrentVersionAFileIsKeptOnlyOnCondition() throws Exception {
    String version = assets.version("/css/tranche.css");
    for (String path : List.of("/css/tranche.css", "/css/tranche.css?v=0123456789ab")) {
      HttpResponse<byte[]> answer = fetch(path);
      assertThat(answer.statusCode()).as(path).isEqualTo(200);
      assertThat(answer.headers().firstValue("Cache-Control")).as(path).hasValue("no-cache");
      String lastModified = answer.headers().firstValue("Last-Modified").orElseThrow();
      assertThat(fetch(path, "If-Modified-Since", lastModified).statusCode())
          .as(path)
          .isEqualTo(304);
    }
    assertThat(version).isNotEqualTo("0123456789ab");
  }

  @Test
  void anUnknownFileIsNotFoundAndAnUnknownVersionIsAMistakeInTheTemplate() throws Exception {
    assertThat(fetch("/css/nothing-here.css").statusCode()).isEqualTo(404);
    assertThat(fetch("/js/../application.properties").statusCode()).isIn(400, 404);
    assertThatThrownBy(() -> assets.version("/css/nothing-here.css"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("/css/tranche.css");
  }

  @Test
  void theEditorsScriptsAreVersionedToo() throws Exception {
    for (String path : List.of("/js/quote-editor.js", "/js/upload.js")) {
      assertThat(assets.version(path)).isEqualTo(sha256Start(onClasspath(path)));
    }
  }
}
