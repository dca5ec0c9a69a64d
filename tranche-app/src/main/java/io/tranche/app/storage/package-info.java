/**
 * Blob storage: streaming writes that become visible only when complete, ranged reads; local files
 * or S3-compatible object storage.
 */
@ApplicationModule(allowedDependencies = {})
@NullMarked
package io.tranche.app.storage;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
