package io.tranche.core.evidence;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of verifying an evidence log: how many entries and checkpoints were checked, and the
 * first entry that does not match, with the reason.
 */
public record Verification(
    boolean valid,
    long entries,
    long checkpoints,
    @Nullable Long firstBadSequence,
    @Nullable String problem) {

  static Verification ok(long entries, long checkpoints) {
    return new Verification(true, entries, checkpoints, null, null);
  }

  static Verification bad(long entries, long checkpoints, long sequence, String problem) {
    return new Verification(false, entries, checkpoints, sequence, problem);
  }
}
