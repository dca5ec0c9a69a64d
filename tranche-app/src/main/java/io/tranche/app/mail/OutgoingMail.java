package io.tranche.app.mail;

import io.tranche.core.error.Validation;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A plain-text mail to send: recipient, subject and body, and the workspace it concerns (for the
 * workspace's local mailbox).
 */
public record OutgoingMail(
    @Nullable UUID workspaceId, String recipient, String subject, String body) {
  public OutgoingMail {
    recipient = Validation.email("recipient", recipient);
    subject = Validation.text("subject", subject, 300);
    body = Validation.text("body", body, 100_000);
  }
}
