package io.tranche.app.contract;

import io.tranche.app.contract.internal.ContractCompletion;
import io.tranche.app.contract.internal.ContractRepository;
import io.tranche.app.contract.internal.ContractRepository.StoredContract;
import io.tranche.app.contract.internal.QuoteRepository.StoredQuote;
import io.tranche.app.contract.internal.SignatureRepository;
import io.tranche.app.platform.Actor;
import io.tranche.app.platform.Download;
import io.tranche.app.platform.Errors;
import io.tranche.app.project.ProjectService;
import io.tranche.app.storage.BlobStore;
import io.tranche.core.contract.ContractErrors;
import io.tranche.core.contract.SignatureRequest;
import io.tranche.core.error.DomainException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Contracts: the client's signed quote version, countersigned by a member of the workspace. The
 * countersignature completes the contract: its PDF (with the certificate of completion) is made and
 * stored, and its payment plan and credit limit become the project's.
 */
@Service
public class ContractService {
  static final String CONTRACT = "CONTRACT";

  private final ContractRepository contracts;
  private final SignatureRepository signatures;
  private final QuoteService quotes;
  private final ProjectService projects;
  private final ContractCompletion completion;
  private final BlobStore blobs;
  private final Clock clock;

  ContractService(
      ContractRepository contracts,
      SignatureRepository signatures,
      QuoteService quotes,
      ProjectService projects,
      ContractCompletion completion,
      BlobStore blobs,
      Clock clock) {
    this.contracts = contracts;
    this.signatures = signatures;
    this.quotes = quotes;
    this.projects = projects;
    this.completion = completion;
    this.blobs = blobs;
    this.clock = clock;
  }

  /**
   * Where a project's contracts stand, oldest first: what a page needs to say what comes next,
   * without each contract's quote and signatures.
   */
  @Transactional(readOnly = true)
  public List<ContractView.ContractStatus> statuses(Actor actor, UUID projectId) {
    projects.requireVisible(actor, projectId);
    return contracts.ofProject(actor.workspaceId(), projectId).stream()
        .map(StoredContract::status)
        .toList();
  }

  @Transactional(readOnly = true)
  public List<ContractView> contracts(Actor actor, UUID projectId) {
    projects.requireVisible(actor, projectId);
    return contracts.ofProject(actor.workspaceId(), projectId).stream()
        .map(c -> view(actor, c))
        .toList();
  }

  /** Opens a contract; recorded as shown to the caller (a member must open it to countersign). */
  @Transactional
  public ContractView open(Actor actor, UUID contractId) {
    StoredContract c = load(actor, contractId);
    signatures.recordView(
        actor.workspaceId(), CONTRACT, c.id(), c.documentHash(), actor.label(), clock.instant());
    return view(actor, c);
  }

  /** A member countersigns the client-signed contract, completing it. */
  @Transactional
  public ContractView countersign(
      Actor actor, UUID contractId, SignatureRequest request, SignedBy from) {
    StoredContract c = load(actor, contractId);
    if (!actor.isMember()) {
      throw new DomainException(
          ContractErrors.NOT_A_SIGNER, Map.of("who", "a member of the workspace"));
    }
    if (c.status() == ContractView.ContractStatus.SIGNED) {
      throw new DomainException(ContractErrors.ALREADY_SIGNED, Map.of("role", "vendor"));
    }
    if (!signatures.hasViewed(actor.workspaceId(), c.id(), c.documentHash(), actor.label())) {
      throw new DomainException(ContractErrors.NOT_SHOWN, Map.of());
    }
    String name = request.check(c.documentHash());
    Instant now = clock.instant();
    SignatureView signature =
        new SignatureView(
            "VENDOR",
            actor.label(),
            actor.email(),
            name,
            c.documentHash(),
            SignatureRequest.CONSENT_TEXT,
            from.ip(),
            from.userAgent(),
            now);
    if (!signatures.insert(actor.workspaceId(), c.projectId(), CONTRACT, c.id(), signature)) {
      throw new DomainException(ContractErrors.ALREADY_SIGNED, Map.of("role", "vendor"));
    }
    completion.complete(actor, c, quotes.load(actor, c.quoteId()), signature, QuoteService::view);
    return view(actor, contracts.find(actor.workspaceId(), contractId).orElseThrow());
  }

  /** Whether a member already signed this quote version (vendor-first signing order). */
  @Transactional(readOnly = true)
  public boolean signedByVendor(Actor actor, UUID quoteId) {
    quotes.load(actor, quoteId);
    return signatures.signed(actor.workspaceId(), quoteId, "VENDOR");
  }

  /** The signed PDF of a completed contract. */
  @Transactional(readOnly = true)
  public Download pdf(Actor actor, UUID contractId) {
    StoredContract c = load(actor, contractId);
    if (c.pdfBlobKey() == null) {
      throw Errors.notFound("contract document", contractId);
    }
    try {
      return new Download(
          "contract-" + c.id() + ".pdf", "application/pdf", -1, blobs.open(c.pdfBlobKey()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<SignatureView> signaturesOf(StoredContract c) {
    List<UUID> ids = new ArrayList<>(List.of(c.quoteId(), c.id()));
    return signatures.of(c.workspaceId(), ids);
  }

  private ContractView view(Actor actor, StoredContract c) {
    StoredQuote quote = quotes.load(actor, c.quoteId());
    return new ContractView(
        c.id(),
        c.projectId(),
        c.quoteId(),
        quote.version(),
        c.documentHash(),
        c.status(),
        c.pdfSha256(),
        signaturesOf(c),
        c.createdAt(),
        c.completedAt());
  }

  private StoredContract load(Actor actor, UUID contractId) {
    StoredContract c =
        contracts
            .find(actor.workspaceId(), contractId)
            .orElseThrow(Errors.notFoundSupplier("contract", contractId));
    try {
      projects.requireVisible(actor, c.projectId());
    } catch (DomainException e) {
      throw Errors.notFound("contract", contractId);
    }
    return c;
  }
}
