/** The tamper-evident evidence log: hash-chained entries, signed checkpoints, and a verifier. */
@NullMarked
package io.tranche.core.evidence;

import org.jspecify.annotations.NullMarked;
