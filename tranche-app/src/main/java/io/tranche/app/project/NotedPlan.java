package io.tranche.app.project;

import io.tranche.core.milestone.Milestone;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A project's plan with what people wrote on its parts, by milestone id: why a dispute was opened
 * and how it ended, and the client's latest reason for asking changes.
 */
public record NotedPlan(
    List<Milestone> milestones, Map<UUID, DisputeNote> disputes, Map<UUID, String> changeReasons) {
  public NotedPlan {
    milestones = List.copyOf(milestones);
    disputes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(disputes));
    changeReasons =
        java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(changeReasons));
  }
}
