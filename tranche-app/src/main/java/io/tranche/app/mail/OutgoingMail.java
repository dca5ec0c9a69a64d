package io.tranche.app.mail;

import io.tranche.core.error.Validation;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A plain-text mail to send: recipient, subject and body, and the workspace it concerns (for the
 * workspace's local mailbox).
 */
public record OutgoingMail(
    @Nullable UUID workspaceId,
    String recipient,
    String subject,
    String body,
    List<String> attachments) {
  private static final java.util.regex.Pattern REFERENCE =
      java.util.regex.Pattern.compile("[a-z]+:[0-9a-f-]{36}(:[0-9]{1,3})?");

  public OutgoingMail {
    recipient = Validation.email("recipient", recipient);
    subject = Validation.text("subject", subject, 300);
    body = Validation.text("body", body, 100_000);
    attachments = List.copyOf(attachments);
    for (String reference : attachments) {
      if (!REFERENCE.matcher(reference).matches()) {
        throw new IllegalArgumentException("not a document reference: " + reference);
      }
    }
  }

  /** A mail without documents. */
  public OutgoingMail(@Nullable UUID workspaceId, String recipient, String subject, String body) {
    this(workspaceId, recipient, subject, body, List.of());
  }
}
