/** Payment providers: verifying their webhooks. */
@NullMarked
package io.tranche.core.payment;

import org.jspecify.annotations.NullMarked;
