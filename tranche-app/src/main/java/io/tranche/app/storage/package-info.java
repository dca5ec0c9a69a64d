/** Blob storage: streaming writes that become visible only when complete; local files today. */
@NullMarked
package io.tranche.app.storage;

import org.jspecify.annotations.NullMarked;
