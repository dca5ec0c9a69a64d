/** Mail notifications: listens to other features' events; nothing depends on it. */
@ApplicationModule(
    allowedDependencies = {
      "contract",
      "invoice",
      "mail",
      "meeting",
      "message",
      "modification",
      "platform",
      "preview",
      "project",
      "workspace"
    })
@NullMarked
package io.tranche.app.notify;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
