package io.tranche.app.notify;

import io.tranche.app.mail.SenderNames;
import io.tranche.app.workspace.WorkspaceService;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Mail from a workspace carries its business name. */
@Component
class WorkspaceSenderNames implements SenderNames {
  private final WorkspaceService workspaces;

  WorkspaceSenderNames(WorkspaceService workspaces) {
    this.workspaces = workspaces;
  }

  @Override
  public Optional<String> nameOf(UUID workspaceId) {
    return workspaces.name(workspaceId);
  }
}
