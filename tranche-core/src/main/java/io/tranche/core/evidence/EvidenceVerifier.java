package io.tranche.core.evidence;

import java.security.PublicKey;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Walks an evidence log in sequence order and reports the first entry that does not match: a gap
 * (deleted or reordered entries), a broken link to the previous entry, content that does not match
 * its hash, a checkpoint whose signature or chain hash is wrong, or entries missing after the last
 * checkpoint. Streams the entries: memory does not grow with the log.
 */
public final class EvidenceVerifier {
  private EvidenceVerifier() {}

  public static Verification verify(
      Iterator<EvidenceEntry> entries, List<Checkpoint> checkpoints, PublicKey key) {
    TreeMap<Long, Checkpoint> bySequence = new TreeMap<>();
    for (Checkpoint checkpoint : checkpoints) {
      if (!checkpoint.verify(key)) {
        return Verification.bad(
            0,
            0,
            checkpoint.sequence(),
            "the checkpoint at entry " + checkpoint.sequence() + " has a bad signature");
      }
      bySequence.put(checkpoint.sequence(), checkpoint);
    }
    long expected = 1;
    String previous = EvidenceChain.GENESIS;
    long checked = 0;
    while (entries.hasNext()) {
      EvidenceEntry entry = entries.next();
      if (entry.sequence() != expected) {
        return Verification.bad(
            checked,
            checked(bySequence, expected - 1),
            expected,
            "entry " + expected + " is missing or out of order (found " + entry.sequence() + ")");
      }
      if (!entry.previousHash().equals(previous)) {
        return Verification.bad(
            checked,
            checked(bySequence, expected - 1),
            expected,
            "entry " + expected + " does not link to the entry before it");
      }
      if (!entry.computedHash().equals(entry.hash())) {
        return Verification.bad(
            checked,
            checked(bySequence, expected - 1),
            expected,
            "entry " + expected + " was changed: its content does not match its hash");
      }
      Checkpoint checkpoint = bySequence.get(entry.sequence());
      if (checkpoint != null && !checkpoint.chainHash().equals(entry.hash())) {
        return Verification.bad(
            checked,
            checked(bySequence, expected - 1),
            expected,
            "entry " + expected + " does not match the signed checkpoint at that entry");
      }
      previous = entry.hash();
      checked++;
      expected++;
    }
    Map.Entry<Long, Checkpoint> last = bySequence.lastEntry();
    if (last != null && last.getKey() > checked) {
      return Verification.bad(
          checked,
          checked(bySequence, checked),
          checked + 1,
          "entries "
              + (checked + 1)
              + " to "
              + last.getKey()
              + " are missing: a signed checkpoint covers them");
    }
    return Verification.ok(checked, bySequence.size());
  }

  private static long checked(TreeMap<Long, Checkpoint> checkpoints, long upTo) {
    return checkpoints.headMap(upTo, true).size();
  }
}
