/** The double-entry ledger: accounts, balanced transactions, and the postings of money events. */
@NullMarked
package io.tranche.core.ledger;

import org.jspecify.annotations.NullMarked;
