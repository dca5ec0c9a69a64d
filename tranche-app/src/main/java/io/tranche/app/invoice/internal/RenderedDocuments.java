package io.tranche.app.invoice.internal;

import io.tranche.app.platform.Download;
import io.tranche.app.platform.Pdfs;
import io.tranche.app.platform.Secrets;
import io.tranche.app.storage.BlobStore;
import io.tranche.app.storage.StoredBlob;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * PDFs rendered once per distinct content and then served from blob storage. Rendering costs CPU
 * (tens of milliseconds to seconds for a long invoice); a download that anybody may repeat must
 * not. The content's identity is the SHA-256 of the XHTML it renders from, so a changed document (a
 * payment recorded) renders anew and an unchanged one never does. Two concurrent first downloads
 * may both render; the first row wins and the other blob is removed.
 */
@Component
public class RenderedDocuments {
  private static final org.slf4j.Logger log =
      org.slf4j.LoggerFactory.getLogger(RenderedDocuments.class);
  private final JdbcClient jdbc;
  private final BlobStore blobs;
  private final Clock clock;

  RenderedDocuments(JdbcClient jdbc, BlobStore blobs, Clock clock) {
    this.jdbc = jdbc;
    this.blobs = blobs;
    this.clock = clock;
  }

  /** The PDF of {@code xhtml} about {@code subject}, rendered now only if never rendered before. */
  public Download pdf(UUID workspaceId, UUID subject, String fileName, String xhtml) {
    String sha = Secrets.hash(xhtml);
    try {
      Optional<Stored> stored = find(workspaceId, subject, sha);
      if (stored.isPresent()) {
        try {
          return download(fileName, stored.get());
        } catch (IOException gone) {
          // Removed under us by a newer rendering of the same document: render this one again.
          jdbc.sql(
                  """
                  delete from rendered_document
                  where workspace_id = ? and subject_id = ? and content_sha256 = ?
                  """)
              .params(workspaceId, subject, sha)
              .update();
        }
      }
      byte[] pdf = Pdfs.render(xhtml);
      StoredBlob blob = blobs.put(new ByteArrayInputStream(pdf), pdf.length);
      int inserted =
          jdbc.sql(
                  """
                  insert into rendered_document
                    (workspace_id, subject_id, content_sha256, blob_key, size_bytes, created_at)
                  values (?, ?, ?, ?, ?, ?) on conflict do nothing
                  """)
              .params(
                  workspaceId,
                  subject,
                  sha,
                  blob.key(),
                  blob.size(),
                  Timestamp.from(clock.instant()))
              .update();
      if (inserted == 0) {
        blobs.delete(blob.key());
      } else {
        dropOlder(workspaceId, subject, sha);
      }
      return download(fileName, find(workspaceId, subject, sha).orElseThrow());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Download download(String fileName, Stored document) throws IOException {
    return new Download(
        fileName, "application/pdf", document.size(), blobs.open(document.blobKey()));
  }

  /**
   * Removes the renderings of {@code subject} other than the one for {@code sha}: a document whose
   * content changed (each payment changes an invoice's) keeps one stored file, not one per change.
   * The rows go with this transaction; the files only after it commits, so a rollback leaves every
   * row with its file. A download that already opened an old file finishes from it; one that finds
   * an old row whose file is gone renders again.
   */
  private void dropOlder(UUID workspaceId, UUID subject, String sha) {
    List<String> older =
        jdbc.sql(
                """
                select blob_key from rendered_document
                where workspace_id = ? and subject_id = ? and content_sha256 <> ?
                """)
            .params(workspaceId, subject, sha)
            .query(String.class)
            .list();
    jdbc.sql(
            """
            delete from rendered_document
            where workspace_id = ? and subject_id = ? and content_sha256 <> ?
            """)
        .params(workspaceId, subject, sha)
        .update();
    Runnable removeFiles =
        () -> {
          for (String key : older) {
            try {
              blobs.delete(key);
            } catch (IOException e) {
              log.warn("could not remove an old rendering {}: {}", key, e.getMessage());
            }
          }
        };
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              removeFiles.run();
            }
          });
    } else {
      removeFiles.run();
    }
  }

  private Optional<Stored> find(UUID workspaceId, UUID subject, String sha) {
    return jdbc.sql(
            """
            select blob_key, size_bytes from rendered_document
            where workspace_id = ? and subject_id = ? and content_sha256 = ?
            """)
        .params(workspaceId, subject, sha)
        .query((rs, i) -> new Stored(rs.getString("blob_key"), rs.getLong("size_bytes")))
        .optional();
  }

  private record Stored(String blobKey, long size) {}
}
