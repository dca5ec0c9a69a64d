/** The meeting log. */
@NullMarked
package io.tranche.core.meeting;

import org.jspecify.annotations.NullMarked;
