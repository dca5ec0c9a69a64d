/** Projects: one client's piece of work, its type and credit limit. */
@NullMarked
package io.tranche.core.project;

import org.jspecify.annotations.NullMarked;
