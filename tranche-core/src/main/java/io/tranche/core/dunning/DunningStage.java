package io.tranche.core.dunning;

import io.tranche.core.error.Validation;
import org.jspecify.annotations.Nullable;

/**
 * A stage of a dunning plan: a reminder {@code day} days after the due date, in the plan's own
 * words ({@code wording}, or the default text for its place in the plan when blank).
 */
public record DunningStage(int day, String wording) {
  /** The most a stage's text may hold. */
  public static final int MAX_WORDING = 2000;

  public DunningStage {
    Validation.range("day", day, 1, 365);
    wording = wording == null ? "" : wording.strip();
    if (wording.length() > MAX_WORDING) {
      Validation.text("wording", wording, MAX_WORDING);
    }
  }

  public static DunningStage of(int day, @Nullable String wording) {
    return new DunningStage(day, wording == null ? "" : wording);
  }
}
