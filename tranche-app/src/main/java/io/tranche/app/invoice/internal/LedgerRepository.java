package io.tranche.app.invoice.internal;

import io.tranche.app.invoice.PostingView;
import io.tranche.app.platform.MoneyJson;
import io.tranche.core.ledger.Account;
import io.tranche.core.ledger.LedgerTransaction;
import io.tranche.core.ledger.Posting;
import io.tranche.core.money.Money;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The append-only {@code ledger_transaction} and {@code ledger_posting} tables. */
@Repository
public class LedgerRepository {
  private final JdbcClient jdbc;

  LedgerRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void append(UUID workspaceId, LedgerTransaction t) {
    jdbc.sql(
            "insert into ledger_transaction (id, workspace_id, kind, reference, occurred_at) values (?, ?, ?, ?, ?)")
        .params(t.id(), workspaceId, t.kind(), t.reference(), Timestamp.from(t.at()))
        .update();
    int i = 0;
    for (Posting p : t.postings()) {
      jdbc.sql(
              """
              insert into ledger_posting (transaction_id, position_no, workspace_id, account, amount_minor, currency)
              values (?, ?, ?, ?, ?, ?)
              """)
          .params(
              t.id(),
              i++,
              workspaceId,
              p.account().key(),
              p.amount().amountMinor(),
              p.amount().currency().getCurrencyCode())
          .update();
    }
  }

  /** An account's balance in a currency, summed from its postings. */
  public Money balance(UUID workspaceId, Account account, String currency) {
    long sum =
        jdbc.sql(
                "select coalesce(sum(amount_minor), 0) from ledger_posting where workspace_id = ? and account = ? and currency = ?")
            .params(workspaceId, account.key(), currency)
            .query(Long.class)
            .single();
    return Money.of(sum, currency);
  }

  /**
   * The postings of several references' transactions, each handed to {@code into} with its
   * transaction's reference, in the order of {@link #postings}.
   */
  public void postings(
      UUID workspaceId,
      List<UUID> references,
      java.util.function.BiConsumer<UUID, PostingView> into) {
    if (references.isEmpty()) {
      return;
    }
    jdbc.sql(
            """
            select t.id, t.kind, t.occurred_at, p.account, p.amount_minor, p.currency, t.reference
            from ledger_transaction t join ledger_posting p on p.transaction_id = t.id
            where t.workspace_id = :workspace and t.reference in (:refs)
            order by t.occurred_at, t.id, p.position_no
            """)
        .param("workspace", workspaceId)
        .param("refs", references)
        .query(
            (org.springframework.jdbc.core.RowCallbackHandler)
                rs ->
                    into.accept(
                        rs.getObject(7, UUID.class),
                        new PostingView(
                            rs.getObject(1, UUID.class),
                            rs.getString(2),
                            rs.getTimestamp(3).toInstant(),
                            rs.getString(4),
                            new MoneyJson(rs.getLong(5), rs.getString(6).trim()))));
  }

  /** The postings of the transactions that reference any of {@code references}. */
  public List<PostingView> postings(UUID workspaceId, List<UUID> references) {
    List<PostingView> out = new java.util.ArrayList<>();
    postings(workspaceId, references, (reference, posting) -> out.add(posting));
    return out;
  }

  /**
   * The credit a client holds, per currency, as positive amounts (credits are negative postings);
   * currencies where none is held are left out, and so are those where a refund took back credit
   * the client had already spent (the client owes that; it is no credit to show or use).
   */
  public List<MoneyJson> credit(UUID workspaceId, UUID clientId) {
    return jdbc.sql(
            """
            select currency, -sum(amount_minor) from ledger_posting
            where workspace_id = ? and account = ?
            group by currency having sum(amount_minor) < 0 order by currency
            """)
        .params(workspaceId, Account.clientCredit(clientId).key())
        .query((rs, i) -> new MoneyJson(rs.getLong(2), rs.getString(1).trim()))
        .list();
  }

  /**
   * What a payment put into its client's credit when it arrived (the part beyond what its invoice
   * had open, or all of it when the invoice no longer asked for money), in minor units.
   */
  public long creditFromPayment(UUID workspaceId, UUID paymentId) {
    return jdbc.sql(
            """
            select coalesce(-sum(p.amount_minor), 0)
            from ledger_transaction t join ledger_posting p on p.transaction_id = t.id
            where t.workspace_id = ? and t.reference = ? and t.kind = 'payment.received'
              and p.account like 'CLIENT_CREDIT:%'
            """)
        .params(workspaceId, paymentId)
        .query(Long.class)
        .single();
  }

  /** The credit a client holds in one currency, in minor units (0 when none). */
  public long creditHeld(UUID workspaceId, UUID clientId, String currency) {
    return -balance(workspaceId, Account.clientCredit(clientId), currency).amountMinor();
  }

  /**
   * Holds the client's row until the transaction ends, so two uses of the client's credit at once
   * cannot both spend it.
   */
  public void lockCredit(UUID workspaceId, UUID clientId) {
    jdbc.sql("select id from client where workspace_id = ? and id = ? for update")
        .params(workspaceId, clientId)
        .query(UUID.class)
        .optional();
  }

  /** Every client's receivable balance (non-zero ones), by client id. */
  public java.util.Map<UUID, MoneyJson> receivables(UUID workspaceId) {
    java.util.Map<UUID, MoneyJson> out = new java.util.LinkedHashMap<>();
    jdbc.sql(
            """
            select account, currency, sum(amount_minor) from ledger_posting
            where workspace_id = ? and account like 'RECEIVABLE:%'
            group by account, currency having sum(amount_minor) <> 0 order by account
            """)
        .param(workspaceId)
        .query(
            rs -> {
              out.put(
                  UUID.fromString(rs.getString(1).substring("RECEIVABLE:".length())),
                  new MoneyJson(rs.getLong(3), rs.getString(2).trim()));
            });
    return out;
  }

  /** Per currency, the sum of all postings of a workspace (zero when the ledger balances). */
  public List<Long> sumsPerCurrency(UUID workspaceId) {
    return jdbc.sql(
            "select sum(amount_minor) from ledger_posting where workspace_id = ? group by currency")
        .param(workspaceId)
        .query(Long.class)
        .list();
  }
}
