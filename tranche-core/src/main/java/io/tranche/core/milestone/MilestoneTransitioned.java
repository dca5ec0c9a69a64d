package io.tranche.core.milestone;

import io.tranche.core.project.ProjectId;
import io.tranche.core.workspace.WorkspaceId;
import java.time.Instant;
import java.util.Objects;

/** A milestone moved: {@code from} and {@code to} are equal for dispute open and resolve. */
public record MilestoneTransitioned(
    WorkspaceId workspaceId,
    ProjectId projectId,
    MilestoneId milestoneId,
    MilestoneAction action,
    MilestoneState from,
    MilestoneState to,
    boolean disputed,
    Instant at) {
  public MilestoneTransitioned {
    Objects.requireNonNull(workspaceId, "workspaceId");
    Objects.requireNonNull(projectId, "projectId");
    Objects.requireNonNull(milestoneId, "milestoneId");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(at, "at");
  }
}
