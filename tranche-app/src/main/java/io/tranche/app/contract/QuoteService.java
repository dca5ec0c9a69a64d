package io.tranche.app.contract;

import io.tranche.app.contract.internal.Amendments;
import io.tranche.app.contract.internal.QuoteRepository;
import io.tranche.app.contract.internal.QuoteRepository.StoredQuote;
import io.tranche.app.contract.internal.SignatureRepository;
import io.tranche.app.platform.Access;
import io.tranche.app.platform.Actor;
import io.tranche.app.platform.Errors;
import io.tranche.app.platform.PageOf;
import io.tranche.app.platform.Paging;
import io.tranche.app.project.ProjectService;
import io.tranche.app.workspace.WorkspaceService;
import io.tranche.core.contract.ContractErrors;
import io.tranche.core.contract.QuoteAction;
import io.tranche.core.contract.QuoteContent;
import io.tranche.core.contract.QuoteStatus;
import io.tranche.core.contract.SignatureRequest;
import io.tranche.core.contract.SigningOrder;
import io.tranche.core.error.DomainException;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Quotes and their versions. Members draft, revise and send them; a project's client contacts see
 * sent versions (each view recorded), ask for changes or sign one exact version, which makes the
 * contract. Editing a version the client has seen makes a new version.
 */
@Service
public class QuoteService {
  static final String QUOTE = "QUOTE";

  private final QuoteRepository quotes;
  private final SignatureRepository signatures;
  private final ProjectService projects;
  private final WorkspaceService workspaces;
  private final Amendments amendments;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  QuoteService(
      QuoteRepository quotes,
      SignatureRepository signatures,
      ProjectService projects,
      WorkspaceService workspaces,
      Amendments amendments,
      ApplicationEventPublisher events,
      Clock clock) {
    this.amendments = amendments;
    this.quotes = quotes;
    this.signatures = signatures;
    this.projects = projects;
    this.workspaces = workspaces;
    this.events = events;
    this.clock = clock;
  }

  /**
   * A page of a project's quote versions the caller may see, newest first (contacts see no drafts).
   */
  @Transactional(readOnly = true)
  public PageOf<QuoteView> quotes(Actor actor, UUID projectId, Paging paging) {
    projects.requireVisible(actor, projectId);
    return quotes
        .ofProject(actor.workspaceId(), projectId, actor.isMember(), paging)
        .map(QuoteService::view);
  }

  /** Drafts version 1 of a new quote. */
  @Transactional
  public QuoteView create(Actor actor, UUID projectId, QuoteContent content) {
    Access.member(actor);
    projects.requireVisible(actor, projectId);
    UUID amends = amendments.amends(actor.workspaceId(), projectId);
    amendments.check(actor.workspaceId(), projectId, amends, content);
    StoredQuote q =
        StoredQuote.draft(
            actor.workspaceId(), projectId, UUID.randomUUID(), 1, content, amends, clock.instant());
    quotes.insert(q);
    return view(q);
  }

  /**
   * Changes a quote: a draft in place; a version the client has seen becomes SUPERSEDED by a new
   * draft version; an accepted or superseded version is refused.
   */
  @Transactional
  public QuoteView revise(Actor actor, UUID quoteId, QuoteContent content) {
    Access.member(actor);
    StoredQuote current = load(actor, quoteId);
    UUID amends = amendments.amends(current.workspaceId(), current.projectId());
    amendments.check(current.workspaceId(), current.projectId(), amends, content);
    boolean vendorSigned = signatures.signed(current.workspaceId(), current.id(), "VENDOR");
    if (current.status().editableInPlace()
        && !vendorSigned
        && Objects.equals(amends, current.amends())) {
      String hash =
          StoredQuote.hash(current.projectId(), current.id(), current.version(), content, amends);
      quotes.updateContent(current.workspaceId(), current.id(), content, hash);
      return view(quotes.find(actor.workspaceId(), quoteId).orElseThrow());
    }
    if (!current.status().revisable()
        && !(current.status() == QuoteStatus.DRAFT
            && (vendorSigned || !Objects.equals(amends, current.amends())))) {
      throw new DomainException(
          ContractErrors.QUOTE_LOCKED,
          Map.of("version", current.version(), "status", current.status().name()));
    }
    QuoteStatus superseded = current.status().require(QuoteAction.SUPERSEDE);
    if (!quotes.move(
        current.workspaceId(), current.id(), current.status(), superseded, null, null)) {
      throw concurrent(current);
    }
    StoredQuote next =
        StoredQuote.draft(
            current.workspaceId(),
            current.projectId(),
            current.quoteNo(),
            quotes.nextVersion(current.workspaceId(), current.quoteNo()),
            content,
            amends,
            clock.instant());
    quotes.insert(next);
    events.publishEvent(
        new AgreementEvent.QuoteSuperseded(
            current.workspaceId(),
            current.projectId(),
            actor.label(),
            current.id(),
            current.documentHash(),
            current.version(),
            next.id()));
    return view(next);
  }

  /** Sends a draft to the project's client contacts. */
  @Transactional
  public QuoteView send(Actor actor, UUID quoteId) {
    Access.member(actor);
    StoredQuote q = load(actor, quoteId);
    QuoteStatus sent = q.status().require(QuoteAction.SEND);
    amendments.requireCurrent(q);
    amendments.requireSendable(q, projects.project(actor, q.projectId()).contactIds());
    if (workspaces.signingOrder(q.workspaceId()) == SigningOrder.VENDOR_FIRST
        && !signatures.signed(q.workspaceId(), q.id(), "VENDOR")) {
      throw new DomainException(
          ContractErrors.WRONG_ORDER, Map.of("first", "vendor (this workspace's signing order)"));
    }
    if (!quotes.move(q.workspaceId(), q.id(), q.status(), sent, clock.instant(), null)) {
      throw concurrent(q);
    }
    events.publishEvent(
        new AgreementEvent.QuoteSent(
            q.workspaceId(),
            q.projectId(),
            actor.label(),
            q.id(),
            q.documentHash(),
            q.version(),
            q.amends()));
    return view(quotes.find(actor.workspaceId(), quoteId).orElseThrow());
  }

  /**
   * Opens a quote version; recorded (with its document hash) as shown to the caller, which signing
   * requires. Contacts cannot open drafts.
   */
  @Transactional
  public QuoteView open(Actor actor, UUID quoteId) {
    StoredQuote q = load(actor, quoteId);
    boolean first = signatures.views(q.workspaceId(), q.id()) == 0;
    signatures.recordView(
        actor.workspaceId(), QUOTE, q.id(), q.documentHash(), actor.label(), clock.instant());
    if (actor.isContact()) {
      events.publishEvent(
          new AgreementEvent.QuoteViewed(
              q.workspaceId(),
              q.projectId(),
              actor.label(),
              q.id(),
              q.documentHash(),
              q.version(),
              first));
    }
    return view(q);
  }

  /**
   * A member signs a quote version before it is sent, where the workspace's signing order is
   * VENDOR_FIRST; the client's signature then completes the contract.
   */
  @Transactional
  public QuoteView signAsVendor(
      Actor actor, UUID quoteId, SignatureRequest request, SignedBy from) {
    Access.member(actor);
    StoredQuote q = load(actor, quoteId);
    if (workspaces.signingOrder(q.workspaceId()) != SigningOrder.VENDOR_FIRST) {
      throw new DomainException(
          ContractErrors.WRONG_ORDER,
          Map.of("first", "client; countersign the contract afterwards"));
    }
    if (q.status() != QuoteStatus.DRAFT && q.status() != QuoteStatus.SENT) {
      throw new DomainException(
          ContractErrors.ILLEGAL_QUOTE_MOVE, Map.of("action", "sign", "status", q.status().name()));
    }
    if (!signatures.hasViewed(q.workspaceId(), q.id(), q.documentHash(), actor.label())) {
      throw new DomainException(ContractErrors.NOT_SHOWN, Map.of());
    }
    String name = request.check(q.documentHash());
    SignatureView signature =
        new SignatureView(
            "VENDOR",
            actor.label(),
            actor.email(),
            name,
            q.documentHash(),
            SignatureRequest.CONSENT_TEXT,
            from.ip(),
            from.userAgent(),
            clock.instant());
    if (!signatures.insert(actor.workspaceId(), q.projectId(), QUOTE, q.id(), signature)) {
      throw new DomainException(ContractErrors.ALREADY_SIGNED, Map.of("role", "vendor"));
    }
    publishSigned(q, actor.label(), signature, null);
    return view(q);
  }

  StoredQuote load(Actor actor, UUID quoteId) {
    StoredQuote q =
        quotes
            .find(actor.workspaceId(), quoteId)
            .filter(found -> actor.isMember() || found.status() != QuoteStatus.DRAFT)
            .orElseThrow(Errors.notFoundSupplier("quote", quoteId));
    try {
      projects.requireVisible(actor, q.projectId());
    } catch (DomainException e) {
      throw Errors.notFound("quote", quoteId);
    }
    return q;
  }

  static void requireContact(Actor actor) {
    if (!actor.isContact()) {
      throw new DomainException(
          ContractErrors.NOT_A_SIGNER, Map.of("who", "a client contact of the project"));
    }
  }

  /** The client asked for changes to a sent version. */
  void publishChangesRequested(StoredQuote q, String actor, String comment) {
    events.publishEvent(
        new AgreementEvent.QuoteChangesRequested(
            q.workspaceId(), q.projectId(), actor, q.id(), q.documentHash(), q.version(), comment));
  }

  /** One side signed a quote version; {@code contractId} is the contract a client's makes. */
  void publishSigned(
      StoredQuote q,
      String actor,
      SignatureView signature,
      @org.jspecify.annotations.Nullable UUID contractId) {
    events.publishEvent(
        new AgreementEvent.QuoteSigned(
            q.workspaceId(),
            q.projectId(),
            actor,
            q.id(),
            q.documentHash(),
            q.version(),
            signature,
            contractId));
  }

  static DomainException concurrent(StoredQuote q) {
    return new DomainException(ContractErrors.CONCURRENT_CHANGE, Map.of("version", q.version()));
  }

  static QuoteView view(StoredQuote q) {
    return QuoteView.of(
        q.id(),
        q.projectId(),
        q.quoteNo(),
        q.version(),
        q.status(),
        q.content(),
        q.documentHash(),
        q.changeComment(),
        q.createdAt(),
        q.sentAt(),
        q.amends());
  }
}
