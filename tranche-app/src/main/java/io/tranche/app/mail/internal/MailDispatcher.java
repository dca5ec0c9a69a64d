package io.tranche.app.mail.internal;

import io.tranche.app.mail.MailStatus;
import io.tranche.app.mail.MailboxEntry;
import jakarta.mail.internet.InternetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers the outbox: every poll it claims due mails and sends them over SMTP, retrying with a
 * doubling delay (1 min, 2 min, 4 min, …) and giving up after {@value #MAX_ATTEMPTS} attempts.
 * Without {@code spring.mail.host} mails go to the local mailbox instead.
 *
 * <p>Logs name the mail's id and recipient domain only; a body can hold a sign-in link.
 */
@Component
class MailDispatcher {
  private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);
  static final int MAX_ATTEMPTS = 10;

  private final MailOutbox outbox;
  private final @Nullable JavaMailSender sender;
  private final Clock clock;
  private final String from;
  private final MailComposer composer;
  private final io.tranche.app.mail.SenderNames senderNames;
  private final java.util.List<io.tranche.app.mail.MailAttachments> attachments;

  /** How long a claimed mail is left to its node before another may send it. */
  private final Duration claim;

  MailDispatcher(
      MailOutbox outbox,
      ObjectProvider<JavaMailSender> sender,
      Clock clock,
      @Value("${tranche.mail.from}") String from,
      MailComposer composer,
      io.tranche.app.mail.SenderNames senderNames,
      java.util.List<io.tranche.app.mail.MailAttachments> attachments,
      @Value("${tranche.mail.claim:10m}") Duration claim) {
    this.claim = claim;
    this.outbox = outbox;
    this.composer = composer;
    this.senderNames = senderNames;
    this.attachments = attachments;
    this.sender = sender.getIfAvailable();
    this.clock = clock;
    this.from = from;
  }

  @Scheduled(fixedDelayString = "${tranche.mail.poll-interval}")
  void dispatch() {
    for (MailboxEntry mail : outbox.due(clock.instant(), 50)) {
      // each claim runs from when it is made: a batch that takes longer than the claim must not
      // hand its last mails out already expired, for another node to send them too
      Instant now = clock.instant();
      if (!outbox.claim(mail.id(), mail.attempts(), now.plus(claim))) {
        continue;
      }
      if (sender == null) {
        outbox.finish(mail.id(), MailStatus.LOCAL, now);
        continue;
      }
      try {
        String name =
            mail.workspaceId() == null
                ? "Tranche"
                : senderNames.nameOf(mail.workspaceId()).orElse("Tranche");
        byte[] logo =
            mail.workspaceId() == null ? null : senderNames.logoOf(mail.workspaceId()).orElse(null);
        MailComposer.Composed composed =
            composer.compose(name, mail.subject(), mail.body(), logo != null);
        jakarta.mail.internet.MimeMessage message = message(mail.id());
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        // the configured sender's address, under the workspace's name
        helper.setFrom(
            new InternetAddress(
                new InternetAddress(from).getAddress(), name + " via Tranche", "UTF-8"));
        helper.setTo(mail.recipient());
        helper.setSubject(mail.subject());
        helper.setText(composed.text(), composed.html());
        if (logo != null) {
          // inline, so mail clients show it without fetching anything from the server
          helper.addInline(
              MailComposer.LOGO_CID,
              new org.springframework.core.io.ByteArrayResource(logo),
              "image/png");
        }
        if (mail.workspaceId() != null) {
          for (String reference : mail.attachments()) {
            attachment(mail.workspaceId(), reference)
                .ifPresent(
                    a -> {
                      try {
                        helper.addAttachment(
                            a.fileName(),
                            new org.springframework.core.io.ByteArrayResource(a.content()),
                            a.contentType());
                      } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                      }
                    });
          }
        }
        sender.send(message);
        outbox.finish(mail.id(), MailStatus.SENT, clock.instant());
      } catch (RuntimeException
          | jakarta.mail.MessagingException
          | java.io.UnsupportedEncodingException e) {
        int attempts = mail.attempts() + 1;
        boolean giveUp = attempts >= MAX_ATTEMPTS;
        Duration delay = Duration.ofMinutes(1L << Math.min(attempts - 1, 9));
        outbox.retryLater(mail.id(), now.plus(delay), e.getClass().getSimpleName(), giveUp);
        log.warn(
            "mail {} to @{} not delivered (attempt {}{}): {}",
            mail.id(),
            domain(mail.recipient()),
            attempts,
            giveUp ? ", giving up" : "",
            e.getClass().getSimpleName(),
            e);
      }
    }
  }

  /**
   * A message whose Message-ID is the outbox row's: a mail sent again after a crash (claimed and
   * handed to the server, but the node died before it noted so) carries the same id, the key a
   * receiving server or client drops a repeat by.
   */
  private jakarta.mail.internet.MimeMessage message(java.util.UUID id) {
    jakarta.mail.internet.MimeMessage created =
        java.util.Objects.requireNonNull(sender).createMimeMessage();
    String messageId = "<" + id + "@tranche.outbox>";
    return new jakarta.mail.internet.MimeMessage(
        created.getSession() == null
            ? jakarta.mail.Session.getInstance(new java.util.Properties())
            : created.getSession()) {
      @Override
      protected void updateMessageID() throws jakarta.mail.MessagingException {
        setHeader("Message-ID", messageId);
      }
    };
  }

  /** The document a reference names, from the first source that knows it. */
  private java.util.Optional<io.tranche.app.mail.MailAttachments.Attachment> attachment(
      java.util.UUID workspaceId, String reference) {
    for (io.tranche.app.mail.MailAttachments source : attachments) {
      var rendered = source.render(workspaceId, reference);
      if (rendered.isPresent()) {
        return rendered;
      }
    }
    log.info("mail attachment {} is not available; the mail goes without it", reference);
    return java.util.Optional.empty();
  }

  private static String domain(String address) {
    try {
      String a = new InternetAddress(address).getAddress();
      return a.substring(a.indexOf('@') + 1);
    } catch (Exception e) {
      return "?";
    }
  }
}
