package io.tranche.app.mail;

import io.tranche.app.mail.internal.MailComposer;
import io.tranche.app.mail.internal.MailOutbox;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
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
  private final MailComposer composer;

  MailService(MailOutbox outbox, MailComposer composer) {
    this.outbox = outbox;
    this.composer = composer;
  }

  /**
   * Writes a mail from its template ({@code templates/mail/<template>.txt}: the subject on the
   * first line, then the body) and queues one for each recipient, with the documents attached.
   */
  @Transactional
  public void send(
      @Nullable UUID workspaceId,
      Collection<String> recipients,
      String template,
      Map<String, ?> values,
      List<String> attachments) {
    if (recipients.isEmpty()) {
      return;
    }
    MailComposer.Written mail = composer.write(template, values);
    for (String to : recipients) {
      outbox.insert(new OutgoingMail(workspaceId, to, mail.subject(), mail.body(), attachments));
    }
  }

  /** {@link #send(UUID, Collection, String, Map, List)} without documents. */
  @Transactional
  public void send(
      @Nullable UUID workspaceId,
      Collection<String> recipients,
      String template,
      Map<String, ?> values) {
    send(workspaceId, recipients, template, values, List.of());
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
