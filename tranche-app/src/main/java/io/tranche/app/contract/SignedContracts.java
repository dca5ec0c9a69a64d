package io.tranche.app.contract;

import io.tranche.app.contract.internal.ContractRepository;
import io.tranche.app.contract.internal.ContractRepository.StoredContract;
import io.tranche.app.contract.internal.QuoteRepository;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A project's signed contract as later steps (receipts, releases) need it. */
@Service
public class SignedContracts {
  private final ContractRepository contracts;
  private final QuoteRepository quoteStore;

  SignedContracts(ContractRepository contracts, QuoteRepository quoteStore) {
    this.contracts = contracts;
    this.quoteStore = quoteStore;
  }

  /** A project's signed contract as later steps need it: its document hash and delivery terms. */
  public record SignedContract(UUID id, String documentHash, boolean earlyCiphertextDownload) {}

  /** The project's latest signed contract, if any (a system step, no access check). */
  @Transactional(readOnly = true)
  public java.util.Optional<SignedContract> signedContract(UUID workspaceId, UUID projectId) {
    return contracts.ofProject(workspaceId, projectId).stream()
        .filter(c -> c.status() == ContractView.ContractStatus.SIGNED)
        .max(java.util.Comparator.comparing(StoredContract::createdAt))
        .map(
            c ->
                new SignedContract(
                    c.id(),
                    c.documentHash(),
                    quoteStore
                        .find(workspaceId, c.quoteId())
                        .map(q -> q.content().terms().earlyCiphertextDownload())
                        .orElse(true)));
  }
}
