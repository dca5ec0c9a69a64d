/** When sealed deliverables are handed over: the release rule. */
@NullMarked
package io.tranche.core.release;

import org.jspecify.annotations.NullMarked;
