/** The evidence log of every workspace, its signed checkpoints and the workspaces' signing keys. */
@ApplicationModule(
    allowedDependencies = {
      "artifact",
      "contract",
      "invoice",
      "meeting",
      "message",
      "platform",
      "project",
      "signing",
      "workspace"
    })
@NullMarked
package io.tranche.app.evidence;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
