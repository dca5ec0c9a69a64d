/**
 * The modification window (step 10): after sign-off the client files modification requests; the
 * vendor classifies each as a free minor change or a change order, which is quoted as an amendment
 * and then runs through the milestone engine like any other part. The window's close is recorded.
 */
@ApplicationModule(allowedDependencies = {"contract", "message", "platform", "project"})
@NullMarked
package io.tranche.app.modification;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
