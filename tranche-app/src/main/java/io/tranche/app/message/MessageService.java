package io.tranche.app.message;

import io.tranche.app.message.internal.MessageRepository;
import io.tranche.app.platform.Actor;
import io.tranche.app.platform.Download;
import io.tranche.app.platform.Errors;
import io.tranche.app.platform.PageOf;
import io.tranche.app.platform.Paging;
import io.tranche.app.project.ProjectService;
import io.tranche.app.storage.BlobStore;
import io.tranche.app.storage.BlobTooLargeException;
import io.tranche.app.storage.StoredBlob;
import io.tranche.core.error.DomainException;
import io.tranche.core.error.Validation;
import io.tranche.core.evidence.EvidenceChain;
import io.tranche.core.message.Attachments;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The requirements thread of a project, between its contacts and the workspace's members. The
 * author is always the signed-in actor. Attachments stream into blob storage, size-limited, named
 * safely and typed by their bytes; a refused or failed post leaves no file and no row behind.
 */
@Service
public class MessageService {
  public static final int BODY_MAX = 20_000;
  public static final int FILES_MAX = 10;

  private final MessageRepository messages;
  private final ProjectService projects;
  private final BlobStore blobs;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final long maxBytes;

  MessageService(
      MessageRepository messages,
      ProjectService projects,
      BlobStore blobs,
      ApplicationEventPublisher events,
      Clock clock,
      @Value("${tranche.attachments.max-bytes}") long maxBytes) {
    this.messages = messages;
    this.projects = projects;
    this.blobs = blobs;
    this.events = events;
    this.clock = clock;
    this.maxBytes = maxBytes;
  }

  /** The largest attachment accepted, in bytes. */
  public long maxBytes() {
    return maxBytes;
  }

  @Transactional(readOnly = true)
  public PageOf<MessageView> messages(Actor actor, UUID projectId, Paging paging) {
    projects.requireVisible(actor, projectId);
    return new PageOf<>(
        messages.page(actor.workspaceId(), projectId, paging),
        paging.page(),
        paging.size(),
        messages.count(actor.workspaceId(), projectId));
  }

  /** Posts a message as the signed-in actor, with its attachments. */
  @Transactional
  public MessageView post(Actor actor, UUID projectId, String body, List<Upload> uploads) {
    projects.requireVisible(actor, projectId);
    String text = uploads.isEmpty() ? Validation.text("body", body, BODY_MAX) : optionalBody(body);
    if (uploads.size() > FILES_MAX) {
      throw DomainException.field(
          Validation.OUT_OF_RANGE,
          "files",
          Map.of("field", "files", "min", 0, "max", FILES_MAX, "value", uploads.size()));
    }
    List<String> names = uploads.stream().map(u -> Attachments.safeName(u.fileName())).toList();
    List<StoredBlob> stored = new ArrayList<>();
    deleteOnRollback(stored);
    List<MessageView.AttachmentView> attachments = new ArrayList<>();
    UUID messageId = UUID.randomUUID();
    for (int i = 0; i < uploads.size(); i++) {
      StoredBlob blob = store(uploads.get(i), names.get(i));
      stored.add(blob);
      attachments.add(
          new MessageView.AttachmentView(
              UUID.randomUUID(),
              names.get(i),
              Attachments.sniff(blob.head()),
              blob.size(),
              blob.sha256()));
    }
    Instant now = clock.instant();
    MessageView message =
        new MessageView(messageId, projectId, actor.label(), actor.email(), text, now, attachments);
    messages.insert(actor.workspaceId(), message, stored);
    events.publishEvent(
        new MessagePosted(actor.workspaceId(), message, EvidenceChain.sha256(text)));
    return message;
  }

  /** Opens an attachment the caller may see. */
  @Transactional(readOnly = true)
  public Download download(Actor actor, UUID attachmentId) {
    MessageRepository.StoredAttachment a =
        messages
            .attachment(actor.workspaceId(), attachmentId)
            .orElseThrow(Errors.notFoundSupplier("attachment", attachmentId));
    try {
      projects.requireVisible(actor, a.projectId());
      return new Download(a.fileName(), a.contentType(), a.size(), blobs.open(a.blobKey()));
    } catch (DomainException e) {
      throw Errors.notFound("attachment", attachmentId);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private StoredBlob store(Upload upload, String name) {
    try (InputStream in = upload.content().open()) {
      return blobs.put(in, maxBytes);
    } catch (BlobTooLargeException e) {
      throw DomainException.field(
          Attachments.TOO_LARGE, "files", Map.of("name", name, "limit", maxBytes));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String optionalBody(String body) {
    String text = Validation.optionalText("body", body, BODY_MAX);
    return text == null ? "" : text;
  }

  /** Removes the stored files again when the transaction does not commit. */
  private void deleteOnRollback(List<StoredBlob> stored) {
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCompletion(int status) {
            if (status != STATUS_COMMITTED) {
              for (StoredBlob blob : stored) {
                try {
                  blobs.delete(blob.key());
                } catch (IOException e) {
                  // a leftover file holds nothing visible; the next sweep may remove it
                }
              }
            }
          }
        });
  }
}
