package io.tranche.app.meeting;

import io.tranche.app.meeting.internal.MeetingRepository;
import io.tranche.app.platform.Access;
import io.tranche.app.platform.Actor;
import io.tranche.app.platform.Errors;
import io.tranche.app.platform.PageOf;
import io.tranche.app.platform.Paging;
import io.tranche.app.project.ProjectService;
import io.tranche.core.error.DomainException;
import io.tranche.core.error.ErrorCode;
import io.tranche.core.error.ErrorKind;
import io.tranche.core.error.Validation;
import io.tranche.core.meeting.MeetingRecord;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The meeting log of a project: members log meetings; the project's client contacts read them and
 * confirm the notes, which is recorded as evidence.
 */
@Service
public class MeetingService {
  public static final ErrorCode ALREADY_CONFIRMED =
      new ErrorCode(
          "meeting.already-confirmed",
          ErrorKind.CONFLICT,
          "these meeting notes were already confirmed on {at}");
  public static final ErrorCode NOT_HELD_YET =
      new ErrorCode(
          "meeting.not-held-yet",
          ErrorKind.INVALID,
          "{field} is in the future: log a meeting once it was held");
  public static final ErrorCode CONFIRM_AS_CLIENT =
      new ErrorCode(
          "meeting.confirm-as-client",
          ErrorKind.FORBIDDEN,
          "only a client contact of the project confirms meeting notes");

  private final MeetingRepository meetings;
  private final ProjectService projects;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  MeetingService(
      MeetingRepository meetings,
      ProjectService projects,
      ApplicationEventPublisher events,
      Clock clock) {
    this.meetings = meetings;
    this.projects = projects;
    this.events = events;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public PageOf<MeetingView> meetings(Actor actor, UUID projectId, Paging paging) {
    projects.requireVisible(actor, projectId);
    return new PageOf<>(
        meetings.page(actor.workspaceId(), projectId, paging),
        paging.page(),
        paging.size(),
        meetings.count(actor.workspaceId(), projectId));
  }

  @Transactional(readOnly = true)
  public MeetingView meeting(Actor actor, UUID id) {
    return load(actor, id);
  }

  /** Logs a meeting (members). */
  @Transactional
  public MeetingView log(Actor actor, UUID projectId, MeetingRecord record) {
    Access.member(actor);
    projects.requireVisible(actor, projectId);
    Validation.dateWithin(
        "heldAt",
        record.heldAt().isBefore(Instant.parse("0001-01-01T00:00:00Z"))
                || record.heldAt().isAfter(Instant.parse("9999-12-31T23:59:59Z"))
            ? LocalDate.MIN
            : LocalDate.ofInstant(record.heldAt(), ZoneOffset.UTC),
        LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC),
        Period.ofYears(10),
        Period.ofDays(1));
    // a meeting is logged once held (a few minutes' grace for clocks that differ)
    if (record.heldAt().isAfter(clock.instant().plus(java.time.Duration.ofMinutes(5)))) {
      throw DomainException.field(NOT_HELD_YET, "heldAt", Map.of("field", "heldAt"));
    }
    MeetingView meeting =
        new MeetingView(
            UUID.randomUUID(),
            projectId,
            record.heldAt(),
            record.durationMinutes(),
            record.channel(),
            record.attendees(),
            record.notes(),
            record.recordingLink(),
            actor.label(),
            null,
            null);
    meetings.insert(actor.workspaceId(), meeting, clock.instant());
    events.publishEvent(new MeetingLogged(actor.workspaceId(), meeting, actor.label(), false));
    return meeting;
  }

  /** A client contact confirms a meeting's notes, once. */
  @Transactional
  public MeetingView confirm(Actor actor, UUID id) {
    MeetingView meeting = load(actor, id);
    if (!actor.isContact()) {
      throw new DomainException(CONFIRM_AS_CLIENT, Map.of());
    }
    if (meeting.confirmed()) {
      throw new DomainException(ALREADY_CONFIRMED, Map.of("at", meeting.confirmedAt()));
    }
    Instant now = clock.instant();
    if (!meetings.confirm(actor.workspaceId(), id, actor.label(), now)) {
      throw new DomainException(ALREADY_CONFIRMED, Map.of("at", now));
    }
    MeetingView confirmed = meetings.find(actor.workspaceId(), id).orElseThrow();
    events.publishEvent(new MeetingLogged(actor.workspaceId(), confirmed, actor.label(), true));
    return confirmed;
  }

  private MeetingView load(Actor actor, UUID id) {
    MeetingRepository.Stored stored =
        meetings
            .stored(actor.workspaceId(), id)
            .orElseThrow(Errors.notFoundSupplier("meeting", id));
    try {
      projects.requireVisible(actor, stored.meeting().projectId());
    } catch (DomainException e) {
      throw Errors.notFound("meeting", id);
    }
    return stored.meeting();
  }
}
