/** The requirements thread of each project: messages and attachments, as evidence. */
@ApplicationModule(allowedDependencies = {"platform", "project", "storage"})
@NullMarked
package io.tranche.app.message;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
