package io.tranche.app.project.internal;

import io.tranche.app.platform.Paging;
import io.tranche.app.project.UnderReview;
import io.tranche.core.milestone.Milestone;
import io.tranche.core.milestone.MilestoneId;
import io.tranche.core.milestone.MilestoneState;
import io.tranche.core.milestone.MilestoneTransitioned;
import io.tranche.core.milestone.PaymentTrigger;
import io.tranche.core.money.Money;
import io.tranche.core.project.ProjectId;
import io.tranche.core.workspace.WorkspaceId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code milestone} and {@code milestone_transition} tables. */
@Repository
public class MilestoneRepository {
  private final JdbcClient jdbc;

  MilestoneRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A stored milestone and its version, for optimistic updates. */
  public record Stored(Milestone milestone, int version) {}

  public void insert(Milestone m, Instant at) {
    jdbc.sql(
            """
            insert into milestone (id, workspace_id, project_id, position_no, name, amount_minor,
                                   currency, payment_trigger, state, disputed, version, updated_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)
            """)
        .params(
            m.id().value(),
            m.workspaceId().value(),
            m.projectId().value(),
            m.position(),
            m.name(),
            m.amount().amountMinor(),
            m.amount().currency().getCurrencyCode(),
            m.trigger().name(),
            m.state().name(),
            m.disputed(),
            Timestamp.from(at))
        .update();
  }

  /** Stores the next version if nobody changed the row since {@code version} was read. */
  public boolean update(Milestone m, int version, Instant at) {
    return jdbc.sql(
                """
                update milestone set name = ?, amount_minor = ?, state = ?, disputed = ?,
                       version = version + 1, updated_at = ?
                where workspace_id = ? and id = ? and version = ?
                """)
            .params(
                m.name(),
                m.amount().amountMinor(),
                m.state().name(),
                m.disputed(),
                Timestamp.from(at),
                m.workspaceId().value(),
                m.id().value(),
                version)
            .update()
        == 1;
  }

  public void recordTransition(MilestoneTransitioned e, String actor) {
    jdbc.sql(
            """
            insert into milestone_transition (id, workspace_id, milestone_id, action, from_state,
                                              to_state, disputed, actor, occurred_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            UUID.randomUUID(),
            e.workspaceId().value(),
            e.milestoneId().value(),
            e.action().name(),
            e.from().name(),
            e.to().name(),
            e.disputed(),
            actor,
            Timestamp.from(e.at()))
        .update();
  }

  /** A milestone of the workspace; none of another workspace's, whatever the id. */
  public Optional<Stored> find(UUID workspaceId, UUID id) {
    return jdbc.sql("select * from milestone where workspace_id = ? and id = ?")
        .params(workspaceId, id)
        .query((rs, i) -> new Stored(milestone(rs), rs.getInt("version")))
        .optional();
  }

  /** A milestone, its row locked until the transaction ends. */
  public Optional<Milestone> lock(UUID workspaceId, UUID id) {
    return jdbc.sql("select * from milestone where workspace_id = ? and id = ? for update")
        .params(workspaceId, id)
        .query((rs, i) -> milestone(rs))
        .optional();
  }

  /** A page of a project's milestones, within the workspace. */
  public List<Milestone> ofProject(UUID workspaceId, UUID projectId, Paging paging) {
    return jdbc.sql(
            """
            select * from milestone where workspace_id = ? and project_id = ?
            order by position_no limit ? offset ?
            """)
        .params(workspaceId, projectId, paging.size(), paging.offset())
        .query((rs, i) -> milestone(rs))
        .list();
  }

  /**
   * A project's first {@code limit} milestones with their dispute notes and change reasons, in one
   * statement (the notes are columns of the same rows).
   */
  public io.tranche.app.project.NotedPlan notedPlan(UUID workspaceId, UUID projectId, int limit) {
    var disputes = new java.util.LinkedHashMap<UUID, io.tranche.app.project.DisputeNote>();
    var reasons = new java.util.LinkedHashMap<UUID, String>();
    List<Milestone> plan =
        jdbc.sql(
                """
                select * from milestone where workspace_id = ? and project_id = ?
                order by position_no limit ?
                """)
            .params(workspaceId, projectId, limit)
            .query(
                (rs, i) -> {
                  Milestone m = milestone(rs);
                  String dispute = rs.getString("dispute_reason");
                  if (dispute != null) {
                    disputes.put(
                        m.id().value(),
                        new io.tranche.app.project.DisputeNote(
                            dispute, rs.getString("dispute_outcome")));
                  }
                  String reason = rs.getString("change_reason");
                  if (reason != null) {
                    reasons.put(m.id().value(), reason);
                  }
                  return m;
                })
            .list();
    return new io.tranche.app.project.NotedPlan(plan, disputes, reasons);
  }

  public long countOfProject(UUID workspaceId, UUID projectId) {
    return jdbc.sql("select count(*) from milestone where workspace_id = ? and project_id = ?")
        .params(workspaceId, projectId)
        .query(Long.class)
        .single();
  }

  /** Stores a signed plan's name, amount and trigger for a milestone of the workspace. */
  public void updatePlan(Milestone m, Instant at) {
    jdbc.sql(
            """
            update milestone set name = ?, amount_minor = ?, payment_trigger = ?,
                   version = version + 1, updated_at = ?
            where workspace_id = ? and id = ?
            """)
        .params(
            m.name(),
            m.amount().amountMinor(),
            m.trigger().name(),
            Timestamp.from(at),
            m.workspaceId().value(),
            m.id().value())
        .update();
  }

  /** Removes an untouched milestone a signed plan no longer has (and its dispute history). */
  public void delete(UUID workspaceId, UUID id) {
    jdbc.sql("delete from milestone_transition where workspace_id = ? and milestone_id = ?")
        .params(workspaceId, id)
        .update();
    jdbc.sql("delete from milestone where workspace_id = ? and id = ? and state = 'PLANNED'")
        .params(workspaceId, id)
        .update();
  }

  /** The review period ends: accepted, changes requested, or signed off. */
  public void endReview(UUID workspaceId, UUID id) {
    jdbc.sql("update milestone set review_started_at = null where workspace_id = ? and id = ?")
        .params(workspaceId, id)
        .update();
  }

  /** The review period of submitted work begins now (again, after changes). */
  public void startReview(UUID workspaceId, UUID id, Instant at) {
    jdbc.sql(
            """
            update milestone set review_started_at = ?, review_reminders = 0
            where workspace_id = ? and id = ?
            """)
        .params(Timestamp.from(at), workspaceId, id)
        .update();
  }

  /** Keeps the client's reason for requesting changes, for the vendor's pages. */
  public void setChangeReason(UUID workspaceId, UUID id, String reason) {
    jdbc.sql("update milestone set change_reason = ? where workspace_id = ? and id = ?")
        .params(reason, workspaceId, id)
        .update();
  }

  /** Keeps a dispute's reason (its outcome cleared) or, with a null reason, its outcome. */
  public void setDisputeNote(UUID workspaceId, UUID id, io.tranche.app.project.DisputeNote note) {
    if (note.reason() != null) {
      jdbc.sql(
              "update milestone set dispute_reason = ?, dispute_outcome = null where workspace_id = ? and id = ?")
          .params(note.reason(), workspaceId, id)
          .update();
    } else {
      jdbc.sql("update milestone set dispute_outcome = ? where workspace_id = ? and id = ?")
          .params(note.outcome(), workspaceId, id)
          .update();
    }
  }

  /** The dispute notes of a project's milestones that have one, by milestone id. */
  public java.util.Map<UUID, io.tranche.app.project.DisputeNote> disputeNotes(
      UUID workspaceId, UUID projectId) {
    java.util.Map<UUID, io.tranche.app.project.DisputeNote> notes = new java.util.LinkedHashMap<>();
    jdbc.sql(
            """
            select id, dispute_reason, dispute_outcome from milestone
            where workspace_id = ? and project_id = ? and dispute_reason is not null
            order by position_no
            """)
        .params(workspaceId, projectId)
        .query(
            (rs, i) ->
                notes.put(
                    rs.getObject(1, UUID.class),
                    new io.tranche.app.project.DisputeNote(rs.getString(2), rs.getString(3))))
        .list();
    return notes;
  }

  /** When the review period of a submitted milestone began, if it is under review. */
  public Optional<Instant> reviewStartedAt(UUID workspaceId, UUID id) {
    return jdbc.sql(
            """
            select review_started_at from milestone
            where workspace_id = ? and id = ? and state in ('SUBMITTED', 'RELEASED')
              and review_started_at is not null
            """)
        .params(workspaceId, id)
        .query((rs, i) -> rs.getTimestamp(1).toInstant())
        .optional();
  }

  /**
   * Milestones under review since before {@code startedBefore}, oldest first, after the cursor
   * ({@code afterStarted}, {@code afterId}) of the previous page.
   */
  public List<UnderReview> underReview(
      Instant startedBefore, Instant afterStarted, UUID afterId, int limit) {
    return jdbc.sql(
            """
            select workspace_id, project_id, id, state, review_started_at, review_reminders, name
            from milestone
            where state in ('SUBMITTED', 'RELEASED') and not disputed
              and review_started_at is not null and review_started_at < ?
              and (review_started_at > ? or (review_started_at = ? and id > ?))
            order by review_started_at, id limit ?
            """)
        .params(
            Timestamp.from(startedBefore),
            Timestamp.from(afterStarted),
            Timestamp.from(afterStarted),
            afterId,
            limit)
        .query(
            (rs, i) ->
                new UnderReview(
                    rs.getObject(1, UUID.class),
                    rs.getObject(2, UUID.class),
                    rs.getObject(3, UUID.class),
                    MilestoneState.valueOf(rs.getString(4)),
                    rs.getTimestamp(5).toInstant(),
                    rs.getInt(6),
                    rs.getString(7)))
        .list();
  }

  /** Counts a reminder sent, once per number: false if another run counted it already. */
  public boolean countReminder(UUID workspaceId, UUID id, int sentBefore) {
    return jdbc.sql(
                """
                update milestone set review_reminders = review_reminders + 1
                where workspace_id = ? and id = ? and review_reminders = ?
                """)
            .params(workspaceId, id, sentBefore)
            .update()
        == 1;
  }

  public int nextPosition(UUID workspaceId, UUID projectId) {
    return jdbc.sql(
            "select coalesce(max(position_no), 0) + 1 from milestone where workspace_id = ? and project_id = ?")
        .params(workspaceId, projectId)
        .query(Integer.class)
        .single();
  }

  private static Milestone milestone(ResultSet rs) throws SQLException {
    return new Milestone(
        new MilestoneId(rs.getObject("id", UUID.class)),
        new WorkspaceId(rs.getObject("workspace_id", UUID.class)),
        new ProjectId(rs.getObject("project_id", UUID.class)),
        rs.getInt("position_no"),
        rs.getString("name"),
        Money.of(rs.getLong("amount_minor"), rs.getString("currency").trim()),
        PaymentTrigger.valueOf(rs.getString("payment_trigger")),
        MilestoneState.valueOf(rs.getString("state")),
        rs.getBoolean("disputed"));
  }
}
