package io.tranche.app.contract.internal;

import io.tranche.app.contract.ContractView;
import io.tranche.app.contract.internal.ContractRepository.StoredContract;
import io.tranche.app.contract.internal.QuoteRepository.StoredQuote;
import io.tranche.app.project.MilestoneService;
import io.tranche.core.contract.ContractErrors;
import io.tranche.core.contract.QuoteContent;
import io.tranche.core.error.DomainException;
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
  private final MilestoneService milestones;

  Amendments(ContractRepository contracts, MilestoneService milestones) {
    this.contracts = contracts;
    this.milestones = milestones;
  }

  /** The project's latest signed contract, which a new quote version would amend; or null. */
  public @Nullable UUID amends(UUID projectId) {
    return contracts.ofProject(projectId).stream()
        .filter(c -> c.status() == ContractView.ContractStatus.SIGNED)
        .max(Comparator.comparing(StoredContract::createdAt))
        .map(StoredContract::id)
        .orElse(null);
  }

  /**
   * Refuses content that cannot become the project's plan now, if it is an amendment (a first
   * contract's plan replaces a draft plan whose parts may only have started before it).
   */
  public void check(UUID projectId, @Nullable UUID amends, QuoteContent content) {
    if (amends != null) {
      milestones.checkSignedPlan(projectId, content.plan());
    }
  }

  /** Refuses to send or sign a version that is not an amendment of the contract signed since. */
  public void requireCurrent(StoredQuote q) {
    UUID current = amends(q.projectId());
    if (current != null && !current.equals(q.amends())) {
      throw new DomainException(ContractErrors.NEEDS_AMENDMENT, Map.of());
    }
    check(q.projectId(), q.amends(), q.content());
  }
}
