package io.tranche.app.platform;

import io.tranche.core.error.DomainException;
import java.util.Map;
import java.util.UUID;

/** Checks of who may do what, shared by every feature's service. */
public final class Access {
  private Access() {}

  /** Refuses anyone but a member of a workspace. */
  public static Actor member(Actor actor) {
    if (!actor.isMember()) {
      throw new DomainException(Errors.FORBIDDEN, Map.of("needed", "a workspace member"));
    }
    return actor;
  }

  /** Refuses anyone but an owner of a workspace. */
  public static Actor owner(Actor actor) {
    if (!actor.isMember() || !actor.owner()) {
      throw new DomainException(Errors.FORBIDDEN, Map.of("needed", "a workspace owner"));
    }
    return actor;
  }

  /**
   * Refuses a row of another workspace as not found, exactly as if it did not exist: a caller must
   * not learn that another workspace has it.
   */
  public static void sameWorkspace(Actor actor, UUID workspaceId, String resource, UUID id) {
    if (!actor.workspaceId().equals(workspaceId)) {
      throw Errors.notFound(resource, id);
    }
  }
}
