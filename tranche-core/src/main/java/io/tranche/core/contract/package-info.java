/** Quotes, their versions and content hash, and the rules of signing them. */
@NullMarked
package io.tranche.core.contract;

import org.jspecify.annotations.NullMarked;
