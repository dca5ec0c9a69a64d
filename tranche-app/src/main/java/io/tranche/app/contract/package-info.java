/** Quotes and their versions, e-signatures, and contracts with their signed PDF. */
@NullMarked
package io.tranche.app.contract;

import org.jspecify.annotations.NullMarked;
