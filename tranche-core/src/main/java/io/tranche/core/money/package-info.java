/** Exact money: whole minor units with an ISO 4217 currency, and exact allocation. */
@NullMarked
package io.tranche.core.money;

import org.jspecify.annotations.NullMarked;
