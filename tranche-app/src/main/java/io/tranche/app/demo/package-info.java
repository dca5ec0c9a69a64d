/** The {@code --demo} start: a seeded workspace to try Tranche with. */
@NullMarked
package io.tranche.app.demo;

import org.jspecify.annotations.NullMarked;
