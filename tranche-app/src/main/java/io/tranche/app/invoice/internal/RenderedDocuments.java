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

/**
 * PDFs rendered once per distinct content and then served from blob storage. Rendering costs CPU
 * (tens of milliseconds to seconds for a long invoice); a download that anybody may repeat must
 * not. The content's identity is the SHA-256 of the XHTML it renders from, so a changed document (a
 * payment recorded) renders anew and an unchanged one never does. Two concurrent first downloads
 * may both render; the first row wins and the other blob is removed.
 */
@Component
public class RenderedDocuments {
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
      Optional<Stored> stored = find(subject, sha);
      if (stored.isEmpty()) {
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
          dropOlder(subject, sha);
        }
        stored = find(subject, sha);
      }
      Stored document = stored.orElseThrow();
      return new Download(
          fileName, "application/pdf", document.size(), blobs.open(document.blobKey()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Removes the renderings of {@code subject} other than the one for {@code sha}: a document whose
   * content changed (each payment changes an invoice's) keeps one stored file, not one per change.
   * A download still streaming an old file finishes from the open file or object.
   */
  private void dropOlder(UUID subject, String sha) throws IOException {
    List<String> older =
        jdbc.sql(
                "select blob_key from rendered_document"
                    + " where subject_id = ? and content_sha256 <> ?")
            .params(subject, sha)
            .query(String.class)
            .list();
    jdbc.sql("delete from rendered_document where subject_id = ? and content_sha256 <> ?")
        .params(subject, sha)
        .update();
    for (String key : older) {
      blobs.delete(key);
    }
  }

  private Optional<Stored> find(UUID subject, String sha) {
    return jdbc.sql(
            "select blob_key, size_bytes from rendered_document"
                + " where subject_id = ? and content_sha256 = ?")
        .params(subject, sha)
        .query((rs, i) -> new Stored(rs.getString("blob_key"), rs.getLong("size_bytes")))
        .optional();
  }

  private record Stored(String blobKey, long size) {}
}
