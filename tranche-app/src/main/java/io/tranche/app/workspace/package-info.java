/** Workspaces (the vendor's tenant), members, clients and client contacts. */
@NullMarked
package io.tranche.app.workspace;

import org.jspecify.annotations.NullMarked;
