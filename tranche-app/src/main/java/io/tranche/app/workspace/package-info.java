/** Workspaces (the vendor's tenant), members, clients and client contacts. */
@ApplicationModule(allowedDependencies = {"platform"})
@NullMarked
package io.tranche.app.workspace;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
