package io.tranche.app.preview;

import io.tranche.app.platform.Evidenced;
import java.util.Map;
import java.util.UUID;

/** What happens to previews, each kept as evidence. */
public sealed interface PreviewEvent extends Evidenced {

  /** A member uploaded a preview for a part. */
  record Uploaded(
      UUID workspaceId, UUID projectId, String actor, UUID previewId, UUID milestoneId, String name)
      implements PreviewEvent {
    @Override
    public String evidenceType() {
      return "preview.uploaded";
    }

    @Override
    public Map<String, Object> evidencePayload() {
      return Evidenced.fields(
          "preview", previewId.toString(), "milestone", milestoneId.toString(), "name", name);
    }
  }

  /** Somebody viewed a page of a preview; the fingerprint is the one in its watermark. */
  record Viewed(
      UUID workspaceId,
      UUID projectId,
      String actor,
      UUID previewId,
      String page,
      String fingerprint)
      implements PreviewEvent {
    @Override
    public String evidenceType() {
      return "preview.viewed";
    }

    @Override
    public Map<String, Object> evidencePayload() {
      return Evidenced.fields(
          "preview", previewId.toString(), "page", page, "fingerprint", fingerprint);
    }
  }

  /**
   * A video preview's watermarked copy was made ({@code ready}), or could not be, with ffmpeg's
   * {@code problem}.
   */
  record Prepared(
      UUID workspaceId,
      UUID projectId,
      String actor,
      UUID previewId,
      String name,
      boolean ready,
      String problem)
      implements PreviewEvent {
    @Override
    public String evidenceType() {
      return "preview.prepared";
    }

    @Override
    public Map<String, Object> evidencePayload() {
      return Evidenced.fields(
          "preview",
          previewId.toString(),
          "name",
          name,
          "outcome",
          ready ? "ready" : "failed",
          "problem",
          problem);
    }
  }

  /** A member withdrew a preview. */
  record Revoked(UUID workspaceId, UUID projectId, String actor, UUID previewId)
      implements PreviewEvent {
    @Override
    public String evidenceType() {
      return "preview.revoked";
    }

    @Override
    public Map<String, Object> evidencePayload() {
      return Evidenced.fields("preview", previewId.toString());
    }
  }
}
