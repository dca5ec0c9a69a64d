/** Stable error codes and the exception that carries them from the domain to the edges. */
@NullMarked
package io.tranche.core.error;

import org.jspecify.annotations.NullMarked;
