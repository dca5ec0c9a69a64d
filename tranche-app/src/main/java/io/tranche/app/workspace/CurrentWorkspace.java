package io.tranche.app.workspace;

import io.tranche.core.workspace.Workspace;

/** A workspace with its settings, as one read of its row gives them. */
public record CurrentWorkspace(Workspace workspace, WorkspaceSettings settings) {}
