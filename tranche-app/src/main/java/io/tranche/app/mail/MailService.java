package io.tranche.app.mail;

import io.tranche.app.mail.internal.MailOutbox;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends mail through an outbox: {@link #enqueue} writes the mail in the caller's transaction, and a
 * dispatcher delivers it over SMTP afterwards, with retries, so mail never blocks or rolls back a
 * business action. Without an SMTP server the mail stays in the workspace's local mailbox.
 */
@Service
public class MailService {
  private final MailOutbox outbox;

  MailService(MailOutbox outbox) {
    this.outbox = outbox;
  }

  /** Queues a mail; it is sent once the surrounding transaction commits. */
  @Transactional
  public UUID enqueue(OutgoingMail mail) {
    return outbox.insert(mail);
  }

  /** The newest mails of a workspace, for its owner's mailbox page. */
  @Transactional(readOnly = true)
  public List<MailboxEntry> mailbox(UUID workspaceId, int limit) {
    return outbox.forWorkspace(workspaceId, limit);
  }
}
