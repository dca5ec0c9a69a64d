package io.tranche.app.contract;

import io.tranche.app.contract.internal.Amendments;
import io.tranche.app.platform.Access;
import io.tranche.app.platform.Actor;
import io.tranche.app.platform.Errors;
import io.tranche.app.project.ProjectService;
import io.tranche.core.contract.QuoteContent;
import io.tranche.core.contract.QuoteLine;
import io.tranche.core.error.DomainException;
import io.tranche.core.error.Validation;
import io.tranche.core.milestone.PaymentPlan;
import io.tranche.core.milestone.PaymentTrigger;
import io.tranche.core.milestone.PlannedMilestone;
import io.tranche.core.money.Money;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Change orders: new work after sign-off, quoted as an amendment of the signed contract. */
@Service
public class ChangeOrders {
  private final QuoteService quotes;
  private final Amendments amendments;
  private final ProjectService projects;
  private final Clock clock;

  ChangeOrders(QuoteService quotes, Amendments amendments, ProjectService projects, Clock clock) {
    this.quotes = quotes;
    this.amendments = amendments;
    this.projects = projects;
    this.clock = clock;
  }

  /**
   * Drafts a change order: an amendment of the project's signed contract that adds one line ({@code
   * net}, taxed at the contract's rate) and one part invoiced on acceptance, valid for 30 days. The
   * member sends it like any quote; once both sides sign, the new part is a milestone.
   */
  @Transactional
  public QuoteView draftChangeOrder(Actor actor, UUID projectId, String name, Money net) {
    Access.member(actor);
    projects.requireVisible(actor, projectId);
    QuoteContent old =
        amendments
            .signedContent(actor.workspaceId(), projectId)
            .orElseThrow(
                () ->
                    new DomainException(
                        io.tranche.core.milestone.MilestoneErrors.NO_CONTRACT, Map.of()));
    String part = Validation.text("name", name, io.tranche.core.milestone.Milestone.NAME_MAX);
    List<QuoteLine> lines = new ArrayList<>(old.lines());
    lines.add(Errors.at("amount", () -> new QuoteLine(part, 1, net)));
    Money newNet = old.net().plus(net);
    Money gross = newNet.plus(QuoteContent.tax(newNet, old.taxRateBasisPoints()));
    List<PlannedMilestone> plan = new ArrayList<>(old.plan().milestones());
    plan.add(new PlannedMilestone(part, gross.minus(old.gross()), PaymentTrigger.ACCEPTANCE));
    QuoteContent content =
        new QuoteContent(
            old.scope() + "\n\nChange order: " + part,
            old.timeline(),
            lines,
            old.taxRateBasisPoints(),
            new PaymentPlan(gross, plan),
            amendments.today(actor.workspaceId()).plusDays(30),
            old.terms());
    return quotes.create(actor, projectId, content);
  }

  /**
   * What a quote version that amends a signed contract changes in it, for a caller who may see the
   * quote; null for a version that amends nothing (the project's first quote).
   */
  @Transactional(readOnly = true)
  public io.tranche.core.contract.@org.jspecify.annotations.Nullable QuoteChange change(
      Actor actor, QuoteView quote) {
    projects.requireVisible(actor, quote.projectId());
    UUID amended = quote.amends();
    return amended == null
        ? null
        : amendments.change(actor.workspaceId(), amended, quote.id()).orElse(null);
  }
}
