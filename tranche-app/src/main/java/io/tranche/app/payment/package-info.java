/** Payment providers: Stripe webhooks, verified, deduplicated and applied to invoices. */
@NullMarked
package io.tranche.app.payment;

import org.jspecify.annotations.NullMarked;
