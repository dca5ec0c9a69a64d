package io.tranche.app.mail;

import java.util.Optional;
import java.util.UUID;

/**
 * Documents mail carries, by reference ({@code invoice:<id>}, {@code receipt:<id>}, {@code
 * contract:<id>}): the module that owns a document renders it when the mail is sent, so the mail
 * module depends on none of them. A reference no source knows is left out of the mail.
 */
public interface MailAttachments {
  /** The document a reference names, rendered, if this source knows it. */
  Optional<Attachment> render(UUID workspaceId, String reference);

  /** A rendered document. */
  record Attachment(String fileName, String contentType, byte[] content) {}
}
