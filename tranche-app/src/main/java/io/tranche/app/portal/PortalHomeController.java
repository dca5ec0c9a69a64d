package io.tranche.app.portal;

import io.tranche.app.contract.QuotesToSign;
import io.tranche.app.invoice.OwedNow;
import io.tranche.app.platform.Actor;
import io.tranche.app.platform.Paging;
import io.tranche.app.project.ProjectService;
import io.tranche.app.workspace.WorkspaceService;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The client's home: their projects, each with what it asks of them now (an amount to pay and its
 * due date, a quote to sign) in a constant number of statements however many projects there are.
 */
@Controller
class PortalHomeController {
  private final WorkspaceService workspaces;
  private final ProjectService projects;
  private final OwedNow owed;
  private final QuotesToSign toSign;

  PortalHomeController(
      WorkspaceService workspaces, ProjectService projects, OwedNow owed, QuotesToSign toSign) {
    this.workspaces = workspaces;
    this.projects = projects;
    this.owed = owed;
    this.toSign = toSign;
  }

  // one read-only transaction for the page's reads: one connection, one snapshot
  @Transactional(readOnly = true)
  @GetMapping("/portal")
  String projects(Actor actor, @RequestParam(defaultValue = "0") int page, Model model) {
    model.addAttribute("workspace", workspaces.current(actor));
    model.addAttribute("actor", actor);
    var shown = projects.projects(actor, new Paging(page, Paging.DEFAULT_SIZE));
    model.addAttribute("projects", shown);
    model.addAttribute("due", owed.of(actor, shown.items()));
    model.addAttribute("toSign", toSign.of(actor, shown.items()));
    return "portal/projects";
  }
}
