package io.tranche.app.preview;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A preview as pages and the API list it: a static {@code SITE}, an {@code IMAGE}, a {@code PDF}, a
 * {@code VIDEO} or an {@code UPSTREAM} staging site. {@code asUploaded}: a video shown without a
 * burned-in watermark (the server has no ffmpeg). {@code state}: {@code READY} to be viewed, or for
 * a video whose watermarked copy is still being made {@code PREPARING}, or {@code FAILED} with the
 * {@code problem} ffmpeg had.
 */
public record PreviewView(
    UUID id,
    UUID projectId,
    UUID milestoneId,
    String name,
    String kind,
    int files,
    long bytes,
    Instant createdAt,
    @Nullable Instant revokedAt,
    boolean asUploaded,
    String state,
    @Nullable String problem) {
  public static final String READY = "READY";
  public static final String PREPARING = "PREPARING";
  public static final String FAILED = "FAILED";

  /** Whether viewers can watch it now. */
  public boolean ready() {
    return READY.equals(state);
  }
}
