package io.tranche.app.console;

import io.tranche.app.account.ApiTokenService;
import io.tranche.app.mail.MailService;
import io.tranche.app.platform.Access;
import io.tranche.app.platform.Actor;
import io.tranche.app.platform.Paging;
import io.tranche.app.project.MilestoneService;
import io.tranche.app.project.MilestoneView;
import io.tranche.app.project.ProjectService;
import io.tranche.app.workspace.WorkspaceService;
import io.tranche.core.error.DomainException;
import io.tranche.core.milestone.MilestoneAction;
import io.tranche.core.milestone.MilestoneMachine;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The vendor console: projects, a project's milestones, API tokens and the local mailbox. */
@Controller
class ConsoleController {
  private final WorkspaceService workspaces;
  private final ProjectService projects;
  private final MilestoneService milestones;
  private final io.tranche.app.project.MilestoneReviews reviews;
  private final ApiTokenService tokens;
  private final MailService mail;
  private final List<io.tranche.app.platform.Attention.Source> attention;
  private final io.tranche.app.contract.QuoteService quotes;
  private final io.tranche.app.contract.ContractService contracts;
  private final io.tranche.app.artifact.ArtifactService artifacts;
  private final io.tranche.app.project.Disputes disputes;
  private final io.tranche.app.workspace.ClientService clients;

  ConsoleController(
      WorkspaceService workspaces,
      ProjectService projects,
      MilestoneService milestones,
      io.tranche.app.project.MilestoneReviews reviews,
      ApiTokenService tokens,
      MailService mail,
      List<io.tranche.app.platform.Attention.Source> attention,
      io.tranche.app.contract.QuoteService quotes,
      io.tranche.app.contract.ContractService contracts,
      io.tranche.app.artifact.ArtifactService artifacts,
      io.tranche.app.project.Disputes disputes,
      io.tranche.app.workspace.ClientService clients) {
    this.clients = clients;
    this.disputes = disputes;
    this.artifacts = artifacts;
    this.quotes = quotes;
    this.contracts = contracts;
    this.workspaces = workspaces;
    this.projects = projects;
    this.milestones = milestones;
    this.reviews = reviews;
    this.tokens = tokens;
    this.mail = mail;
    this.attention = attention;
  }

  @GetMapping("/console")
  String projects(Actor actor, @RequestParam(defaultValue = "0") int page, Model model) {
    model.addAttribute("workspace", workspaces.current(actor));
    model.addAttribute("actor", actor);
    model.addAttribute("projects", projects.projects(actor, new Paging(page, Paging.DEFAULT_SIZE)));
    model.addAttribute(
        "attention",
        attention.stream()
            .flatMap(source -> source.attention(Access.member(actor)).stream())
            .sorted(java.util.Comparator.comparing(io.tranche.app.platform.Attention::since))
            .toList());
    return "console/projects";
  }

  // one read-only transaction for the page's reads: one connection, one snapshot, one commit
  @org.springframework.transaction.annotation.Transactional(readOnly = true)
  @GetMapping("/console/projects/{projectId}")
  String project(Actor actor, @PathVariable UUID projectId, Model model) {
    var workspace = workspaces.currentWithSettings(actor);
    model.addAttribute("workspace", workspace.workspace());
    model.addAttribute("actor", actor);
    var overview = projects.overview(actor, projectId);
    var project = overview.project();
    model.addAttribute("project", project);
    model.addAttribute("client", clients.client(actor, project.clientId()));
    var noted = reviews.notedPlan(actor, projectId);
    var stage = overview.stage();
    // a draft plan offers no moves: work starts once the contract is signed (unless the workspace
    // allows work before a contract), and there is nothing to dispute yet
    boolean movable = stage.contractSigned() || workspace.settings().workBeforeContract();
    model.addAttribute(
        "milestones",
        noted.milestones().stream()
            .map(MilestoneView::of)
            .map(ConsoleController::row)
            .map(r -> movable ? r : new MilestoneRow(r.milestone(), List.of()))
            .toList());
    model.addAttribute("changeReasons", noted.changeReasons());
    model.addAttribute("disputes", noted.disputes());
    // the parts that would go to the client's review without a file: "submit" asks first there
    model.addAttribute("withFiles", artifacts.milestonesWithFiles(actor, projectId));
    model.addAttribute("stage", stage);
    if (!stage.contractSigned()) {
      model.addAttribute("agreement", agreement(actor, projectId));
    }
    return "jte:console/project";
  }

  /** Where the agreement of a project without a signed contract stands, in one sentence. */
  private String agreement(Actor actor, UUID projectId) {
    if (contracts.contracts(actor, projectId).stream()
        .anyMatch(
            c ->
                c.status()
                    == io.tranche.app.contract.ContractView.ContractStatus.AWAITING_VENDOR)) {
      return "The client signed the quote: countersign the contract under Quotes & contract, and"
          + " the plan becomes the contract's.";
    }
    var statuses =
        quotes.quotes(actor, projectId, new Paging(0, Paging.MAX_SIZE)).items().stream()
            .map(q -> q.status())
            .toList();
    if (statuses.contains(io.tranche.core.contract.QuoteStatus.SENT)) {
      return "The quote is with the client, waiting for their signature.";
    }
    if (statuses.contains(io.tranche.core.contract.QuoteStatus.CHANGES_REQUESTED)) {
      return "The client asked for changes to the quote: edit it and send it again from Quotes &"
          + " contract.";
    }
    if (statuses.contains(io.tranche.core.contract.QuoteStatus.DRAFT)) {
      return "A quote draft is ready: send it to the client from Quotes & contract.";
    }
    return "Write a quote under Quotes & contract and send it to the client.";
  }

  /**
   * A member moves a milestone; opening or resolving a dispute takes its reason or outcome ({@code
   * note}), and a refusal keeps what was typed next to the milestone.
   */
  @PostMapping("/console/milestones/{milestoneId}/transitions")
  String transition(
      Actor actor,
      @PathVariable UUID milestoneId,
      @RequestParam(required = false) @Nullable MilestoneAction action,
      @RequestParam(required = false) @Nullable String reason,
      @RequestParam(required = false) @Nullable String outcome,
      RedirectAttributes redirect) {
    MilestoneView milestone = milestones.milestone(actor, milestoneId);
    try {
      disputes.move(actor, milestoneId, action, reason, outcome);
    } catch (DomainException e) {
      redirect.addFlashAttribute("error", io.tranche.app.platform.FormMessages.message(e));
      if (action == MilestoneAction.OPEN_DISPUTE || action == MilestoneAction.RESOLVE_DISPUTE) {
        redirect.addFlashAttribute("errorMilestone", milestoneId);
        redirect.addFlashAttribute(
            "note", action == MilestoneAction.OPEN_DISPUTE ? reason : outcome);
      }
    }
    return "redirect:/console/projects/" + milestone.projectId();
  }

  @GetMapping("/console/tokens")
  String tokens(Actor actor, Model model) {
    model.addAttribute("workspace", workspaces.current(actor));
    model.addAttribute("actor", actor);
    model.addAttribute("tokens", tokens.tokens(actor));
    return "console/tokens";
  }

  @PostMapping("/console/tokens")
  String createToken(
      Actor actor,
      @RequestParam(defaultValue = "") String name,
      @RequestParam(defaultValue = "full") String scope,
      RedirectAttributes redirect) {
    try {
      ApiTokenService.CreatedToken created =
          tokens.create(actor, name, io.tranche.app.platform.TokenScope.parse(scope));
      redirect.addFlashAttribute("secret", created.secret());
    } catch (DomainException e) {
      redirect.addFlashAttribute("error", io.tranche.app.platform.FormMessages.message(e));
    }
    return "redirect:/console/tokens";
  }

  @PostMapping("/console/tokens/{tokenId}/revoke")
  String revokeToken(Actor actor, @PathVariable UUID tokenId) {
    tokens.revoke(actor, tokenId);
    return "redirect:/console/tokens";
  }

  @GetMapping("/console/mailbox")
  String mailbox(Actor actor, Model model) {
    Access.owner(actor);
    model.addAttribute("workspace", workspaces.current(actor));
    model.addAttribute("actor", actor);
    model.addAttribute(
        "mails", mail.mailbox(actor.workspaceId(), 100).stream().map(MailboxMail::of).toList());
    return "console/mailbox";
  }

  private static MilestoneRow row(MilestoneView m) {
    List<MilestoneAction> actions =
        m.disputed()
            ? List.of(MilestoneAction.RESOLVE_DISPUTE)
            : Arrays.stream(MilestoneAction.values())
                .filter(MilestoneAction::byMember)
                .filter(a -> a != MilestoneAction.RESOLVE_DISPUTE)
                .filter(
                    a ->
                        a == MilestoneAction.OPEN_DISPUTE
                            ? io.tranche.core.milestone.Milestone.disputable(m.state())
                            : MilestoneMachine.next(m.state(), a, m.trigger()).isPresent())
                .toList();
    return new MilestoneRow(m, actions);
  }
}
