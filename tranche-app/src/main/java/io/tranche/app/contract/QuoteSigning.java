package io.tranche.app.contract;

import io.tranche.app.contract.internal.Amendments;
import io.tranche.app.contract.internal.ContractCompletion;
import io.tranche.app.contract.internal.ContractRepository;
import io.tranche.app.contract.internal.QuoteRepository;
import io.tranche.app.contract.internal.QuoteRepository.StoredQuote;
import io.tranche.app.contract.internal.SignatureRepository;
import io.tranche.app.platform.Actor;
import io.tranche.core.contract.ContractErrors;
import io.tranche.core.contract.QuoteAction;
import io.tranche.core.contract.QuoteStatus;
import io.tranche.core.contract.SignatureRequest;
import io.tranche.core.error.DomainException;
import io.tranche.core.error.Validation;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The client's decisions on a sent quote version: ask for changes, or sign it, which makes the
 * contract (completed at once when the vendor signed first).
 */
@Service
public class QuoteSigning {
  private final QuoteRepository quotes;
  private final QuoteService quoteService;
  private final SignatureRepository signatures;
  private final ContractRepository contracts;
  private final ContractCompletion completion;
  private final Amendments amendments;
  private final Clock clock;

  QuoteSigning(
      QuoteRepository quotes,
      QuoteService quoteService,
      SignatureRepository signatures,
      ContractRepository contracts,
      ContractCompletion completion,
      Amendments amendments,
      Clock clock) {
    this.quotes = quotes;
    this.quoteService = quoteService;
    this.signatures = signatures;
    this.contracts = contracts;
    this.completion = completion;
    this.amendments = amendments;
    this.clock = clock;
  }

  /** A client contact asks for changes to a sent version, with a comment. */
  @Transactional
  public QuoteView requestChanges(Actor actor, UUID quoteId, String comment) {
    StoredQuote q = quoteService.load(actor, quoteId);
    QuoteService.requireContact(actor);
    String text = Validation.text("comment", comment, 5000);
    if (q.status() == QuoteStatus.SUPERSEDED) {
      throw new DomainException(ContractErrors.OUTDATED_VERSION, Map.of("version", q.version()));
    }
    QuoteStatus next = q.status().require(QuoteAction.REQUEST_CHANGES);
    if (!quotes.move(q.workspaceId(), q.id(), q.status(), next, null, text)) {
      throw QuoteService.concurrent(q);
    }
    quoteService.publishChangesRequested(q, actor.label(), text);
    return QuoteService.view(quotes.find(actor.workspaceId(), quoteId).orElseThrow());
  }

  /**
   * A client contact signs one exact version: it must be the newest, sent, unexpired, shown to them
   * with this document hash, signed with their typed name and consent. The accepted version becomes
   * a contract awaiting the vendor's countersignature.
   */
  @Transactional
  public ContractView sign(Actor actor, UUID quoteId, SignatureRequest request, SignedBy from) {
    StoredQuote q = quoteService.load(actor, quoteId);
    QuoteService.requireContact(actor);
    if (q.status() == QuoteStatus.SUPERSEDED) {
      throw new DomainException(ContractErrors.OUTDATED_VERSION, Map.of("version", q.version()));
    }
    if (q.status() == QuoteStatus.ACCEPTED) {
      throw new DomainException(ContractErrors.ALREADY_SIGNED, Map.of("role", "client"));
    }
    QuoteStatus accepted = q.status().require(QuoteAction.SIGN);
    amendments.requireCurrent(q);
    LocalDate today = amendments.today(q.workspaceId());
    if (today.isAfter(q.content().validUntil())) {
      throw new DomainException(
          ContractErrors.EXPIRED, Map.of("validUntil", q.content().validUntil().toString()));
    }
    if (!signatures.hasViewed(q.workspaceId(), q.id(), q.documentHash(), actor.label())) {
      throw new DomainException(ContractErrors.NOT_SHOWN, Map.of());
    }
    String name = request.check(q.documentHash());
    Instant now = clock.instant();
    SignatureView signature =
        new SignatureView(
            "CLIENT",
            actor.label(),
            actor.email(),
            name,
            q.documentHash(),
            SignatureRequest.CONSENT_TEXT,
            from.ip(),
            from.userAgent(),
            now);
    if (!signatures.insert(
            actor.workspaceId(), q.projectId(), QuoteService.QUOTE, q.id(), signature)
        || !quotes.move(q.workspaceId(), q.id(), q.status(), accepted, null, null)) {
      throw new DomainException(ContractErrors.ALREADY_SIGNED, Map.of("role", "client"));
    }
    UUID contractId = UUID.randomUUID();
    contracts.insert(contractId, q.workspaceId(), q.projectId(), q.id(), q.documentHash(), now);
    quoteService.publishSigned(q, actor.label(), signature, contractId);
    if (signatures.signed(q.workspaceId(), q.id(), "VENDOR")) {
      completion.complete(
          actor,
          contracts.find(q.workspaceId(), contractId).orElseThrow(),
          q,
          signature,
          QuoteService::view);
    }
    ContractRepository.StoredContract stored =
        contracts.find(actor.workspaceId(), contractId).orElseThrow();
    return new ContractView(
        contractId,
        q.projectId(),
        q.id(),
        q.version(),
        q.documentHash(),
        stored.status(),
        stored.pdfSha256(),
        signatures.of(q.workspaceId(), List.of(q.id(), contractId)),
        now,
        stored.completedAt());
  }
}
