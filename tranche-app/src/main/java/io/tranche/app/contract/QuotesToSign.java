package io.tranche.app.contract;

import io.tranche.app.contract.internal.QuoteRepository;
import io.tranche.app.platform.Actor;
import io.tranche.app.project.ProjectView;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Which projects of a list have a quote waiting for the client's signature (one statement). */
@Service
public class QuotesToSign {
  private final QuoteRepository quotes;
  private final io.tranche.app.workspace.WorkspaceService workspaces;

  QuotesToSign(QuoteRepository quotes, io.tranche.app.workspace.WorkspaceService workspaces) {
    this.quotes = quotes;
    this.workspaces = workspaces;
  }

  /**
   * The ids of those of {@code shown} with a quote sent, still valid, not yet signed; {@code shown}
   * are projects the caller was given by an access-checked read.
   */
  @Transactional(readOnly = true)
  public Set<UUID> of(Actor actor, List<ProjectView> shown) {
    return quotes.sentOfProjects(
        actor.workspaceId(),
        shown.stream().map(ProjectView::id).toList(),
        workspaces.today(actor.workspaceId()));
  }
}
