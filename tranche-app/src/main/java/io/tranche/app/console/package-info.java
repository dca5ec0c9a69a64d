/** The vendor console: server-rendered pages composed from feature services. */
@NullMarked
package io.tranche.app.console;

import org.jspecify.annotations.NullMarked;
