package io.tranche.app.contract.internal;

import io.tranche.app.contract.AgreementEvent;
import io.tranche.app.contract.QuoteView;
import io.tranche.app.contract.SignatureView;
import io.tranche.app.contract.internal.ContractRepository.StoredContract;
import io.tranche.app.contract.internal.QuoteRepository.StoredQuote;
import io.tranche.app.platform.Actor;
import io.tranche.app.project.MilestoneService;
import io.tranche.app.project.ProjectService;
import io.tranche.app.project.ProjectView;
import io.tranche.app.signing.SigningKeys;
import io.tranche.app.storage.BlobStore;
import io.tranche.app.storage.StoredBlob;
import io.tranche.core.contract.ContractErrors;
import io.tranche.core.error.DomainException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What happens when the last signature is on a contract or an amendment, whichever side signed
 * last: the PDF with its certificate of completion is rendered and stored, the contract is marked
 * signed, and its payment plan, terms, credit limit and tax rate become the project's.
 */
@Component
public class ContractCompletion {
  private final ContractRepository contracts;
  private final SignatureRepository signatures;
  private final ProjectService projects;
  private final MilestoneService milestones;
  private final io.tranche.app.workspace.SettingsService settings;
  private final io.tranche.app.workspace.ClientService clients;
  private final SigningKeys keys;
  private final ContractPdf pdf;
  private final BlobStore blobs;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  ContractCompletion(
      ContractRepository contracts,
      SignatureRepository signatures,
      ProjectService projects,
      MilestoneService milestones,
      io.tranche.app.workspace.SettingsService settings,
      io.tranche.app.workspace.ClientService clients,
      SigningKeys keys,
      ContractPdf pdf,
      BlobStore blobs,
      ApplicationEventPublisher events,
      Clock clock) {
    this.contracts = contracts;
    this.signatures = signatures;
    this.projects = projects;
    this.milestones = milestones;
    this.settings = settings;
    this.clients = clients;
    this.keys = keys;
    this.pdf = pdf;
    this.blobs = blobs;
    this.events = events;
    this.clock = clock;
  }

  /** Completes {@code contract}, signed last by {@code actor}. */
  public void complete(
      Actor actor,
      StoredContract contract,
      StoredQuote quote,
      SignatureView last,
      Function<StoredQuote, QuoteView> view) {
    ProjectView project = projects.project(actor, contract.projectId());
    List<SignatureView> all =
        signatures.of(contract.workspaceId(), List.of(contract.quoteId(), contract.id()));
    var vendor = settings.settings(contract.workspaceId());
    var client = clients.addressee(actor, project.clientId());
    byte[] document =
        pdf.render(
            new ContractPdf.Contents(
                contract.id().toString(),
                new ContractPdf.Party(vendor.name(), vendor.address(), vendor.taxId()),
                new ContractPdf.Party(client.name(), client.address(), client.taxId()),
                project.name(),
                view.apply(quote),
                keys.publicKeyOf(contract.workspaceId()).fingerprint(),
                all));
    StoredBlob blob = store(document);
    Instant now = clock.instant();
    if (!contracts.complete(
        contract.workspaceId(), contract.id(), blob.key(), blob.sha256(), now)) {
      throw new DomainException(ContractErrors.ALREADY_SIGNED, Map.of("role", "last signer"));
    }
    // the signed plan is the plan, always: amounts, parts and triggers follow the signature
    milestones.applySignedPlan(
        contract.workspaceId(), contract.projectId(), quote.content().plan());
    projects.applyCreditLimit(
        contract.workspaceId(), contract.projectId(), quote.content().terms().creditLimit());
    projects.applyTaxRate(
        contract.workspaceId(), contract.projectId(), quote.content().taxRateBasisPoints());
    projects.contractCompleted(
        contract.workspaceId(),
        contract.projectId(),
        quote.content().terms().reviewDays(),
        quote.content().terms().modificationDays());
    events.publishEvent(
        new AgreementEvent.ContractCompleted(
            contract.workspaceId(),
            contract.projectId(),
            actor.label(),
            contract.id(),
            contract.documentHash(),
            contract.quoteId(),
            last,
            blob.sha256(),
            quote.amends()));
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
}
