/**
 * Modification requests of the modification window (step 10): filed by the client after sign-off,
 * classified by the vendor as a free minor change or a change order (a new quoted part).
 */
@NullMarked
package io.tranche.core.modification;

import org.jspecify.annotations.NullMarked;
