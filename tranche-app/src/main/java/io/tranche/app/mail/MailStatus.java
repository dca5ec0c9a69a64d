package io.tranche.app.mail;

/** Where an outgoing mail stands. */
public enum MailStatus {
  /** Waiting for (another) delivery attempt. */
  PENDING,
  /** Handed to the SMTP server. */
  SENT,
  /** No SMTP server is configured: kept in the workspace's local mailbox. */
  LOCAL,
  /** Given up after the last retry; the error is kept. */
  FAILED
}
