package io.tranche.app.dunning;

import java.util.UUID;

/** Lets tests in other packages run the pass for their own workspace only (a shared database). */
public final class DunningPassAccess {
  private DunningPassAccess() {}

  public static int run(DunningPass pass, UUID workspaceId) {
    return pass.run(c -> c.workspaceId().equals(workspaceId)).steps();
  }
}
