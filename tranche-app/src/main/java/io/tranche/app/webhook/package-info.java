/**
 * Outbound webhooks for integrations: members register endpoints; what happens (invoices issued and
 * overdue, reminders, payments, acceptances, releases, stop-work) is queued per endpoint in an
 * outbox in the same transaction as the reaction that saw it, posted signed (HMAC-SHA256 over the
 * timestamp and the body), retried with backoff, and logged for the console's "resend".
 */
@ApplicationModule(allowedDependencies = {"dunning", "invoice", "platform", "project", "workspace"})
@NullMarked
package io.tranche.app.webhook;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
