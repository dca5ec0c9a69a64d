/** Projects, their payment plans and milestones, and who may see them. */
@NullMarked
package io.tranche.app.project;

import org.jspecify.annotations.NullMarked;
