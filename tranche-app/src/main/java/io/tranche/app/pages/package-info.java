/**
 * Pages rendered by jte, templates compiled to Java at build time: the busiest pages (a project's
 * page in the console and in the portal) and the parts every page shares (head, headers, a
 * project's tabs), which the Thymeleaf pages take from here too, so each part has one source.
 * Templates live in {@code src/main/jte}; a controller names one as {@code "jte:console/project"}.
 */
@ApplicationModule(allowedDependencies = {"platform", "project", "workspace"})
@NullMarked
package io.tranche.app.pages;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
