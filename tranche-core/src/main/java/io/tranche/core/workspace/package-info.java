/** The shared kernel of tenancy: workspaces, their members, clients and client contacts. */
@NullMarked
package io.tranche.core.workspace;

import org.jspecify.annotations.NullMarked;
