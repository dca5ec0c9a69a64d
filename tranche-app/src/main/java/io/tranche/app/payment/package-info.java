/** Payment providers: Stripe webhooks, verified, deduplicated and applied to invoices. */
@ApplicationModule(allowedDependencies = {"invoice", "platform"})
@NullMarked
package io.tranche.app.payment;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
