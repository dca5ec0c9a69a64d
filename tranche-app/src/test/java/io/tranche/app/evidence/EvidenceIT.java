package io.tranche.app.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.tranche.app.support.Fixtures.World;
import io.tranche.app.support.IntegrationTest;
import io.tranche.core.evidence.Verification;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.transaction.support.TransactionTemplate;

class EvidenceIT extends IntegrationTest {
  @Autowired EvidenceService evidence;
  @Autowired TransactionTemplate transaction;
  private World world;
  private UUID ws;

  @BeforeEach
  void setUp() {
    world = fixtures.world("evidence");
    ws = world.owner().workspaceId();
  }

  private void appendSome(int n) {
    for (int i = 0; i < n; i++) {
      int k = i;
      transaction.executeWithoutResult(
          s -> evidence.append(ws, "system", world.project().id(), "test.event", Map.of("k", k)));
    }
  }

  @Test
  void recordsAMilestoneMoveWithItsActorAndVerifies() throws Exception {
    mvc.perform(
            post("/api/v1/milestones/" + world.milestones().get(0).id() + "/transitions")
                .header("Authorization", "Bearer " + world.apiToken())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"action\":\"START\"}"))
        .andExpect(status().isOk());
    mvc.perform(
            get("/api/v1/evidence?page=0&size=1")
                .header("Authorization", "Bearer " + world.apiToken()))
        .andExpect(jsonPath("$.items[0].type").value("milestone.start"))
        .andExpect(jsonPath("$.items[0].actor").value(world.owner().label()))
        .andExpect(jsonPath("$.items[0].seq").value(2));
    mvc.perform(
            get("/api/v1/evidence/verification")
                .header("Authorization", "Bearer " + world.apiToken()))
        .andExpect(jsonPath("$.valid").value(true))
        .andExpect(jsonPath("$.entries").value(2));
  }

  @Test
  void namesAnEntryChangedInTheDatabase() {
    appendSome(5);
    jdbc.sql("update evidence_entry set payload = '{\"k\":42}' where workspace_id = ? and seq = 3")
        .param(ws)
        .update();
    Verification v = evidence.verify(ws);
    assertThat(v.valid()).isFalse();
    assertThat(v.firstBadSequence()).isEqualTo(3);
  }

  @Test
  void namesAnEntryDeletedFromTheDatabase() {
    appendSome(5);
    jdbc.sql("delete from evidence_entry where workspace_id = ? and seq = 2").param(ws).update();
    Verification v = evidence.verify(ws);
    assertThat(v.valid()).isFalse();
    assertThat(v.firstBadSequence()).isEqualTo(2);
  }

  @Test
  void namesEntriesReorderedInTheDatabase() {
    appendSome(5);
    jdbc.sql("update evidence_entry set seq = -1 where workspace_id = ? and seq = 3")
        .param(ws)
        .update();
    jdbc.sql("update evidence_entry set seq = 3 where workspace_id = ? and seq = 4")
        .param(ws)
        .update();
    jdbc.sql("update evidence_entry set seq = 4 where workspace_id = ? and seq = -1")
        .param(ws)
        .update();
    Verification v = evidence.verify(ws);
    assertThat(v.valid()).isFalse();
    assertThat(v.firstBadSequence()).isEqualTo(3);
  }

  @Test
  void aSignedCheckpointCatchesTruncation() throws Exception {
    appendSome(4);
    mvc.perform(
            post("/api/v1/evidence/checkpoints")
                .header("Authorization", "Bearer " + world.apiToken()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.seq").value(5));
    assertThat(evidence.verify(ws).valid()).isTrue();
    jdbc.sql("delete from evidence_entry where workspace_id = ? and seq = 5").param(ws).update();
    Verification v = evidence.verify(ws);
    assertThat(v.valid()).isFalse();
    assertThat(v.firstBadSequence()).isEqualTo(5);
  }

  @Test
  void parallelWritersGetGaplessSequencesAndOneChain() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Callable<Void>> writers = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      int writer = t;
      writers.add(
          () -> {
            for (int i = 0; i < 25; i++) {
              int k = i;
              transaction.executeWithoutResult(
                  s ->
                      evidence.append(ws, "system", null, "parallel", Map.of("w", writer, "i", k)));
            }
            return null;
          });
    }
    for (Future<Void> f : pool.invokeAll(writers)) {
      f.get();
    }
    pool.shutdown();
    assertThat(
            jdbc.sql("select seq from evidence_entry where workspace_id = ? order by seq")
                .param(ws)
                .query(Long.class)
                .list())
        .containsExactlyElementsOf(
            java.util.stream.LongStream.rangeClosed(1, 201).boxed().toList());
    Verification v = evidence.verify(ws);
    assertThat(v.valid()).isTrue();
    assertThat(v.entries()).isEqualTo(201);
  }

  @Test
  void keepsTheSigningKeyWrappedAndTheKekOwnerOnly() throws Exception {
    appendSome(1);
    evidence.checkpoint(ws);
    String wrapped =
        jdbc.sql("select private_key_wrapped from workspace_key where workspace_id = ?")
            .param(ws)
            .query(String.class)
            .single();
    assertThat(wrapped).startsWith("v1.");
    mvc.perform(get("/api/v1/signing-key").header("Authorization", "Bearer " + world.apiToken()))
        .andExpect(jsonPath("$.algorithm").value("Ed25519"))
        .andExpect(jsonPath("$.fingerprint").isString());
    Path kek = Path.of("target", "test-data", "keys", "kek");
    assertThat(kek).exists();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(kek)))
        .isEqualTo("rw-------");
  }
}
