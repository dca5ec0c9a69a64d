/** The client portal: server-rendered pages for client contacts, composed from feature services. */
@ApplicationModule(
    allowedDependencies = {
      "artifact",
      "contract",
      "invoice",
      "license",
      "meeting",
      "message",
      "modification",
      "payment",
      "platform",
      "preview",
      "project",
      "signing",
      "workspace"
    })
@NullMarked
package io.tranche.app.portal;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
