package io.tranche.app.dunning.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code dunning_step}, {@code stop_work} and {@code dunning_plan} tables. */
@Repository
public class DunningRepository {
  private final JdbcClient jdbc;

  DunningRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** An unpaid invoice the pass looks at: what the schedule needs, nothing more. */
  public record Candidate(
      UUID id,
      UUID workspaceId,
      UUID projectId,
      UUID clientId,
      String number,
      LocalDate dueOn,
      boolean disputed,
      String timeZone) {}

  /**
   * The next batch of unpaid invoices (issued or partly paid, not a late fee themselves) due on or
   * before {@code until}, after {@code after} in id order: the pass walks them by keyset, a batch
   * at a time, so its memory does not grow with their number.
   */
  @io.tranche.app.platform.CrossWorkspace("the dunning pass walks every workspace's invoices")
  public List<Candidate> unpaid(LocalDate until, @Nullable UUID after, int limit) {
    String sql =
        """
        select i.id, i.workspace_id, i.project_id, i.client_id, i.number, i.due_on,
               coalesce(m.disputed, false) as disputed, w.time_zone
        from invoice i join workspace w on w.id = i.workspace_id
        left join milestone m on m.id = i.milestone_id and m.workspace_id = i.workspace_id
        where i.state in ('ISSUED', 'PARTIALLY_PAID') and i.due_on <= :until
          and i.late_fee_for is null %s
        order by i.id
        fetch first :limit rows only
        """
            .formatted(after == null ? "" : "and i.id > :after");
    var statement = jdbc.sql(sql).param("until", Date.valueOf(until)).param("limit", limit);
    if (after != null) {
      statement = statement.param("after", after);
    }
    return statement
        .query(
            (rs, n) ->
                new Candidate(
                    rs.getObject(1, UUID.class),
                    rs.getObject(2, UUID.class),
                    rs.getObject(3, UUID.class),
                    rs.getObject(4, UUID.class),
                    rs.getString(5),
                    rs.getDate(6).toLocalDate(),
                    rs.getBoolean(7),
                    rs.getString(8)))
        .list();
  }

  /** The steps taken for each of a batch's invoices (one statement for the batch). */
  public Map<UUID, Set<Integer>> taken(List<Candidate> batch) {
    Map<UUID, Set<Integer>> taken = new HashMap<>();
    if (batch.isEmpty()) {
      return taken;
    }
    jdbc.sql(
            """
            select invoice_id, step from dunning_step
            where workspace_id in (:workspaces) and invoice_id in (:ids)
            """)
        .param("workspaces", batch.stream().map(Candidate::workspaceId).distinct().toList())
        .param("ids", batch.stream().map(Candidate::id).toList())
        .query(
            rs -> {
              taken
                  .computeIfAbsent(rs.getObject(1, UUID.class), k -> new HashSet<>())
                  .add(rs.getInt(2));
            });
    return taken;
  }

  /**
   * Records a step as taken; false when it already was (by another node, or before a restart): the
   * primary key decides, so each step is taken once.
   */
  public boolean take(
      UUID workspaceId,
      UUID invoiceId,
      int step,
      LocalDate dueOn,
      Instant at,
      boolean stopWork,
      boolean demandLetter,
      String channel) {
    return jdbc.sql(
                """
                insert into dunning_step (workspace_id, invoice_id, step, due_on, taken_at,
                                          stop_work, demand_letter, channel)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict do nothing
                """)
            .params(
                workspaceId,
                invoiceId,
                step,
                Date.valueOf(dueOn),
                Timestamp.from(at),
                stopWork,
                demandLetter,
                channel)
            .update()
        == 1;
  }

  public void lateFeeInvoice(UUID workspaceId, UUID invoiceId, int step, UUID feeInvoice) {
    jdbc.sql(
            """
            update dunning_step set late_fee_invoice_id = ?
            where workspace_id = ? and invoice_id = ? and step = ?
            """)
        .params(feeInvoice, workspaceId, invoiceId, step)
        .update();
  }

  /** A step as the reminder history shows it. */
  public record Taken(
      UUID invoiceId,
      int step,
      LocalDate dueOn,
      Instant at,
      @Nullable UUID lateFeeInvoiceId,
      boolean stopWork,
      boolean demandLetter,
      String channel) {
    /** Whether the client got it as a letter (posted by the vendor) rather than by email. */
    public boolean byLetter() {
      return "LETTER".equals(channel);
    }
  }

  public List<Taken> history(UUID workspaceId, UUID invoiceId) {
    return jdbc.sql(
            """
            select invoice_id, step, due_on, taken_at, late_fee_invoice_id, stop_work,
                   demand_letter, channel
            from dunning_step where workspace_id = ? and invoice_id = ? and step >= 0
            order by step
            """)
        .params(workspaceId, invoiceId)
        .query(DunningRepository::taken)
        .list();
  }

  /** The histories of several invoices (one statement for a page of invoices), by step. */
  public List<Taken> history(UUID workspaceId, List<UUID> invoiceIds) {
    if (invoiceIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            """
            select invoice_id, step, due_on, taken_at, late_fee_invoice_id, stop_work,
                   demand_letter, channel
            from dunning_step
            where workspace_id = :workspace and invoice_id in (:ids) and step >= 0
            order by invoice_id, step
            """)
        .param("workspace", workspaceId)
        .param("ids", invoiceIds)
        .query(DunningRepository::taken)
        .list();
  }

  private static Taken taken(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new Taken(
        rs.getObject(1, UUID.class),
        rs.getInt(2),
        rs.getDate(3).toLocalDate(),
        rs.getTimestamp(4).toInstant(),
        rs.getObject(5, UUID.class),
        rs.getBoolean(6),
        rs.getBoolean(7),
        rs.getString(8));
  }

  /** The last step taken for each invoice of a workspace that has one. */
  public Map<UUID, Integer> lastSteps(UUID workspaceId) {
    Map<UUID, Integer> last = new HashMap<>();
    jdbc.sql(
            """
            select invoice_id, max(step) from dunning_step where workspace_id = ?
            group by invoice_id
            """)
        .param(workspaceId)
        .query(
            rs -> {
              last.put(rs.getObject(1, UUID.class), rs.getInt(2));
            });
    return last;
  }

  /** Puts a project in stop-work for an invoice (once); true when this call did. */
  public boolean stopWork(UUID workspaceId, UUID projectId, UUID invoiceId, Instant at) {
    return jdbc.sql(
                """
                insert into stop_work (workspace_id, project_id, invoice_id, since)
                values (?, ?, ?, ?)
                on conflict do nothing
                """)
            .params(workspaceId, projectId, invoiceId, Timestamp.from(at))
            .update()
        == 1;
  }

  /** Lifts the stop-work an invoice caused; true when it was in force. */
  public boolean lift(UUID workspaceId, UUID invoiceId, Instant at) {
    return jdbc.sql(
                """
                update stop_work set lifted_at = ?
                where workspace_id = ? and invoice_id = ? and lifted_at is null
                """)
            .params(Timestamp.from(at), workspaceId, invoiceId)
            .update()
        > 0;
  }

  /** The stop-work in force on a project: since when, for which invoice (the oldest). */
  public record Stop(UUID invoiceId, Instant since) {}

  public Optional<Stop> stopOf(UUID workspaceId, UUID projectId) {
    return jdbc.sql(
            """
            select invoice_id, since from stop_work
            where workspace_id = ? and project_id = ? and lifted_at is null
            order by since fetch first 1 rows only
            """)
        .params(workspaceId, projectId)
        .query((rs, n) -> new Stop(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant()))
        .optional();
  }

  /** The project an invoice's stop-work holds, when in force. */
  public Optional<UUID> stoppedProject(UUID workspaceId, UUID invoiceId) {
    return jdbc.sql(
            """
            select project_id from stop_work
            where workspace_id = ? and invoice_id = ? and lifted_at is null
            """)
        .params(workspaceId, invoiceId)
        .query(UUID.class)
        .optional();
  }

  // plans

  /** The project a contract of the workspace belongs to. */
  public Optional<UUID> projectOfContract(UUID workspaceId, UUID contractId) {
    return jdbc.sql("select project_id from contract where workspace_id = ? and id = ?")
        .params(workspaceId, contractId)
        .query(UUID.class)
        .optional();
  }

  public Optional<String> plan(UUID workspaceId, String scope, UUID scopeId) {
    return jdbc.sql(
            "select plan from dunning_plan where workspace_id = ? and scope = ? and scope_id = ?")
        .params(workspaceId, scope, scopeId)
        .query(String.class)
        .optional();
  }

  public void savePlan(
      UUID workspaceId, String scope, UUID scopeId, String plan, Instant at, String by) {
    int updated =
        jdbc.sql(
                """
                update dunning_plan set plan = ?, updated_at = ?, updated_by = ?
                where workspace_id = ? and scope = ? and scope_id = ?
                """)
            .params(plan, Timestamp.from(at), by, workspaceId, scope, scopeId)
            .update();
    if (updated == 0) {
      jdbc.sql(
              """
              insert into dunning_plan (workspace_id, scope, scope_id, plan, updated_at, updated_by)
              values (?, ?, ?, ?, ?, ?)
              """)
          .params(workspaceId, scope, scopeId, plan, Timestamp.from(at), by)
          .update();
    }
  }

  public boolean deletePlan(UUID workspaceId, String scope, UUID scopeId) {
    return jdbc.sql(
                "delete from dunning_plan where workspace_id = ? and scope = ? and scope_id = ?")
            .params(workspaceId, scope, scopeId)
            .update()
        > 0;
  }

  /**
   * The plans that bear on a batch's invoices, one statement: each workspace's own, its clients',
   * and its contracts' (by the project the contract belongs to, the latest contract first).
   */
  public record Plans(
      Map<UUID, String> workspaces, Map<UUID, String> clients, Map<UUID, String> projects) {}

  @io.tranche.app.platform.CrossWorkspace("one statement for a batch spanning workspaces")
  public Plans plans(Set<UUID> workspaceIds) {
    Map<UUID, String> workspaces = new HashMap<>();
    Map<UUID, String> clients = new HashMap<>();
    Map<UUID, String> projects = new HashMap<>();
    if (workspaceIds.isEmpty()) {
      return new Plans(workspaces, clients, projects);
    }
    jdbc.sql(
            """
            select p.scope, p.scope_id, p.plan, c.project_id
            from dunning_plan p
            left join contract c on p.scope = 'CONTRACT' and c.id = p.scope_id
                                 and c.workspace_id = p.workspace_id
            where p.workspace_id in (:ids)
            order by c.created_at
            """)
        .param("ids", workspaceIds)
        .query(
            rs -> {
              String scope = rs.getString(1);
              UUID id = rs.getObject(2, UUID.class);
              String plan = rs.getString(3);
              switch (scope) {
                case "WORKSPACE" -> workspaces.put(id, plan);
                case "CLIENT" -> clients.put(id, plan);
                default -> {
                  UUID project = rs.getObject(4, UUID.class);
                  if (project != null) {
                    projects.put(project, plan);
                  }
                }
              }
            });
    return new Plans(workspaces, clients, projects);
  }
}
