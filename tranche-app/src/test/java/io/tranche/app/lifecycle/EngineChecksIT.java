package io.tranche.app.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.tranche.app.contract.QuoteService;
import io.tranche.app.contract.QuoteView;
import io.tranche.app.support.Fixtures;
import io.tranche.app.support.Fixtures.World;
import io.tranche.app.support.IntegrationTest;
import io.tranche.core.error.DomainException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What a reading of the engine found: one exposure, honest race codes. */
class EngineChecksIT extends IntegrationTest {
  @Autowired QuoteService quotes;

  @Test
  void theExposureViewCountsAVendorsReleaseBeforePayment() throws Exception {
    World world = fixtures.world("exposure");
    fixtures.signedContract(world);
    UUID fin = fixtures.submittedArtifact(world).milestoneId();
    mvc.perform(
            post("/api/v1/milestones/" + fin + "/release")
                .header("Authorization", "Bearer " + world.apiToken()))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("reason"));
    mvc.perform(
            post("/api/v1/milestones/" + fin + "/release")
                .header("Authorization", "Bearer " + world.apiToken())
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"trusted client, pays Friday\"}"))
        .andExpect(status().isOk());
    assertThat(
            jdbc.sql(
                    "select payload from evidence_entry where workspace_id = ? and type = 'release.released'")
                .param(world.owner().workspaceId())
                .query(String.class)
                .single())
        .contains("trusted client, pays Friday")
        .contains("\"reason\":\"vendor\"");
    mvc.perform(
            get("/api/v1/projects/" + world.project().id() + "/exposure")
                .header("Authorization", "Bearer " + world.apiToken()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.released.amountMinor").value(100000))
        .andExpect(jsonPath("$.exposure.amountMinor").value(100000))
        .andExpect(jsonPath("$.withinLimit").value(false));
  }

  @Test
  void theWorkspaceInvoiceListReadsAPageInAFixedNumberOfStatements() throws Exception {
    World few = fixtures.world("few-invoices");
    World many = fixtures.world("many-invoices");
    for (int i = 0; i < 3; i++) {
      fixtures.invoice(few);
    }
    for (int i = 0; i < 40; i++) {
      fixtures.invoice(many);
    }
    int forFew = statementsToList(few);
    int forMany = statementsToList(many);
    assertThat(forFew).isPositive();
    assertThat(forMany).as("40 invoices on the page cost no more than 3").isEqualTo(forFew);
  }

  private int statementsToList(World world) throws Exception {
    mvc.perform( // warm: the token's last use is recorded at most once a minute
        get("/api/v1/invoices?size=50").header("Authorization", "Bearer " + world.apiToken()));
    return io.tranche.app.support.StatementCounter.count(
        () ->
            mvc.perform(
                    get("/api/v1/invoices?size=50")
                        .header("Authorization", "Bearer " + world.apiToken()))
                .andExpect(status().isOk()));
  }

  @Test
  void aLostRaceSaysSoInsteadOfCallingTheMoveIllegal() throws Exception {
    World world = fixtures.world("race");
    QuoteView quote =
        quotes.create(world.owner(), world.project().id(), Fixtures.quoteContent(world.tag()));
    int threads = 8;
    CountDownLatch start = new CountDownLatch(1);
    ConcurrentLinkedQueue<Object> outcomes = new ConcurrentLinkedQueue<>();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    for (int t = 0; t < threads; t++) {
      pool.submit(
          () -> {
            try {
              start.await();
              quotes.send(world.owner(), quote.id());
              outcomes.add("sent");
            } catch (DomainException e) {
              outcomes.add(e);
            } catch (Exception e) {
              outcomes.add(e);
            }
          });
    }
    start.countDown();
    pool.shutdown();
    assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
    List<Object> all = List.copyOf(outcomes);
    assertThat(all).filteredOn("sent"::equals).hasSize(1);
    for (Object o : all) {
      if (o instanceof DomainException e) {
        assertThat(e.code().slug()).isIn("quote.concurrent-change", "quote.illegal-transition");
        if (e.code().slug().equals("quote.illegal-transition")) {
          assertThat(e.getMessage()).as("a real state, not a race").contains("SENT");
        }
      } else {
        assertThat(o).as("no other failure").isEqualTo("sent");
      }
    }
  }
}
