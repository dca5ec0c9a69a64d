package io.tranche.app.invoice.internal;

import io.tranche.app.platform.CrossWorkspace;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Migration 36 (a Java migration: the next SQL migration is V37). An invoice's paid amount used to
 * include what a payment brought beyond what was open, which the ledger also booked as the client's
 * credit, and a refund reopened the invoice by all it gave back (booked to the receivable) while
 * that credit stayed. Now paid counts only what settled the invoice and a refund takes the
 * payment's credit share back first; this brings what the old rule recorded to what the new one
 * would have.
 *
 * <p>Per payment with a credit share {@code c} (the credit posting of its {@code payment.received})
 * and refunded so far {@code R} (what its old {@code payment.refunded} rows put on the receivable,
 * which also counts refunds from before payments kept a refunded total): the new rule takes {@code
 * min(R, c)} of its refunds from the credit, so that much moves from the receivable to the credit
 * in the ledger; paid changes by {@code min(R, c) - c} for a payment that settled part of its
 * invoice and by {@code min(R, c)} for one kept wholly as credit; and the invoice's state follows
 * its paid amount again, as {@code Invoice} decides it (a written-off invoice stays written off).
 *
 * <p>Two things it does not redo. A release that an old refund of credit alone cancelled or marked
 * as taken back stays so. And the credit share is what the ledger computed when the payment came,
 * against the old paid amount: where several payments and refunds interleaved on one invoice, the
 * result can leave the invoice open while its client holds credit; each such invoice is logged, and
 * applying the client's credit to it settles it.
 *
 * <p>Plain JDBC on Flyway's connection, in Flyway's transaction; the statements span every
 * workspace, as a migration does.
 */
@Component
public class PaidWithoutExcessMigration implements JavaMigration {
  static final String REBOOKED = "payment.refund-rebooked";
  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(PaidWithoutExcessMigration.class);

  @Override
  public MigrationVersion getVersion() {
    return MigrationVersion.fromVersion("36");
  }

  @Override
  public String getDescription() {
    return "invoice paid without excess";
  }

  @Override
  public @Nullable Integer getChecksum() {
    return null;
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }

  @Override
  public void migrate(Context context) throws SQLException {
    apply(context.getConnection(), Instant.now());
  }

  private record Share(
      UUID payment,
      UUID invoice,
      UUID workspace,
      UUID client,
      String currency,
      long credit,
      long refunded,
      boolean settled) {
    long takenBack() {
      return Math.min(refunded, credit);
    }

    long paidChange() {
      return takenBack() - (settled ? credit : 0);
    }
  }

  /** Applies the change on {@code connection}, in the caller's transaction (public for tests). */
  @CrossWorkspace("a migration brings every workspace's data to the new rule")
  public static void apply(Connection connection, Instant now) throws SQLException {
    List<Share> shares = new ArrayList<>();
    try (PreparedStatement s =
            connection.prepareStatement(
                """
                select p.id, p.invoice_id, p.workspace_id, p.client_id, p.currency,
                       (select coalesce(sum(r.amount_minor), 0)
                        from ledger_transaction t join ledger_posting r on r.transaction_id = t.id
                        where t.reference = p.id and t.kind = 'payment.refunded'
                          and r.account like 'RECEIVABLE:%'),
                       (select coalesce(-sum(c.amount_minor), 0)
                        from ledger_transaction t join ledger_posting c on c.transaction_id = t.id
                        where t.reference = p.id and t.kind = 'payment.received'
                          and c.account like 'CLIENT_CREDIT:%'),
                       (select count(*)
                        from ledger_transaction t join ledger_posting r on r.transaction_id = t.id
                        where t.reference = p.id and t.kind = 'payment.received'
                          and r.account like 'RECEIVABLE:%' and r.amount_minor <> 0)
                from payment p
                """);
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        long credit = rs.getLong(7);
        if (credit > 0) {
          shares.add(
              new Share(
                  rs.getObject(1, UUID.class),
                  rs.getObject(2, UUID.class),
                  rs.getObject(3, UUID.class),
                  rs.getObject(4, UUID.class),
                  rs.getString(5).trim(),
                  credit,
                  rs.getLong(6),
                  rs.getLong(8) > 0));
        }
      }
    }
    Map<UUID, Long> paidChanges = new LinkedHashMap<>();
    Map<UUID, Share> byInvoice = new LinkedHashMap<>();
    for (Share share : shares) {
      paidChanges.merge(share.invoice(), share.paidChange(), Long::sum);
      byInvoice.putIfAbsent(share.invoice(), share);
      if (share.takenBack() > 0) {
        rebook(connection, share, now);
      }
    }
    for (Map.Entry<UUID, Long> change : paidChanges.entrySet()) {
      try (PreparedStatement s =
          connection.prepareStatement(
              "update invoice set paid_minor = paid_minor + ? where id = ?")) {
        s.setLong(1, change.getValue());
        s.setObject(2, change.getKey());
        s.executeUpdate();
      }
      if (restate(connection, change.getKey())
          && creditHeld(
                  connection, java.util.Objects.requireNonNull(byInvoice.get(change.getKey())))
              > 0) {
        LOG.warn(
            "invoice {} is open after migration 36 while its client holds credit: apply the"
                + " client's credit to it",
            change.getKey());
      }
    }
  }

  private static long creditHeld(Connection connection, Share share) throws SQLException {
    try (PreparedStatement s =
        connection.prepareStatement(
            "select coalesce(-sum(amount_minor), 0) from ledger_posting"
                + " where workspace_id = ? and account = ? and currency = ?")) {
      s.setObject(1, share.workspace());
      s.setString(2, "CLIENT_CREDIT:" + share.client());
      s.setString(3, share.currency());
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 0;
      }
    }
  }

  /** Moves what the old rule's refunds put back on the receivable to the client's credit. */
  private static void rebook(Connection connection, Share share, Instant now) throws SQLException {
    UUID transaction = UUID.randomUUID();
    try (PreparedStatement s =
        connection.prepareStatement(
            "insert into ledger_transaction (id, workspace_id, kind, reference, occurred_at)"
                + " values (?, ?, ?, ?, ?)")) {
      s.setObject(1, transaction);
      s.setObject(2, share.workspace());
      s.setString(3, REBOOKED);
      s.setObject(4, share.payment());
      s.setTimestamp(5, Timestamp.from(now));
      s.executeUpdate();
    }
    posting(connection, transaction, 0, share, "CLIENT_CREDIT:", share.takenBack());
    posting(connection, transaction, 1, share, "RECEIVABLE:", -share.takenBack());
  }

  private static void posting(
      Connection connection,
      UUID transaction,
      int position,
      Share share,
      String account,
      long minor)
      throws SQLException {
    try (PreparedStatement s =
        connection.prepareStatement(
            "insert into ledger_posting (transaction_id, position_no, workspace_id, account,"
                + " amount_minor, currency) values (?, ?, ?, ?, ?, ?)")) {
      s.setObject(1, transaction);
      s.setInt(2, position);
      s.setObject(3, share.workspace());
      s.setString(4, account + share.client());
      s.setLong(5, minor);
      s.setString(6, share.currency());
      s.executeUpdate();
    }
  }

  /**
   * Sets the state from the paid amount as {@code Invoice.settle} does, for invoices that take
   * payments (issued, partly paid, paid); the total is what the invoice's issue put on the
   * receivable. An invoice that was written off and has nothing open is written off again (an old
   * refund of credit had reopened it). Says whether the invoice is left open.
   */
  private static boolean restate(Connection connection, UUID invoice) throws SQLException {
    try (PreparedStatement s =
        connection.prepareStatement(
            """
            select i.state, i.paid_minor, i.credited_minor,
                   (select coalesce(sum(r.amount_minor), 0)
                    from ledger_transaction t join ledger_posting r on r.transaction_id = t.id
                    where t.reference = i.id and t.kind = 'invoice.issued'
                      and r.account like 'RECEIVABLE:%'),
                   (select count(*) from ledger_transaction t
                    where t.reference = i.id and t.kind = 'invoice.written-off')
            from invoice i where i.id = ?
            """)) {
      s.setObject(1, invoice);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next() || !List.of("ISSUED", "PARTIALLY_PAID", "PAID").contains(rs.getString(1))) {
          return false;
        }
        long paid = rs.getLong(2);
        boolean owed = rs.getLong(4) - paid - rs.getLong(3) > 0;
        boolean writtenOff = rs.getLong(5) > 0;
        String state =
            owed
                ? (paid != 0 ? "PARTIALLY_PAID" : "ISSUED")
                : writtenOff ? "WRITTEN_OFF" : (paid != 0 ? "PAID" : "CREDITED");
        try (PreparedStatement u =
            connection.prepareStatement("update invoice set state = ? where id = ?")) {
          u.setString(1, state);
          u.setObject(2, invoice);
          u.executeUpdate();
        }
        return owed;
      }
    }
  }
}
