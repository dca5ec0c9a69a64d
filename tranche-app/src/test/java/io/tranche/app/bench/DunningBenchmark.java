package io.tranche.app.bench;

import io.tranche.app.dunning.DunningPass;
import io.tranche.app.support.Fixtures.World;
import io.tranche.app.support.IntegrationTest;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A benchmark, not a test (no suite runs it): {@code scripts/bench-dunning} runs it against a fresh
 * PostgreSQL database. It makes {@code bench.workspaces} workspaces (1,000) holding {@code
 * bench.invoices} unpaid invoices (100,000) due from 60 days ago to 29 days ahead, with the steps
 * of the default plan whose day has passed already taken, as on any ordinary day; then it times one
 * dunning pass, which walks them all and takes the steps due today (the overdue notice, and the
 * reminders of the invoices exactly 10, 20 and 30 days late, with stop-work and the demand letter
 * at 30). It prints {@code dunning_pass_s}, what the pass did and the peak heap during it.
 */
class DunningBenchmark extends IntegrationTest {
  @Autowired DunningPass pass;
  @Autowired DataSource dataSource;

  @Test
  void onePassOverManyUnpaidInvoices() throws Exception {
    int workspaces = Integer.getInteger("bench.workspaces", 1000);
    int invoices = Integer.getInteger("bench.invoices", 100_000);
    List<World> worlds = new ArrayList<>();
    for (int w = 0; w < workspaces; w++) {
      worlds.add(fixtures.world("dunning-bench-" + w));
    }
    LocalDate today = clock.instant().atZone(ZoneOffset.UTC).toLocalDate();
    long setup = System.nanoTime();
    insert(worlds, invoices, today);
    System.out.printf("setup_s: %.1f%n", (System.nanoTime() - setup) / 1e9);

    System.gc();
    List<MemoryPoolMXBean> heap =
        ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP)
            .toList();
    long before = heap.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
    heap.forEach(MemoryPoolMXBean::resetPeakUsage);
    long start = System.nanoTime();
    DunningPass.Result result = pass.run();
    double seconds = (System.nanoTime() - start) / 1e9;
    long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    System.out.printf("dunning_pass_s: %.1f s%n", seconds);
    System.out.printf("invoices_walked: %d invoices%n", result.invoices());
    System.out.printf("steps_taken: %d steps%n", result.steps());
    System.gc();
    long after = heap.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
    System.out.printf("heap_before_pass: %.0f MiB%n", before / 1048576.0);
    System.out.printf("dunning_peak_heap: %.0f MiB%n", peak / 1048576.0);
    System.out.printf("heap_after_pass: %.0f MiB%n", after / 1048576.0);
    System.out.printf("max_heap: %.0f MiB%n", Runtime.getRuntime().maxMemory() / 1048576.0);
    System.out.printf(
        "bench_workspaces: %d%nbench_invoices: %d%njava: %s%n",
        workspaces, invoices, Runtime.version());
  }

  /**
   * Invoices (one line of 100.00 EUR each) spread over the workspaces, due from 60 days ago on, and
   * for each the default plan's steps of days before today (the overdue notice, -1, the day after
   * the due date; reminders on days 10, 20, 30), in batches of 1,000 rows.
   */
  private void insert(List<World> worlds, int invoices, LocalDate today) throws Exception {
    Timestamp now = Timestamp.from(Instant.now());
    try (var c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement invoice =
              c.prepareStatement(
                  "insert into invoice (id, workspace_id, project_id, client_id, number, state,"
                      + " currency, issued_on, due_on, paid_minor, credited_minor, created_at)"
                      + " values (?, ?, ?, ?, ?, 'ISSUED', 'EUR', ?, ?, 0, 0, ?)");
          PreparedStatement line =
              c.prepareStatement(
                  "insert into invoice_line (invoice_id, position_no, description, quantity,"
                      + " unit_minor, tax_bp) values (?, 1, 'Work', 1, 10000, 0)");
          PreparedStatement step =
              c.prepareStatement(
                  "insert into dunning_step (workspace_id, invoice_id, step, due_on, taken_at,"
                      + " stop_work, demand_letter) values (?, ?, ?, ?, ?, ?, ?)")) {
        for (int i = 0; i < invoices; i++) {
          World w = worlds.get(i % worlds.size());
          UUID id = UUID.randomUUID();
          LocalDate due = today.minusDays(60).plusDays(i % 90);
          invoice.setObject(1, id);
          invoice.setObject(2, w.owner().workspaceId());
          invoice.setObject(3, w.project().id());
          invoice.setObject(4, w.client().id());
          invoice.setString(5, "B-" + i);
          invoice.setDate(6, Date.valueOf(due.minusDays(14)));
          invoice.setDate(7, Date.valueOf(due));
          invoice.setTimestamp(8, now);
          invoice.addBatch();
          line.setObject(1, id);
          line.addBatch();
          long late = today.toEpochDay() - due.toEpochDay();
          int[][] stages = {{-1, 1}, {1, 10}, {2, 20}, {3, 30}};
          for (int[] s : stages) {
            if (late > s[1]) {
              step.setObject(1, w.owner().workspaceId());
              step.setObject(2, id);
              step.setInt(3, s[0]);
              step.setDate(4, Date.valueOf(due));
              step.setTimestamp(5, now);
              step.setBoolean(6, s[0] == 3);
              step.setBoolean(7, s[0] == 3);
              step.addBatch();
            }
          }
          if (i % 1000 == 999 || i == invoices - 1) {
            invoice.executeBatch();
            line.executeBatch();
            step.executeBatch();
            c.commit();
          }
        }
      }
    }
  }
}
