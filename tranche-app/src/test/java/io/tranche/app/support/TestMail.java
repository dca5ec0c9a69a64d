package io.tranche.app.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One in-process SMTP server (GreenMail) for the whole test JVM, on a free port. */
public final class TestMail {
  private static GreenMail server;

  private TestMail() {}

  public static synchronized GreenMail server() {
    if (server == null) {
      server = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
      server.start();
    }
    return server;
  }

  public static int port() {
    return server().getSmtp().getPort();
  }

  /** The newest mail to {@code recipient}, waiting up to 20 seconds for it to arrive. */
  public static MimeMessage awaitMailTo(String recipient) {
    return awaitMailTo(recipient, "");
  }

  /**
   * The newest mail to {@code recipient} whose subject contains {@code subject}, waiting for it.
   */
  public static MimeMessage awaitMailTo(String recipient, String subject) {
    // generous: the whole suite shares one outbox, and a mail waits behind those queued before it
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(deadline)) {
      Optional<MimeMessage> found = latestTo(recipient, subject);
      if (found.isPresent()) {
        return found.get();
      }
      server().waitForIncomingEmail(250, 1);
    }
    throw new AssertionError("no mail to " + recipient + " within 60 s");
  }

  /** The newest mail to {@code recipient} received so far. */
  public static Optional<MimeMessage> latestTo(String recipient) {
    return latestTo(recipient, "");
  }

  private static Optional<MimeMessage> latestTo(String recipient, String subject) {
    MimeMessage[] all = server().getReceivedMessages();
    for (int i = all.length - 1; i >= 0; i--) {
      try {
        if (all[i].getSubject().contains(subject)
            && Arrays.stream(all[i].getRecipients(Message.RecipientType.TO))
                .anyMatch(a -> a.toString().equalsIgnoreCase(recipient))) {
          return Optional.of(all[i]);
        }
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    }
    return Optional.empty();
  }

  /** A mail's plain-text part (the whole body of a plain mail). */
  public static String text(jakarta.mail.Part mail) {
    try {
      Object content = mail.getContent();
      if (content instanceof jakarta.mail.Multipart parts) {
        for (int i = 0; i < parts.getCount(); i++) {
          String text = text(parts.getBodyPart(i));
          if (!text.isEmpty()) {
            return text;
          }
        }
        return "";
      }
      return mail.isMimeType("text/plain") ? content.toString() : "";
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** A mail's attached files by name, with their bytes. */
  public static java.util.Map<String, byte[]> attachments(jakarta.mail.Part mail) {
    java.util.Map<String, byte[]> files = new java.util.LinkedHashMap<>();
    try {
      Object content = mail.getContent();
      if (content instanceof jakarta.mail.Multipart parts) {
        for (int i = 0; i < parts.getCount(); i++) {
          files.putAll(attachments(parts.getBodyPart(i)));
        }
      } else if (jakarta.mail.Part.ATTACHMENT.equalsIgnoreCase(mail.getDisposition())) {
        try (var in = mail.getInputStream()) {
          files.put(mail.getFileName(), in.readAllBytes());
        }
      }
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    return files;
  }

  /** A mail's HTML part, or empty. */
  public static String html(jakarta.mail.Part mail) {
    try {
      Object content = mail.getContent();
      if (content instanceof jakarta.mail.Multipart parts) {
        for (int i = 0; i < parts.getCount(); i++) {
          String html = html(parts.getBodyPart(i));
          if (!html.isEmpty()) {
            return html;
          }
        }
        return "";
      }
      return mail.isMimeType("text/html") ? content.toString() : "";
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** The first {@code http(s)://…} link in a mail's text. */
  public static String link(MimeMessage mail) {
    try {
      String body = text(mail);
      Matcher m = Pattern.compile("https?://\\S+").matcher(body);
      if (!m.find()) {
        throw new AssertionError("no link in mail: " + body);
      }
      return m.group();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
