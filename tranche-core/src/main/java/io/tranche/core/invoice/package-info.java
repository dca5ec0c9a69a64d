/** Invoices: lines with tax, states, numbering, and what is open. */
@NullMarked
package io.tranche.core.invoice;

import org.jspecify.annotations.NullMarked;
