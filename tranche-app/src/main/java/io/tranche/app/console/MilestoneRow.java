package io.tranche.app.console;

import io.tranche.app.project.MilestoneView;
import io.tranche.core.milestone.MilestoneAction;
import java.util.List;

/**
 * A milestone on the console's project page, with the moves a member can make from where it stands.
 */
public record MilestoneRow(MilestoneView milestone, List<MilestoneAction> actions) {
  public MilestoneRow {
    actions = List.copyOf(actions);
  }
}
