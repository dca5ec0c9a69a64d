/** Quotes and their versions, e-signatures, and contracts with their signed PDF. */
@ApplicationModule(
    allowedDependencies = {"mail", "platform", "project", "signing", "storage", "workspace"})
@NullMarked
package io.tranche.app.contract;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
