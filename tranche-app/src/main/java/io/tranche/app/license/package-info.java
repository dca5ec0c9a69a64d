/**
 * Licences for the builds a project delivers: a preview licence when a delivered part is released,
 * the full licence exactly once when the final part is released, both signed with the workspace's
 * key in the format of docs/formats.md (tranche-license); revocation, and an online validation that
 * counts machine activations.
 */
@ApplicationModule(
    allowedDependencies = {
      "account",
      "artifact",
      "mail",
      "platform",
      "project",
      "signing",
      "workspace"
    })
@NullMarked
package io.tranche.app.license;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
