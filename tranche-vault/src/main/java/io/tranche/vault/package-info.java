/** Keys and sealed artifacts: key wrapping today; streaming encryption and receipts next. */
@NullMarked
package io.tranche.vault;

import org.jspecify.annotations.NullMarked;
