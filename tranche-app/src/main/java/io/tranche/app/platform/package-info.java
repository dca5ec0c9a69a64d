/**
 * What every feature shares: the signed-in {@link io.tranche.app.platform.Actor}, error codes of
 * the edges, paging, and the web plumbing that turns domain errors into RFC 9457 problems.
 */
@ApplicationModule(allowedDependencies = {})
@NullMarked
package io.tranche.app.platform;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
