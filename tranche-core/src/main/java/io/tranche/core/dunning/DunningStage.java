package io.tranche.core.dunning;

import io.tranche.core.error.Validation;
import org.jspecify.annotations.Nullable;

/**
 * A stage of a dunning plan: a reminder {@code day} days after the due date, in the plan's own
 * words ({@code wording}, or the default text for its place in the plan when blank), sent by {@code
 * channel}.
 */
public record DunningStage(int day, String wording, Channel channel) {
  /** The most a stage's text may hold. */
  public static final int MAX_WORDING = 2000;

  /**
   * How a reminder reaches the client: by email to the project's contacts, or as a letter (a PDF
   * the vendor prints and posts, mailed to the vendor's members; the client gets no email).
   */
  public enum Channel {
    EMAIL,
    LETTER
  }

  public DunningStage {
    Validation.range("day", day, 1, 365);
    wording = wording == null ? "" : wording.strip();
    if (wording.length() > MAX_WORDING) {
      Validation.text("wording", wording, MAX_WORDING);
    }
    Validation.required("channel", channel);
  }

  /** An emailed stage. */
  public static DunningStage of(int day, @Nullable String wording) {
    return new DunningStage(day, wording == null ? "" : wording, Channel.EMAIL);
  }
}
