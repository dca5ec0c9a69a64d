/** Milestones, their state machine and payment plans. */
@NullMarked
package io.tranche.core.milestone;

import org.jspecify.annotations.NullMarked;
