/** The evidence log of every workspace, its signed checkpoints and the workspaces' signing keys. */
@NullMarked
package io.tranche.app.evidence;

import org.jspecify.annotations.NullMarked;
