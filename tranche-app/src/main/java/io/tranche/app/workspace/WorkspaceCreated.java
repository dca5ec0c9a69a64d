package io.tranche.app.workspace;

import java.util.UUID;

/** A workspace and its first owner were created (published inside the creating transaction). */
public record WorkspaceCreated(UUID workspaceId, String name, UUID ownerId, String ownerEmail) {}
