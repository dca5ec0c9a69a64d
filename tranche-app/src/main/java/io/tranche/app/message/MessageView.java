package io.tranche.app.message;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A message of a project's thread, with its attachments. */
public record MessageView(
    UUID id,
    UUID projectId,
    String author,
    String authorEmail,
    String body,
    Instant createdAt,
    List<AttachmentView> attachments) {
  public MessageView {
    attachments = List.copyOf(attachments);
  }

  /** Whether a client contact wrote it. */
  public boolean fromClient() {
    return author.startsWith("contact:");
  }

  /** An attachment's description; the bytes are downloaded separately. */
  public record AttachmentView(
      UUID id, String fileName, String contentType, long size, String sha256) {}
}
