package io.tranche.core.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tranche.core.workspace.WorkspaceId;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EvidenceChainTest {
  static final WorkspaceId WS =
      new WorkspaceId(UUID.fromString("00000000-0000-0000-0000-000000000001"));
  static final Instant T0 = Instant.parse("2026-11-26T10:00:00.123456Z");
  final KeyPair keys = ed25519();

  static KeyPair ed25519() {
    try {
      return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  static List<EvidenceEntry> log(int n) {
    List<EvidenceEntry> entries = new ArrayList<>();
    EvidenceChain.Head head = null;
    for (int i = 0; i < n; i++) {
      EvidenceEntry e =
          EvidenceChain.append(
              WS, head, T0.plusSeconds(i), "member:x", null, "test.event", Map.of("i", i));
      entries.add(e);
      head = new EvidenceChain.Head(e.sequence(), e.hash());
    }
    return entries;
  }

  @Test
  void chainsEachEntryToThePreviousOne() {
    List<EvidenceEntry> entries = log(3);
    assertThat(entries.get(0).previousHash()).isEqualTo(EvidenceChain.GENESIS);
    assertThat(entries.get(1).previousHash()).isEqualTo(entries.get(0).hash());
    assertThat(entries.get(2).sequence()).isEqualTo(3);
    assertThat(entries.get(0).at()).isEqualTo(Instant.parse("2026-11-26T10:00:00.123Z"));
    assertThat(EvidenceVerifier.verify(entries.iterator(), List.of(), keys.getPublic()).valid())
        .isTrue();
  }

  @Test
  void hashesAFixedVector() {
    EvidenceEntry first =
        EvidenceChain.append(WS, null, T0, "system", null, "vector", Map.of("b", "x", "a", 1));
    assertThat(first.payload()).isEqualTo("{\"a\":1,\"b\":\"x\"}");
    assertThat(first.hash())
        .isEqualTo(
            EvidenceChain.sha256(
                "{\"actor\":\"system\",\"at\":\"2026-11-26T10:00:00.123Z\",\"payload\":\"{\\\"a\\\":1,\\\"b\\\":\\\"x\\\"}\","
                    + "\"prev\":\""
                    + EvidenceChain.GENESIS
                    + "\",\"project\":null,\"seq\":1,\"type\":\"vector\","
                    + "\"workspace\":\"00000000-0000-0000-0000-000000000001\"}"));
  }

  @Test
  void namesAChangedEntry() {
    List<EvidenceEntry> entries = log(5);
    EvidenceEntry e = entries.get(2);
    entries.set(
        2,
        new EvidenceEntry(
            e.workspaceId(),
            e.sequence(),
            e.at(),
            e.actor(),
            e.projectId(),
            e.type(),
            "{\"i\":99}",
            e.previousHash(),
            e.hash()));
    Verification v = EvidenceVerifier.verify(entries.iterator(), List.of(), keys.getPublic());
    assertThat(v.valid()).isFalse();
    assertThat(v.firstBadSequence()).isEqualTo(3);
    assertThat(v.problem()).contains("changed");
  }

  @Test
  void namesADeletedEntry() {
    List<EvidenceEntry> entries = log(5);
    entries.remove(1);
    Verification v = EvidenceVerifier.verify(entries.iterator(), List.of(), keys.getPublic());
    assertThat(v.firstBadSequence()).isEqualTo(2);
    assertThat(v.problem()).contains("missing");
  }

  @Test
  void namesReorderedEntries() {
    List<EvidenceEntry> entries = log(5);
    EvidenceEntry third = entries.get(2);
    EvidenceEntry fourth = entries.get(3);
    entries.set(2, renumber(fourth, 3));
    entries.set(3, renumber(third, 4));
    Verification v = EvidenceVerifier.verify(entries.iterator(), List.of(), keys.getPublic());
    assertThat(v.firstBadSequence()).isEqualTo(3);
  }

  @Test
  void detectsTruncationAfterASignedCheckpoint() {
    List<EvidenceEntry> entries = log(5);
    Checkpoint checkpoint =
        Checkpoint.sign(
            WS, new EvidenceChain.Head(5, entries.get(4).hash()), T0, keys.getPrivate());
    assertThat(
            EvidenceVerifier.verify(entries.iterator(), List.of(checkpoint), keys.getPublic())
                .valid())
        .isTrue();
    Verification v =
        EvidenceVerifier.verify(
            entries.subList(0, 3).iterator(), List.of(checkpoint), keys.getPublic());
    assertThat(v.valid()).isFalse();
    assertThat(v.firstBadSequence()).isEqualTo(4);
  }

  @Test
  void refusesACheckpointSignedByAnotherKeyOrChanged() {
    List<EvidenceEntry> entries = log(2);
    Checkpoint forged =
        Checkpoint.sign(
            WS, new EvidenceChain.Head(2, entries.get(1).hash()), T0, ed25519().getPrivate());
    assertThat(
            EvidenceVerifier.verify(entries.iterator(), List.of(forged), keys.getPublic()).valid())
        .isFalse();
    Checkpoint real =
        Checkpoint.sign(
            WS, new EvidenceChain.Head(2, entries.get(1).hash()), T0, keys.getPrivate());
    Checkpoint moved = new Checkpoint(WS, 1, real.chainHash(), real.at(), real.signature());
    assertThat(moved.verify(keys.getPublic())).isFalse();
  }

  @Test
  void escapesLoneSurrogatesSoDistinctPayloadsNeverHashAlike() {
    String a = CanonicalJson.write(java.util.Map.of("name", "x\uD800"));
    String b = CanonicalJson.write(java.util.Map.of("name", "x\uDC00"));
    assertThat(a).isEqualTo("{\"name\":\"x\\ud800\"}");
    assertThat(a.getBytes(java.nio.charset.StandardCharsets.UTF_8))
        .isNotEqualTo(b.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(CanonicalJson.write(java.util.List.of("\uD83D\uDCC4")))
        .isEqualTo("[\"\uD83D\uDCC4\"]");
  }

  @Test
  void writesCanonicalJsonWithSortedKeysAndEscapes() {
    assertThat(
            CanonicalJson.write(
                Map.of(
                    "z",
                    List.of(1, true),
                    "a",
                    "q\"\n\u0001",
                    "m",
                    Collections.singletonMap("k", null))))
        .isEqualTo("{\"a\":\"q\\\"\\n\\u0001\",\"m\":{\"k\":null},\"z\":[1,true]}");
  }

  @Test
  void canonicalJsonRefusesWholeNumbersBeyondTwoToThe53EitherSide() {
    assertThat(CanonicalJson.write(List.of(1L << 53, -(1L << 53))))
        .isEqualTo("[9007199254740992,-9007199254740992]");
    for (long n : new long[] {(1L << 53) + 1, -(1L << 53) - 1, Long.MAX_VALUE, Long.MIN_VALUE}) {
      assertThatThrownBy(() -> CanonicalJson.write(List.of(n)))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  private static EvidenceEntry renumber(EvidenceEntry e, long sequence) {
    return new EvidenceEntry(
        e.workspaceId(),
        sequence,
        e.at(),
        e.actor(),
        e.projectId(),
        e.type(),
        e.payload(),
        e.previousHash(),
        e.hash());
  }
}
