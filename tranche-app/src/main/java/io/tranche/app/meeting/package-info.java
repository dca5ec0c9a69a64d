/** The meeting log: what was discussed, with whom, and the client's confirmation of the notes. */
@ApplicationModule(allowedDependencies = {"platform", "project"})
@NullMarked
package io.tranche.app.meeting;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
