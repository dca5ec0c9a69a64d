/**
 * Sealed deliverables: artifacts uploaded to a milestone, sealed while they stream, a signed
 * delivery receipt for each at submission, release on payment (or by the vendor), and downloads
 * through short-lived tokens that re-check the release state on every use.
 */
@ApplicationModule(
    allowedDependencies = {
      "contract",
      "invoice",
      "mail",
      "platform",
      "preview",
      "project",
      "signing",
      "storage",
      "workspace"
    })
@NullMarked
package io.tranche.app.artifact;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
