package io.tranche.app.artifact;

import java.util.Map;
import java.util.UUID;

/** Something happened to sealed deliverables (sealed, receipt issued, released…), for evidence. */
public record ArtifactEvent(
    UUID workspaceId, UUID projectId, String type, String actor, Map<String, Object> details) {}
