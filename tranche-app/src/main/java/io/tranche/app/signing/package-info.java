/**
 * Each workspace's Ed25519 signing key: made once, private part wrapped at rest, public part
 * published.
 */
@ApplicationModule(allowedDependencies = {"platform"})
@NullMarked
package io.tranche.app.signing;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
