/** Invoices, payments, credit notes, the double-entry ledger and exposure. */
@ApplicationModule(
    allowedDependencies = {"contract", "mail", "platform", "project", "storage", "workspace"})
@NullMarked
package io.tranche.app.invoice;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
