package io.tranche.app.platform;

import java.time.Instant;
import java.util.List;

/**
 * Something in a workspace that waits for a member: what it is, in a sentence, where it is done,
 * and since when. Modules say what waits in their part by implementing {@link Source}; the
 * console's home lists them, oldest first.
 */
public record Attention(String kind, String text, String link, Instant since) {

  /** A module's things waiting for a member of the workspace. */
  public interface Source {
    /** At most {@link #LIMIT} items of the member's workspace. */
    List<Attention> attention(Actor member);
  }

  /** The most items one source lists. */
  public static final int LIMIT = 20;
}
