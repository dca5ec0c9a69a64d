/** Projects, their payment plans and milestones, and who may see them. */
@ApplicationModule(allowedDependencies = {"platform", "workspace"})
@NullMarked
package io.tranche.app.project;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
