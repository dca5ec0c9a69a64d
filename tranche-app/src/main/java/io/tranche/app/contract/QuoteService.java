package io.tranche.app.contract;

import io.tranche.app.contract.internal.Amendments;
import io.tranche.app.contract.internal.ContractCompletion;
import io.tranche.app.contract.internal.ContractRepository;
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
import io.tranche.core.contract.QuoteContent;
import io.tranche.core.contract.QuoteLine;
import io.tranche.core.contract.QuoteStatus;
import io.tranche.core.contract.SignatureRequest;
import io.tranche.core.contract.SigningOrder;
import io.tranche.core.error.DomainException;
import io.tranche.core.error.Validation;
import io.tranche.core.milestone.PaymentPlan;
import io.tranche.core.milestone.PaymentTrigger;
import io.tranche.core.milestone.PlannedMilestone;
import io.tranche.core.money.Money;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
  private final ContractRepository contracts;
  private final ProjectService projects;
  private final WorkspaceService workspaces;
  private final ContractCompletion completion;
  private final Amendments amendments;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  QuoteService(
      QuoteRepository quotes,
      SignatureRepository signatures,
      ContractRepository contracts,
      ProjectService projects,
      WorkspaceService workspaces,
      ContractCompletion completion,
      Amendments amendments,
      ApplicationEventPublisher events,
      Clock clock) {
    this.amendments = amendments;
    this.quotes = quotes;
    this.signatures = signatures;
    this.contracts = contracts;
    this.projects = projects;
    this.workspaces = workspaces;
    this.completion = completion;
    this.events = events;
    this.clock = clock;
  }

  /**
   * A page of a project's quote versions the caller may see, newest first (contacts see no drafts).
   */
  @Transactional(readOnly = true)
  public PageOf<QuoteView> quotes(Actor actor, UUID projectId, Paging paging) {
    projects.requireVisible(actor, projectId);
    return quotes.ofProject(projectId, actor.isMember(), paging).map(QuoteService::view);
  }

  /** Drafts version 1 of a new quote. */
  @Transactional
  public QuoteView create(Actor actor, UUID projectId, QuoteContent content) {
    Access.member(actor);
    projects.requireVisible(actor, projectId);
    requireProjectCurrency(projectId, content);
    requireSaneValidity(content);
    UUID amends = amendments.amends(projectId);
    amendments.check(projectId, amends, content);
    StoredQuote q = draft(actor.workspaceId(), projectId, UUID.randomUUID(), 1, content, amends);
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
    requireProjectCurrency(current.projectId(), content);
    requireSaneValidity(content);
    UUID amends = amendments.amends(current.projectId());
    amendments.check(current.projectId(), amends, content);
    boolean vendorSigned = signatures.signed(current.id(), "VENDOR");
    if (current.status().editableInPlace()
        && !vendorSigned
        && Objects.equals(amends, current.amends())) {
      String hash = hash(current.projectId(), current.id(), current.version(), content, amends);
      quotes.updateContent(current.id(), content, hash);
      return view(quotes.find(quoteId).orElseThrow());
    }
    if (!current.status().revisable()
        && !(current.status() == QuoteStatus.DRAFT
            && (vendorSigned || !Objects.equals(amends, current.amends())))) {
      throw new DomainException(
          ContractErrors.QUOTE_LOCKED,
          Map.of("version", current.version(), "status", current.status().name()));
    }
    if (!quotes.move(current.id(), current.status(), QuoteStatus.SUPERSEDED, null, null)) {
      throw concurrent(current);
    }
    StoredQuote next =
        draft(
            current.workspaceId(),
            current.projectId(),
            current.quoteNo(),
            quotes.nextVersion(current.quoteNo()),
            content,
            amends);
    quotes.insert(next);
    publish(current, "quote.superseded", actor.label(), Map.of("by", next.id().toString()));
    return view(next);
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
    UUID amends = amendments.amends(projectId);
    if (amends == null) {
      throw new DomainException(io.tranche.core.milestone.MilestoneErrors.NO_CONTRACT, Map.of());
    }
    StoredQuote signed =
        quotes
            .find(contracts.find(amends).orElseThrow().quoteId())
            .orElseThrow(Errors.notFoundSupplier("quote", amends));
    QuoteContent old = signed.content();
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
            LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(30),
            old.terms());
    return create(actor, projectId, content);
  }

  /** Sends a draft to the project's client contacts. */
  @Transactional
  public QuoteView send(Actor actor, UUID quoteId) {
    Access.member(actor);
    StoredQuote q = load(actor, quoteId);
    if (q.status() != QuoteStatus.DRAFT) {
      throw new DomainException(
          ContractErrors.ILLEGAL_QUOTE_MOVE, Map.of("action", "send", "status", q.status().name()));
    }
    amendments.requireCurrent(q);
    if (workspaces.signingOrder(q.workspaceId()) == SigningOrder.VENDOR_FIRST
        && !signatures.signed(q.id(), "VENDOR")) {
      throw new DomainException(
          ContractErrors.WRONG_ORDER, Map.of("first", "vendor (this workspace's signing order)"));
    }
    if (!quotes.move(q.id(), QuoteStatus.DRAFT, QuoteStatus.SENT, clock.instant(), null)) {
      throw concurrent(q);
    }
    Map<String, Object> sent = new LinkedHashMap<>();
    sent.put("version", q.version());
    if (q.amendment()) {
      sent.put("amends", q.amends().toString());
    }
    publish(q, "quote.sent", actor.label(), sent);
    return view(quotes.find(quoteId).orElseThrow());
  }

  /**
   * Opens a quote version; recorded (with its document hash) as shown to the caller, which signing
   * requires. Contacts cannot open drafts.
   */
  @Transactional
  public QuoteView open(Actor actor, UUID quoteId) {
    StoredQuote q = load(actor, quoteId);
    boolean first = signatures.views(q.id()) == 0;
    signatures.recordView(
        actor.workspaceId(), QUOTE, q.id(), q.documentHash(), actor.label(), clock.instant());
    if (actor.isContact()) {
      publish(q, "quote.viewed", actor.label(), Map.of("version", q.version(), "first", first));
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
    if (!signatures.hasViewed(q.id(), q.documentHash(), actor.label())) {
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
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("role", "VENDOR");
    details.put("typedName", name);
    details.put("ip", from.ip());
    details.put("userAgent", from.userAgent());
    publish(q, "document.signed", actor.label(), details);
    return view(q);
  }

  /** A client contact asks for changes to a sent version, with a comment. */
  @Transactional
  public QuoteView requestChanges(Actor actor, UUID quoteId, String comment) {
    StoredQuote q = load(actor, quoteId);
    requireContact(actor);
    String text = Validation.text("comment", comment, 5000);
    if (q.status() == QuoteStatus.SUPERSEDED) {
      throw new DomainException(ContractErrors.OUTDATED_VERSION, Map.of("version", q.version()));
    }
    if (q.status() != QuoteStatus.SENT) {
      throw new DomainException(
          ContractErrors.ILLEGAL_QUOTE_MOVE,
          Map.of("action", "request changes to", "status", q.status().name()));
    }
    if (!quotes.move(q.id(), QuoteStatus.SENT, QuoteStatus.CHANGES_REQUESTED, null, text)) {
      throw concurrent(q);
    }
    publish(q, "quote.changes-requested", actor.label(), Map.of("comment", text));
    return view(quotes.find(quoteId).orElseThrow());
  }

  /**
   * A client contact signs one exact version: it must be the newest, sent, unexpired, shown to them
   * with this document hash, signed with their typed name and consent. The accepted version becomes
   * a contract awaiting the vendor's countersignature.
   */
  @Transactional
  public ContractView sign(Actor actor, UUID quoteId, SignatureRequest request, SignedBy from) {
    StoredQuote q = load(actor, quoteId);
    requireContact(actor);
    if (q.status() == QuoteStatus.SUPERSEDED) {
      throw new DomainException(ContractErrors.OUTDATED_VERSION, Map.of("version", q.version()));
    }
    if (q.status() == QuoteStatus.ACCEPTED) {
      throw new DomainException(ContractErrors.ALREADY_SIGNED, Map.of("role", "client"));
    }
    if (!q.status().signable()) {
      throw new DomainException(
          ContractErrors.ILLEGAL_QUOTE_MOVE, Map.of("action", "sign", "status", q.status().name()));
    }
    amendments.requireCurrent(q);
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    if (today.isAfter(q.content().validUntil())) {
      throw new DomainException(
          ContractErrors.EXPIRED, Map.of("validUntil", q.content().validUntil().toString()));
    }
    if (!signatures.hasViewed(q.id(), q.documentHash(), actor.label())) {
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
    if (!signatures.insert(actor.workspaceId(), q.projectId(), QUOTE, q.id(), signature)
        || !quotes.move(q.id(), q.status(), QuoteStatus.ACCEPTED, null, null)) {
      throw new DomainException(ContractErrors.ALREADY_SIGNED, Map.of("role", "client"));
    }
    UUID contractId = UUID.randomUUID();
    contracts.insert(contractId, q.workspaceId(), q.projectId(), q.id(), q.documentHash(), now);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("role", "CLIENT");
    details.put("typedName", name);
    details.put("ip", from.ip());
    details.put("userAgent", from.userAgent());
    details.put("contract", contractId.toString());
    publish(q, "document.signed", actor.label(), details);
    if (signatures.signed(q.id(), "VENDOR")) {
      completion.complete(
          actor, contracts.find(contractId).orElseThrow(), q, signature, QuoteService::view);
    }
    ContractRepository.StoredContract stored = contracts.find(contractId).orElseThrow();
    return new ContractView(
        contractId,
        q.projectId(),
        q.id(),
        q.version(),
        q.documentHash(),
        stored.status(),
        stored.pdfSha256(),
        signatures.of(List.of(q.id(), contractId)),
        now,
        stored.completedAt());
  }

  StoredQuote load(Actor actor, UUID quoteId) {
    StoredQuote q =
        quotes
            .find(quoteId)
            .filter(found -> found.workspaceId().equals(actor.workspaceId()))
            .filter(found -> actor.isMember() || found.status() != QuoteStatus.DRAFT)
            .orElseThrow(Errors.notFoundSupplier("quote", quoteId));
    try {
      projects.requireVisible(actor, q.projectId());
    } catch (DomainException e) {
      throw Errors.notFound("quote", quoteId);
    }
    return q;
  }

  private StoredQuote draft(
      UUID workspaceId,
      UUID projectId,
      UUID quoteNo,
      int version,
      QuoteContent c,
      @org.jspecify.annotations.Nullable UUID amends) {
    UUID id = UUID.randomUUID();
    return new StoredQuote(
        id,
        workspaceId,
        projectId,
        quoteNo,
        version,
        QuoteStatus.DRAFT,
        c,
        hash(projectId, id, version, c, amends),
        null,
        clock.instant(),
        null,
        amends);
  }

  /** A quote valid until a date a person means: not years ago, not centuries ahead. */
  private void requireSaneValidity(QuoteContent content) {
    Validation.dateWithin(
        "validUntil",
        content.validUntil(),
        LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC),
        Period.ofYears(1),
        Period.ofYears(10));
  }

  private void requireProjectCurrency(UUID projectId, QuoteContent content) {
    String projectCurrency = projects.currencyOf(projectId);
    String quoted = content.net().currency().getCurrencyCode();
    if (!projectCurrency.equals(quoted)) {
      throw DomainException.field(
          io.tranche.core.money.MoneyErrors.CURRENCY_MISMATCH,
          "currency",
          Map.of("left", projectCurrency, "right", quoted));
    }
  }

  private static void requireContact(Actor actor) {
    if (!actor.isContact()) {
      throw new DomainException(
          ContractErrors.NOT_A_SIGNER, Map.of("who", "a client contact of the project"));
    }
  }

  private static String hash(
      UUID projectId,
      UUID quoteId,
      int version,
      QuoteContent c,
      @org.jspecify.annotations.Nullable UUID amends) {
    return c.documentHash(
        projectId.toString(),
        quoteId.toString(),
        version,
        amends == null ? null : amends.toString());
  }

  private void publish(StoredQuote q, String type, String actor, Map<String, Object> details) {
    Map<String, Object> all = new LinkedHashMap<>(details);
    all.put("quote", q.id().toString());
    all.put("version", q.version());
    events.publishEvent(
        new AgreementEvent(
            q.workspaceId(), q.projectId(), type, actor, q.id(), q.documentHash(), all));
  }

  private static DomainException concurrent(StoredQuote q) {
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
