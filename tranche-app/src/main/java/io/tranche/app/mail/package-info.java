/** Outgoing mail: an outbox table, SMTP delivery with retries, and a local mailbox fallback. */
@ApplicationModule(allowedDependencies = {})
@NullMarked
package io.tranche.app.mail;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
