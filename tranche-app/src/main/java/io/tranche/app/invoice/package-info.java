/** Invoices, payments, credit notes, the double-entry ledger and exposure. */
@NullMarked
package io.tranche.app.invoice;

import org.jspecify.annotations.NullMarked;
