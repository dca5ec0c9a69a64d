/** The vendor console: server-rendered pages composed from feature services. */
@ApplicationModule(
    allowedDependencies = {
      "account",
      "artifact",
      "contract",
      "invoice",
      "license",
      "mail",
      "meeting",
      "message",
      "modification",
      "platform",
      "preview",
      "project",
      "signing",
      "workspace"
    })
@NullMarked
package io.tranche.app.console;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
