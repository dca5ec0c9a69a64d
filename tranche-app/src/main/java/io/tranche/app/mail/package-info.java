/** Outgoing mail: an outbox table, SMTP delivery with retries, and a local mailbox fallback. */
@NullMarked
package io.tranche.app.mail;

import org.jspecify.annotations.NullMarked;
