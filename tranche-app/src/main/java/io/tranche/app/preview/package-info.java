/**
 * Previews: what a client sees of the product before paying for it: a static site's zip, unpacked
 * safely ({@code internal.SiteArchive}) and served to the project's people with a watermark naming
 * the viewer, each page view kept as evidence.
 */
@ApplicationModule(allowedDependencies = {"platform", "project", "workspace"})
@NullMarked
package io.tranche.app.preview;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
