package io.tranche.app.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tranche.app.contract.QuoteService;
import io.tranche.app.support.Fixtures;
import io.tranche.app.support.Fixtures.World;
import io.tranche.app.support.IntegrationTest;
import io.tranche.app.support.Visitor;
import io.tranche.core.contract.QuoteContent;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A page goes out whole: with its length when it fits the response buffer, in one piece (no
 * chunks); a larger page still arrives complete, in chunks.
 */
class WholePagesIT extends IntegrationTest {
  @Autowired QuoteService quotes;

  @Test
  void aPageGoesOutWithItsLength() {
    HttpResponse<String> page = new Visitor(baseUrl()).get("/login");

    assertThat(page.statusCode()).isEqualTo(200);
    int bytes = page.body().getBytes(StandardCharsets.UTF_8).length;
    assertThat(page.headers().firstValue("Content-Length")).hasValue(Integer.toString(bytes));
    assertThat(page.headers().firstValue("Transfer-Encoding")).isEmpty();
    assertThat(page.body().strip()).endsWith("</html>");
  }

  @Test
  void aPageLargerThanTheBufferArrivesWhole() {
    realCsrfTokens();
    World world = fixtures.world("long-page");
    QuoteContent plain = Fixtures.quoteContent(world.tag());
    String scope = "Every page of the shop, described at length. ".repeat(1_000) + "The end.";
    QuoteContent longScope =
        new QuoteContent(
            scope,
            plain.timeline(),
            plain.lines(),
            plain.taxRateBasisPoints(),
            plain.plan(),
            plain.validUntil(),
            plain.terms());
    var quote = quotes.create(world.owner(), world.project().id(), longScope);
    Visitor visitor = new Visitor(baseUrl());
    visitor.get("/login");
    visitor.post("/login", Map.of("email", world.ownerEmail(), "password", Fixtures.PASSWORD));

    HttpResponse<String> page = visitor.get("/console/quotes/" + quote.id());

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body().length()).isGreaterThan(WholePages.BUFFER_BYTES);
    assertThat(page.body()).contains("The end.");
    assertThat(page.body().strip()).endsWith("</html>");
  }
}
