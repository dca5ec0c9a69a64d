package io.tranche.app.invoice.internal;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Numbers that run per workspace and year without gaps (invoices, credit notes), kept in a counter
 * table of {@code (workspace_id, <year column>, last_seq)}. The counter row is locked for the rest
 * of the transaction, so concurrent issues get consecutive numbers and a rolled-back issue leaves
 * no gap.
 */
final class YearSequence {
  private final JdbcClient jdbc;
  private final String table;
  private final String yearColumn;

  /** {@code table} and {@code yearColumn} are our own names, never input. */
  YearSequence(JdbcClient jdbc, String table, String yearColumn) {
    this.jdbc = jdbc;
    this.table = table;
    this.yearColumn = yearColumn;
  }

  long next(UUID workspaceId, int year) {
    jdbc.sql(
            "insert into "
                + table
                + " (workspace_id, "
                + yearColumn
                + ", last_seq) values (?, ?, 0) on conflict do nothing")
        .params(workspaceId, year)
        .update();
    long last =
        jdbc.sql(
                "select last_seq from "
                    + table
                    + " where workspace_id = ? and "
                    + yearColumn
                    + " = ? for update")
            .params(workspaceId, year)
            .query(Long.class)
            .single();
    jdbc.sql(
            "update "
                + table
                + " set last_seq = ? where workspace_id = ? and "
                + yearColumn
                + " = ?")
        .params(last + 1, workspaceId, year)
        .update();
    return last + 1;
  }
}
