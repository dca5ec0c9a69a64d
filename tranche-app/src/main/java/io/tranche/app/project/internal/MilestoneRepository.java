package io.tranche.app.project.internal;

import io.tranche.app.platform.Paging;
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
                where id = ? and version = ?
                """)
            .params(
                m.name(),
                m.amount().amountMinor(),
                m.state().name(),
                m.disputed(),
                Timestamp.from(at),
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

  public Optional<Stored> find(UUID id) {
    return jdbc.sql("select * from milestone where id = ?")
        .param(id)
        .query((rs, i) -> new Stored(milestone(rs), rs.getInt("version")))
        .optional();
  }

  /** A milestone, its row locked until the transaction ends. */
  public Optional<Milestone> lock(UUID id) {
    return jdbc.sql("select * from milestone where id = ? for update")
        .param(id)
        .query((rs, i) -> milestone(rs))
        .optional();
  }

  public List<Milestone> ofProject(UUID projectId, Paging paging) {
    return jdbc.sql(
            "select * from milestone where project_id = ? order by position_no limit ? offset ?")
        .params(projectId, paging.size(), paging.offset())
        .query((rs, i) -> milestone(rs))
        .list();
  }

  public long countOfProject(UUID projectId) {
    return jdbc.sql("select count(*) from milestone where project_id = ?")
        .param(projectId)
        .query(Long.class)
        .single();
  }

  /** Whether every milestone of a project is still PLANNED, undisputed and never moved. */
  public boolean allUntouched(UUID projectId) {
    return jdbc.sql(
                """
                select count(*) from milestone m where m.project_id = ?
                and (m.state <> 'PLANNED' or m.disputed
                     or exists (select 1 from milestone_transition t where t.milestone_id = m.id))
                """)
            .param(projectId)
            .query(Long.class)
            .single()
        == 0;
  }

  public void deleteOfProject(UUID projectId) {
    jdbc.sql("delete from milestone where project_id = ?").param(projectId).update();
  }

  public int nextPosition(UUID projectId) {
    return jdbc.sql("select coalesce(max(position_no), 0) + 1 from milestone where project_id = ?")
        .param(projectId)
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
