/** The {@code --demo} start: a seeded workspace to try Tranche with. */
@ApplicationModule(
    allowedDependencies = {
      "account",
      "artifact",
      "contract",
      "invoice",
      "platform",
      "project",
      "workspace"
    })
@NullMarked
package io.tranche.app.demo;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
