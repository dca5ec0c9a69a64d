/** Persistence and jobs of modification requests. */
@NullMarked
package io.tranche.app.modification.internal;

import org.jspecify.annotations.NullMarked;
