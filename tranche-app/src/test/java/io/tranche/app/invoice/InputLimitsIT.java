package io.tranche.app.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.tranche.app.contract.QuoteService;
import io.tranche.app.support.Fixtures;
import io.tranche.app.support.Fixtures.World;
import io.tranche.app.support.IntegrationTest;
import io.tranche.app.support.Sessions;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

/**
 * Input an attacker or a slip of the keyboard can send: amounts, dates, line counts, file names and
 * list sizes are refused at the edge with a 400 naming the field, never accepted to fail later.
 */
class InputLimitsIT extends IntegrationTest {
  @Autowired QuoteService quotes;
  private World world;
  private UUID invoice;

  @BeforeEach
  void setUp() {
    world = fixtures.world("limits");
    invoice = fixtures.invoice(world);
  }

  private ResultActions api(AbstractMockHttpServletRequestBuilder<?> r) throws Exception {
    return mvc.perform(r.header("Authorization", "Bearer " + world.apiToken()));
  }

  private ResultActions pay(String body) throws Exception {
    return api(
        post("/api/v1/invoices/" + invoice + "/payments")
            .contentType(MediaType.APPLICATION_JSON)
            .content(body));
  }

  @Test
  void refusesAmountsBeyondTheLargestAtTheEdgeAndRecordsNothing() throws Exception {
    pay("{\"amount\":{\"amountMinor\":" + Long.MAX_VALUE + "},\"receivedOn\":\"2026-11-01\"}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("money.too-large"))
        .andExpect(jsonPath("$.errors[0].field").value("amount.amountMinor"));
    pay("{\"amount\":{\"amount\":\"9007199254740993.00\"},\"receivedOn\":\"2026-11-01\"}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("money.too-large"));
    api(post("/api/v1/projects/" + world.project().id() + "/invoices")
            .contentType(MediaType.APPLICATION_JSON)
            .content(
                "{\"lines\":[{\"description\":\"All\",\"quantity\":1000000,"
                    + "\"unitPrice\":{\"amountMinor\":100000000000000}}]}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("money.too-large"));
    assertThat(count("payment")).isZero();
  }

  @Test
  void refusesPaymentDatesNoPersonMeans() throws Exception {
    for (String date : new String[] {"+999999999-12-31", "1900-01-01", "2999-01-01"}) {
      pay("{\"amount\":{\"amount\":\"10.00\"},\"receivedOn\":\"" + date + "\"}")
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.code").value("validation.date-out-of-range"))
          .andExpect(jsonPath("$.errors[0].field").value("receivedOn"));
    }
    assertThat(count("payment")).isZero();
  }

  @Test
  void refusesTextThatCannotBeStoredWithA400NotA500() throws Exception {
    for (String name : new String[] {"Nul\\u0000Ltd", "Half\\ud800Ltd"}) {
      api(post("/api/v1/clients")
              .contentType(MediaType.APPLICATION_JSON)
              .content("{\"name\":\"" + name + "\"}"))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.code").value("validation.bad-characters"))
          .andExpect(jsonPath("$.errors[0].field").value("name"));
    }
  }

  @Test
  void refusesMeetingTimesNoPersonMeansEvenBeyondTheCalendar() throws Exception {
    for (String at : new String[] {"+1000000000-01-01T00:00:00Z", "1900-01-01T10:00:00Z"}) {
      api(post("/api/v1/projects/" + world.project().id() + "/meetings")
              .contentType(MediaType.APPLICATION_JSON)
              .content(
                  "{\"heldAt\":\""
                      + at
                      + "\",\"durationMinutes\":30,\"channel\":\"VIDEO\","
                      + "\"attendees\":\"Dana, Chris\",\"notes\":\"Kick-off\"}"))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.code").value("validation.date-out-of-range"))
          .andExpect(jsonPath("$.errors[0].field").value("heldAt"));
    }
    // nor one not held yet: an hour ahead of the application's clock (tests move it by days)
    String inAnHour = clock.instant().plus(java.time.Duration.ofHours(1)).toString();
    api(post("/api/v1/projects/" + world.project().id() + "/meetings")
            .contentType(MediaType.APPLICATION_JSON)
            .content(
                "{\"heldAt\":\""
                    + inAnHour
                    + "\",\"durationMinutes\":30,\"channel\":\"VIDEO\","
                    + "\"attendees\":\"Dana, Chris\",\"notes\":\"Kick-off\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("meeting.not-held-yet"))
        .andExpect(
            jsonPath("$.detail").value("heldAt is in the future: log a meeting once it was held"));
  }

  @Test
  void keepsAnAttachmentNameOfTheFullLengthTheRuleAllows() throws Exception {
    String name = "a".repeat(251) + ".pdf";
    api(multipart("/api/v1/projects/" + world.project().id() + "/messages")
            .file(
                new MockMultipartFile(
                    "files", name, "text/plain", "x".getBytes(StandardCharsets.US_ASCII)))
            .param("body", "long name"))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.attachments[0].fileName").value(name));
  }

  @Test
  void refusesAnInvoiceOfMoreThanFiveHundredLines() throws Exception {
    String line = "{\"description\":\"Hour\",\"unitPrice\":{\"amount\":\"1.00\"}}";
    api(post("/api/v1/projects/" + world.project().id() + "/invoices")
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"lines\":[" + String.join(",", Collections.nCopies(501, line)) + "]}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("validation.too-many"))
        .andExpect(jsonPath("$.errors[0].field").value("lines"));
  }

  @Test
  void refusesAttachmentNamesThatReadDifferentlyFromWhatTheyAre() throws Exception {
    for (String name :
        new String[] {"invoice\u202Efdp.exe", "a\u200Bb.pdf", "a\u0085b.pdf", "a\u2067b.pdf"}) {
      api(multipart("/api/v1/projects/" + world.project().id() + "/messages")
              .file(
                  new MockMultipartFile(
                      "files", name, "text/plain", "x".getBytes(StandardCharsets.US_ASCII)))
              .param("body", "look"))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.code").value("attachment.bad-name"));
    }
    assertThat(count("attachment")).isZero();
  }

  @Test
  void listsAProjectsInvoicesAndQuotesAPageAtATime() throws Exception {
    fixtures.invoice(world);
    api(get("/api/v1/projects/" + world.project().id() + "/invoices?size=1&page=1"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items.length()").value(1))
        .andExpect(jsonPath("$.total").value(2));
    quotes.create(world.owner(), world.project().id(), Fixtures.quoteContent(world.tag()));
    api(get("/api/v1/projects/" + world.project().id() + "/quotes?size=1"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.total").value(1));
    String portal =
        mvc.perform(
                get("/portal/projects/" + world.project().id() + "/quotes")
                    .with(authentication(Sessions.of(world.contactActor()))))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(portal).as("a draft is not the client's").contains("No quote was sent to you yet");
    api(get("/api/v1/projects/" + world.project().id() + "/quotes?size=201"))
        .andExpect(status().isBadRequest());
  }

  @Test
  void listsTheWorkspacesInvoicesAPageAtATime() throws Exception {
    fixtures.invoice(world);
    fixtures.invoice(world);
    api(get("/api/v1/invoices?size=2"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items.length()").value(2))
        .andExpect(jsonPath("$.total").value(3))
        .andExpect(jsonPath("$.size").value(2));
    api(get("/api/v1/invoices?size=2&page=1")).andExpect(jsonPath("$.items.length()").value(1));
    api(get("/api/v1/invoices?size=100000"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("size"));
  }

  @Test
  void rendersAnInvoicePdfOnceAndServesTheStoredFileAfterwards() throws Exception {
    byte[] first =
        api(get("/api/v1/invoices/" + invoice + "/pdf"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    byte[] second =
        api(get("/api/v1/invoices/" + invoice + "/pdf"))
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    assertThat(new String(first, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    assertThat(Arrays.equals(first, second)).as("the stored file, not a new rendering").isTrue();
    assertThat(renderings(invoice)).isOne();

    fixtures.payment(world, invoice);
    api(get("/api/v1/invoices/" + invoice + "/pdf")).andExpect(status().isOk());
    assertThat(renderings(invoice))
        .as("a payment changes the document; the old rendering is dropped")
        .isOne();
  }

  private long renderings(UUID subject) {
    return jdbc.sql("select count(*) from rendered_document where subject_id = ?")
        .param(subject)
        .query(Long.class)
        .single();
  }

  private long count(String table) {
    return jdbc.sql("select count(*) from " + table + " where workspace_id = ?")
        .param(world.owner().workspaceId())
        .query(Long.class)
        .single();
  }
}
