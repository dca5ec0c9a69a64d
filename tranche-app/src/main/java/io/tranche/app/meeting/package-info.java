/** The meeting log: what was discussed, with whom, and the client's confirmation of the notes. */
@NullMarked
package io.tranche.app.meeting;

import org.jspecify.annotations.NullMarked;
