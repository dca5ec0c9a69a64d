package io.tranche.app.contract.internal;

import io.tranche.app.contract.ContractView;
import io.tranche.app.contract.internal.ContractRepository.StoredContract;
import io.tranche.app.contract.internal.QuoteRepository.StoredQuote;
import io.tranche.app.project.MilestoneService;
import io.tranche.core.contract.ContractErrors;
import io.tranche.core.contract.QuoteContent;
import io.tranche.core.error.DomainException;
import io.tranche.core.error.Validation;
import java.time.LocalDate;
import java.time.Period;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The rule that a signed contract is the plan: once a project has one, every new quote version is
 * an amendment of it, which must leave money already asked for and started work as they are.
 */
@Component
public class Amendments {
  private final ContractRepository contracts;
  private final QuoteRepository quotes;
  private final MilestoneService milestones;
  private final io.tranche.app.project.ProjectService projects;
  private final io.tranche.app.workspace.WorkspaceService workspaces;

  Amendments(
      ContractRepository contracts,
      QuoteRepository quotes,
      MilestoneService milestones,
      io.tranche.app.project.ProjectService projects,
      io.tranche.app.workspace.WorkspaceService workspaces) {
    this.contracts = contracts;
    this.quotes = quotes;
    this.milestones = milestones;
    this.projects = projects;
    this.workspaces = workspaces;
  }

  /** The project's latest signed contract, which a new quote version would amend; or null. */
  public @Nullable UUID amends(UUID workspaceId, UUID projectId) {
    return contracts.ofProject(workspaceId, projectId).stream()
        .filter(c -> c.status() == ContractView.ContractStatus.SIGNED)
        .max(Comparator.comparing(StoredContract::createdAt))
        .map(StoredContract::id)
        .orElse(null);
  }

  /** Today in the workspace's time zone: quotes are valid until a date people read there. */
  public LocalDate today(UUID workspaceId) {
    return workspaces.today(workspaceId);
  }

  /** The content of the quote the project's latest signed contract was made of, if any. */
  public java.util.Optional<QuoteContent> signedContent(UUID workspaceId, UUID projectId) {
    UUID contract = amends(workspaceId, projectId);
    return contract == null
        ? java.util.Optional.empty()
        : contracts
            .find(workspaceId, contract)
            .flatMap(c -> quotes.find(workspaceId, c.quoteId()))
            .map(StoredQuote::content);
  }

  /**
   * What a version that amends {@code contractId} changes in the quote that contract was made of;
   * empty when either is gone.
   */
  public java.util.Optional<io.tranche.core.contract.QuoteChange> change(
      UUID workspaceId, UUID contractId, UUID quoteId) {
    return contracts
        .find(workspaceId, contractId)
        .flatMap(c -> quotes.find(workspaceId, c.quoteId()))
        .flatMap(
            signed ->
                quotes
                    .find(workspaceId, quoteId)
                    .map(
                        q ->
                            io.tranche.core.contract.QuoteChange.between(
                                signed.content(), q.content())));
  }

  /**
   * Refuses content that a version of the project's quote cannot have: another currency than the
   * project's, a validity no person means, or, for an amendment, a plan that cannot become the
   * project's plan now (a first contract's plan replaces a draft plan whose parts may only have
   * started before it).
   */
  public void check(UUID workspaceId, UUID projectId, @Nullable UUID amends, QuoteContent content) {
    requireProjectCurrency(workspaceId, projectId, content);
    requireSaneValidity(workspaceId, content);
    if (amends != null) {
      io.tranche.core.milestone.SignedPlan.apply(
          milestones.planAsSystem(workspaceId, projectId), content.plan());
    }
  }

  /** Refuses to send or sign a version that is not an amendment of the contract signed since. */
  public void requireCurrent(StoredQuote q) {
    UUID current = amends(q.workspaceId(), q.projectId());
    if (current != null && !current.equals(q.amends())) {
      throw new DomainException(ContractErrors.NEEDS_AMENDMENT, Map.of());
    }
    check(q.workspaceId(), q.projectId(), q.amends(), q.content());
  }

  /**
   * Refuses to send a quote nobody could sign: one valid until a day already past, or one for a
   * project without a client contact ({@code contacts}: the project's) to send it to.
   */
  public void requireSendable(StoredQuote q, java.util.List<UUID> contacts) {
    if (today(q.workspaceId()).isAfter(q.content().validUntil())) {
      throw DomainException.field(
          ContractErrors.VALIDITY_PAST,
          "validUntil",
          Map.of("validUntil", io.tranche.app.platform.Dates.day(q.content().validUntil())));
    }
    if (contacts.isEmpty()) {
      throw new DomainException(ContractErrors.NO_RECIPIENT, Map.of());
    }
    // one quote at a time with the client: two out at once could both be signed
    if (contracts.ofProject(q.workspaceId(), q.projectId()).stream()
        .anyMatch(c -> c.status() == ContractView.ContractStatus.AWAITING_VENDOR)) {
      throw new DomainException(
          ContractErrors.ANOTHER_QUOTE_OUT,
          Map.of(
              "what", "A quote the client signed",
              "next", "it waits for your countersignature; countersign it first"));
    }
    quotes.ofProject(q.workspaceId(), q.projectId()).stream()
        // sent, or sent back with changes asked for: either one the client can still sign
        .filter(other -> other.status().signable())
        .filter(other -> !other.id().equals(q.id()))
        .findFirst()
        .ifPresent(
            other -> {
              throw new DomainException(
                  ContractErrors.ANOTHER_QUOTE_OUT,
                  Map.of(
                      "what",
                      "Version " + other.version() + " of another quote",
                      "next",
                      "revise that one instead (its new version replaces it)"));
            });
  }

  /** A quote valid until a date a person means: not years ago, not centuries ahead. */
  private void requireSaneValidity(UUID workspaceId, QuoteContent content) {
    Validation.dateWithin(
        "validUntil",
        content.validUntil(),
        workspaces.today(workspaceId),
        Period.ofYears(1),
        Period.ofYears(10));
  }

  private void requireProjectCurrency(UUID workspaceId, UUID projectId, QuoteContent content) {
    String projectCurrency = projects.currencyOf(workspaceId, projectId);
    String quoted = content.net().currency().getCurrencyCode();
    if (!projectCurrency.equals(quoted)) {
      throw DomainException.field(
          io.tranche.core.money.MoneyErrors.CURRENCY_MISMATCH,
          "currency",
          Map.of("left", projectCurrency, "right", quoted));
    }
  }
}
