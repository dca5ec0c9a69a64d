/**
 * Previews: what a client sees of the product before paying for it. So far the safe unpacking of a
 * static site's zip ({@code internal.SiteArchive}); serving, watermarks and share links come next.
 */
@ApplicationModule(allowedDependencies = {"platform"})
@NullMarked
package io.tranche.app.preview;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
