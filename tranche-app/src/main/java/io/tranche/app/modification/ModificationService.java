package io.tranche.app.modification;

import io.tranche.app.contract.QuoteService;
import io.tranche.app.contract.QuoteView;
import io.tranche.app.message.MessageService;
import io.tranche.app.message.MessageView;
import io.tranche.app.message.Upload;
import io.tranche.app.modification.internal.ModificationRepository;
import io.tranche.app.modification.internal.ModificationRepository.Stored;
import io.tranche.app.platform.Access;
import io.tranche.app.platform.Actor;
import io.tranche.app.platform.Errors;
import io.tranche.app.project.ProjectService;
import io.tranche.app.project.ProjectStage;
import io.tranche.core.error.DomainException;
import io.tranche.core.modification.ModificationErrors;
import io.tranche.core.modification.ModificationKind;
import io.tranche.core.modification.ModificationRequest;
import io.tranche.core.money.Money;
import io.tranche.core.project.ProjectId;
import io.tranche.core.workspace.WorkspaceId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Modification requests: the client files them after sign-off (with attachments, kept as a message
 * of the project's thread); a member classifies each as minor (free inside the window, tracked to
 * the client's confirmation) or a change order (quoted as an amendment; its new part then runs
 * through the milestone engine). After the window, requests are change orders only.
 */
@Service
public class ModificationService {
  private final ModificationRepository requests;
  private final ProjectService projects;
  private final MessageService messages;
  private final QuoteService quotes;
  private final io.tranche.app.contract.ChangeOrders changeOrders;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  ModificationService(
      ModificationRepository requests,
      ProjectService projects,
      MessageService messages,
      QuoteService quotes,
      io.tranche.app.contract.ChangeOrders changeOrders,
      ApplicationEventPublisher events,
      Clock clock) {
    this.requests = requests;
    this.projects = projects;
    this.messages = messages;
    this.quotes = quotes;
    this.changeOrders = changeOrders;
    this.events = events;
    this.clock = clock;
  }

  /** A project's requests, oldest first; members and the project's contacts. */
  @Transactional(readOnly = true)
  public List<ModificationView> requests(Actor actor, UUID projectId) {
    projects.requireVisible(actor, projectId);
    return requests.ofProject(actor.workspaceId(), projectId).stream()
        .map(ModificationService::view)
        .toList();
  }

  /** One request, if the caller may see its project. */
  @Transactional(readOnly = true)
  public ModificationView request(Actor actor, UUID id) {
    return view(load(actor, id));
  }

  /**
   * A client contact files a request after sign-off. Inside the window it waits for the vendor's
   * classification; after it, it is a change order. Attachments go with a message in the project's
   * thread that quotes the request.
   */
  @Transactional
  public ModificationView file(
      Actor actor,
      UUID projectId,
      String what,
      String where,
      String expected,
      List<Upload> attachments) {
    projects.requireVisible(actor, projectId);
    if (!actor.isContact()) {
      throw new DomainException(
          Errors.FORBIDDEN, Map.of("needed", "a client contact of the project"));
    }
    ProjectStage stage = projects.stageOf(actor.workspaceId(), projectId);
    if (stage.signedOffAt() == null) {
      throw new DomainException(ModificationErrors.NOT_OPEN, Map.of());
    }
    Instant now = clock.instant();
    ModificationRequest request =
        ModificationRequest.file(
            new WorkspaceId(actor.workspaceId()),
            new ProjectId(projectId),
            requests.nextNumber(actor.workspaceId(), projectId),
            what,
            where,
            expected,
            stage.windowOpenAt(now));
    UUID messageId = null;
    if (!attachments.isEmpty()) {
      MessageView message =
          messages.post(
              actor,
              projectId,
              "Modification request #" + request.number() + ": " + request.what(),
              attachments);
      messageId = message.id();
    }
    requests.insert(request, actor.label(), now, messageId);
    events.publishEvent(new ModificationEvent.Filed(request, actor.label(), messageId));
    return view(requests.find(actor.workspaceId(), request.id()).orElseThrow());
  }

  /** A member classifies an open request as minor or a change order. */
  @Transactional
  public ModificationView classify(Actor actor, UUID id, @Nullable ModificationKind kind) {
    Access.member(actor);
    return move(actor, id, "classified", r -> r.classify(kind), null);
  }

  /** A member starts work on a minor request. */
  @Transactional
  public ModificationView start(Actor actor, UUID id) {
    Access.member(actor);
    return move(actor, id, "started", ModificationRequest::start, null);
  }

  /** A member marks a minor request done; the client is asked to confirm it. */
  @Transactional
  public ModificationView done(Actor actor, UUID id) {
    Access.member(actor);
    return move(actor, id, "done", ModificationRequest::done, null);
  }

  /** The client confirms that a minor request was done. */
  @Transactional
  public ModificationView confirm(Actor actor, UUID id) {
    if (!actor.isContact()) {
      throw new DomainException(
          Errors.FORBIDDEN, Map.of("needed", "a client contact of the project"));
    }
    return move(actor, id, "confirmed", ModificationRequest::confirm, null);
  }

  /**
   * A member quotes a change order: an amendment adding a part of {@code net} (plus the contract's
   * tax) named after the request, drafted for the member to send.
   */
  @Transactional
  public QuoteView quote(Actor actor, UUID id, @Nullable Money net) {
    Access.member(actor);
    Stored stored = load(actor, id);
    ModificationRequest r = stored.request();
    stored.request().quoted(); // refuses early, before a quote is drafted
    QuoteView quote =
        changeOrders.draftChangeOrder(
            actor,
            r.projectId().value(),
            "Change order #" + r.number() + ": " + shorten(r.what()),
            io.tranche.core.error.Validation.required("amount", net));
    move(actor, id, "quoted", ModificationRequest::quoted, quote.id());
    return quote;
  }

  /** The amendment quoting a change order was signed by both sides (a system step). */
  @Transactional
  public void amendmentSigned(UUID workspaceId, UUID quoteId) {
    requests
        .ofQuote(workspaceId, quoteId)
        .filter(s -> s.request().status() == io.tranche.core.modification.ModificationStatus.QUOTED)
        .ifPresent(
            s -> {
              ModificationRequest next = s.request().signed();
              store(s, next, null);
              events.publishEvent(new ModificationEvent.Moved(next, "signed", "system", quoteId));
            });
  }

  /** Records the close of a project's window (a system step); false if it was recorded. */
  @Transactional
  public boolean closeWindow(UUID workspaceId, UUID projectId, Instant endedAt) {
    if (!projects.closeWindow(workspaceId, projectId, clock.instant())) {
      return false;
    }
    events.publishEvent(
        new ModificationEvent.WindowClosed(
            workspaceId, projectId, endedAt, requests.count(workspaceId, projectId)));
    return true;
  }

  private ModificationView move(
      Actor actor,
      UUID id,
      String action,
      UnaryOperator<ModificationRequest> change,
      @Nullable UUID quoteId) {
    Stored stored = load(actor, id);
    ModificationRequest next = change.apply(stored.request());
    store(stored, next, quoteId);
    events.publishEvent(new ModificationEvent.Moved(next, action, actor.label(), quoteId));
    return view(requests.find(actor.workspaceId(), id).orElseThrow());
  }

  private void store(Stored stored, ModificationRequest next, @Nullable UUID quoteId) {
    if (!requests.update(next, quoteId, stored.version(), clock.instant())) {
      throw new DomainException(
          io.tranche.app.project.ProjectErrors.CONCURRENT_CHANGE,
          Map.of("state", stored.request().status().name()));
    }
  }

  private Stored load(Actor actor, UUID id) {
    Stored stored =
        requests
            .find(actor.workspaceId(), id)
            .orElseThrow(Errors.notFoundSupplier("modification request", id));
    try {
      projects.requireVisible(actor, stored.request().projectId().value());
    } catch (DomainException e) {
      throw Errors.notFound("modification request", id);
    }
    return stored;
  }

  private static String shorten(String text) {
    String line = text.strip().replaceAll("\\s+", " ");
    return line.length() <= 120 ? line : line.substring(0, 119) + "…";
  }

  private static ModificationView view(Stored s) {
    return ModificationView.of(s.request(), s.filedBy(), s.filedAt(), s.quoteId(), s.messageId());
  }
}
