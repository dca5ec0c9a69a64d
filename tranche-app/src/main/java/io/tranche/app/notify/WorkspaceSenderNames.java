package io.tranche.app.notify;

import io.tranche.app.mail.SenderNames;
import io.tranche.app.workspace.WorkspaceLogos;
import io.tranche.app.workspace.WorkspaceService;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Mail from a workspace carries its business name and logo. */
@Component
class WorkspaceSenderNames implements SenderNames {
  private final WorkspaceService workspaces;
  private final WorkspaceLogos logos;

  WorkspaceSenderNames(WorkspaceService workspaces, WorkspaceLogos logos) {
    this.workspaces = workspaces;
    this.logos = logos;
  }

  @Override
  public Optional<byte[]> logoOf(UUID workspaceId) {
    return logos.of(workspaceId).map(WorkspaceLogos.Logo::png);
  }

  @Override
  public Optional<String> nameOf(UUID workspaceId) {
    return workspaces.name(workspaceId);
  }
}
