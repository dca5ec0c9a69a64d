package io.tranche.app.contract;

import io.tranche.app.contract.internal.ContractPdf;
import io.tranche.app.contract.internal.ContractRepository;
import io.tranche.app.contract.internal.ContractRepository.StoredContract;
import io.tranche.app.contract.internal.QuoteRepository.StoredQuote;
import io.tranche.app.contract.internal.SignatureRepository;
import io.tranche.app.platform.Actor;
import io.tranche.app.platform.Download;
import io.tranche.app.platform.Errors;
import io.tranche.app.project.MilestoneService;
import io.tranche.app.project.ProjectService;
import io.tranche.app.project.ProjectView;
import io.tranche.app.signing.SigningKeys;
import io.tranche.app.storage.BlobStore;
import io.tranche.app.storage.StoredBlob;
import io.tranche.app.workspace.WorkspaceService;
import io.tranche.core.contract.ContractErrors;
import io.tranche.core.contract.SignatureRequest;
import io.tranche.core.error.DomainException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

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
  private final MilestoneService milestones;
  private final WorkspaceService workspaces;
  private final SigningKeys keys;
  private final ContractPdf pdf;
  private final BlobStore blobs;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  ContractService(
      ContractRepository contracts,
      SignatureRepository signatures,
      QuoteService quotes,
      ProjectService projects,
      MilestoneService milestones,
      WorkspaceService workspaces,
      SigningKeys keys,
      ContractPdf pdf,
      BlobStore blobs,
      ApplicationEventPublisher events,
      Clock clock) {
    this.contracts = contracts;
    this.signatures = signatures;
    this.quotes = quotes;
    this.projects = projects;
    this.milestones = milestones;
    this.workspaces = workspaces;
    this.keys = keys;
    this.pdf = pdf;
    this.blobs = blobs;
    this.events = events;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public List<ContractView> contracts(Actor actor, UUID projectId) {
    projects.requireVisible(actor, projectId);
    return contracts.ofProject(projectId).stream().map(c -> view(actor, c)).toList();
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
    if (!signatures.hasViewed(c.id(), c.documentHash(), actor.label())) {
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
    StoredQuote quote = quotes.load(actor, c.quoteId());
    ProjectView project = projects.project(actor, c.projectId());
    byte[] document =
        pdf.render(
            new ContractPdf.Contents(
                c.id().toString(),
                workspaces.current(actor).name(),
                project.clientName(),
                project.name(),
                QuoteService.view(quote),
                keys.publicKeyOf(actor.workspaceId()).fingerprint(),
                signaturesOf(c)));
    StoredBlob blob = store(document);
    if (!contracts.complete(c.id(), blob.key(), blob.sha256(), now)) {
      throw new DomainException(ContractErrors.ALREADY_SIGNED, Map.of("role", "vendor"));
    }
    boolean planApplied =
        milestones.applyContractPlan(c.workspaceId(), c.projectId(), quote.content().plan());
    projects.applyCreditLimit(c.projectId(), quote.content().terms().creditLimit());
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("role", "VENDOR");
    details.put("typedName", name);
    details.put("ip", from.ip());
    details.put("userAgent", from.userAgent());
    details.put("contract", c.id().toString());
    details.put("quote", c.quoteId().toString());
    details.put("pdfSha256", blob.sha256());
    details.put("planApplied", planApplied);
    events.publishEvent(
        new AgreementEvent(
            c.workspaceId(),
            c.projectId(),
            "contract.signed",
            actor.label(),
            c.id(),
            c.documentHash(),
            details));
    return view(actor, contracts.find(contractId).orElseThrow());
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

  private StoredBlob store(byte[] document) {
    try {
      StoredBlob blob = blobs.put(new ByteArrayInputStream(document), document.length);
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
              if (status != STATUS_COMMITTED) {
                try {
                  blobs.delete(blob.key());
                } catch (IOException ignored) {
                  // nothing points at it
                }
              }
            }
          });
      return blob;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<SignatureView> signaturesOf(StoredContract c) {
    List<UUID> ids = new ArrayList<>(List.of(c.quoteId(), c.id()));
    return signatures.of(ids);
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
            .find(contractId)
            .filter(found -> found.workspaceId().equals(actor.workspaceId()))
            .orElseThrow(Errors.notFoundSupplier("contract", contractId));
    try {
      projects.requireVisible(actor, c.projectId());
    } catch (DomainException e) {
      throw Errors.notFound("contract", contractId);
    }
    return c;
  }
}
