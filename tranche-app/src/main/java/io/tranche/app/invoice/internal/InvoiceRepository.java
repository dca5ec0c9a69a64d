package io.tranche.app.invoice.internal;

import io.tranche.app.invoice.PaymentView;
import io.tranche.app.invoice.UnknownPayment;
import io.tranche.app.platform.CrossWorkspace;
import io.tranche.app.platform.MoneyJson;
import io.tranche.app.platform.PageOf;
import io.tranche.app.platform.Paging;
import io.tranche.core.invoice.Invoice;
import io.tranche.core.invoice.InvoiceLine;
import io.tranche.core.invoice.InvoiceState;
import io.tranche.core.money.Money;
import io.tranche.core.payment.PaymentStatus;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code invoice}, {@code invoice_line}, {@code invoice_counter} and {@code payment} tables.
 */
@Repository
public class InvoiceRepository {
  private final JdbcClient jdbc;

  private final YearSequence numbers;
  private final YearSequence receiptNumbers;

  InvoiceRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
    this.numbers = new YearSequence(jdbc, "invoice_counter", "invoice_year");
    this.receiptNumbers = new YearSequence(jdbc, "receipt_counter", "receipt_year");
  }

  /**
   * Gives a payment its receipt's number, {@code R-<year>-<seq>} (see {@link YearSequence}), unless
   * it has one, and keeps what was paid on its invoice so far and what was still open after it, for
   * the receipt to show as they stood; answers the payment's number. A payment numbered before
   * keeps its number and figures.
   */
  public String issueReceiptNumber(
      UUID workspaceId, UUID paymentId, int year, Money paidSoFar, Money stillOpen) {
    java.util.Optional<String> known =
        jdbc.sql(
                "select receipt_number from payment where workspace_id = ? and id = ? and receipt_number is not null")
            .params(workspaceId, paymentId)
            .query(String.class)
            .optional();
    if (known.isPresent()) {
      return known.get();
    }
    String number = String.format("R-%d-%04d", year, receiptNumbers.next(workspaceId, year));
    jdbc.sql(
            """
            update payment set receipt_number = ?, receipt_paid_minor = ?, receipt_open_minor = ?
            where workspace_id = ? and id = ?
            """)
        .params(number, paidSoFar.amountMinor(), stillOpen.amountMinor(), workspaceId, paymentId)
        .update();
    return number;
  }

  /**
   * What a payment's receipt says was paid on its invoice so far and still open, if it was kept.
   */
  public Optional<ReceiptFigures> receiptFigures(UUID workspaceId, UUID paymentId) {
    return jdbc.sql(
            """
            select receipt_paid_minor, receipt_open_minor, currency from payment
            where workspace_id = ? and id = ? and receipt_paid_minor is not null
            """)
        .params(workspaceId, paymentId)
        .query(
            (rs, row) ->
                new ReceiptFigures(
                    new MoneyJson(rs.getLong(1), rs.getString(3).trim()),
                    new MoneyJson(rs.getLong(2), rs.getString(3).trim())))
        .optional();
  }

  /** An invoice's paid and open amounts as a receipt gives them. */
  public record ReceiptFigures(MoneyJson paidSoFar, MoneyJson stillOpen) {}

  /** The next number of a workspace's invoices in a year (see {@link YearSequence}). */
  public long nextSequence(UUID workspaceId, int year) {
    return numbers.next(workspaceId, year);
  }

  public void insert(Invoice i, Instant at) {
    jdbc.sql(
            """
            insert into invoice (id, workspace_id, project_id, client_id, milestone_id, number, state,
                                 currency, issued_on, due_on, paid_minor, credited_minor, created_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            i.id(),
            i.workspaceId(),
            i.projectId(),
            i.clientId(),
            i.milestoneId(),
            i.number(),
            i.state().name(),
            i.total().currency().getCurrencyCode(),
            date(i.issuedOn()),
            date(i.dueOn()),
            i.paid().amountMinor(),
            i.credited().amountMinor(),
            Timestamp.from(at))
        .update();
    int n = 0;
    for (InvoiceLine l : i.lines()) {
      jdbc.sql(
              """
              insert into invoice_line (invoice_id, position_no, description, quantity, unit_minor, tax_bp)
              values (?, ?, ?, ?, ?, ?)
              """)
          .params(
              i.id(),
              n++,
              l.description(),
              l.quantity(),
              l.unitPrice().amountMinor(),
              l.taxRateBasisPoints())
          .update();
    }
  }

  /** Stores the new amounts and state if the row still has {@code expected}'s amounts. */
  public boolean update(Invoice expected, Invoice next) {
    return jdbc.sql(
                """
                update invoice set state = ?, paid_minor = ?, credited_minor = ?
                where workspace_id = ? and id = ? and paid_minor = ? and credited_minor = ?
                  and state = ?
                """)
            .params(
                next.state().name(),
                next.paid().amountMinor(),
                next.credited().amountMinor(),
                expected.workspaceId(),
                next.id(),
                expected.paid().amountMinor(),
                expected.credited().amountMinor(),
                expected.state().name())
            .update()
        == 1;
  }

  /**
   * The workspace of an invoice a provider's report names (our own metadata on the payment), in
   * whichever workspace it is; every other read of an invoice names its workspace.
   */
  @CrossWorkspace("a provider's report names the invoice, which names the workspace")
  public Optional<UUID> workspaceOfInvoice(UUID id) {
    return jdbc.sql("select workspace_id from invoice where id = ?")
        .param(id)
        .query(UUID.class)
        .optional();
  }

  /** An invoice of the workspace; none of another workspace's, whatever the id. */
  /** Marks an invoice as the late fee of another (such an invoice is never dunned itself). */
  public void markLateFee(UUID workspaceId, UUID id, UUID forInvoice) {
    jdbc.sql("update invoice set late_fee_for = ? where workspace_id = ? and id = ?")
        .params(forInvoice, workspaceId, id)
        .update();
  }

  public Optional<Invoice> find(UUID workspaceId, UUID id) {
    return jdbc.sql("select * from invoice where workspace_id = ? and id = ?")
        .params(workspaceId, id)
        .query((rs, i) -> head(rs))
        .optional()
        .map(h -> withLines(List.of(h)).get(0));
  }

  /**
   * The invoice with its row locked until the transaction ends: steps that must not interleave (two
   * reports of one payment) wait here, and then read what the other committed.
   */
  public Optional<Invoice> lock(UUID workspaceId, UUID id) {
    return jdbc.sql("select * from invoice where workspace_id = ? and id = ? for update")
        .params(workspaceId, id)
        .query((rs, i) -> head(rs))
        .optional()
        .map(h -> withLines(List.of(h)).get(0));
  }

  public List<Invoice> ofProject(UUID workspaceId, UUID projectId) {
    return withLines(
        jdbc.sql(
                "select * from invoice where workspace_id = ? and project_id = ? order by created_at, id")
            .params(workspaceId, projectId)
            .query((rs, i) -> head(rs))
            .list());
  }

  /** A project's invoices that still ask for money (issued or partly paid), oldest first. */
  public List<Invoice> owingOfProject(UUID workspaceId, UUID projectId) {
    return withLines(
        jdbc.sql(
                """
                select * from invoice where workspace_id = ? and project_id = ?
                  and state in ('ISSUED', 'PARTIALLY_PAID')
                order by created_at, id
                """)
            .params(workspaceId, projectId)
            .query((rs, i) -> head(rs))
            .list());
  }

  /**
   * The invoices of these projects that still ask for money (issued or partly paid), oldest first:
   * two statements for a whole page of projects.
   */
  public List<Invoice> owingOfProjects(UUID workspaceId, java.util.Collection<UUID> projectIds) {
    if (projectIds.isEmpty()) {
      return List.of();
    }
    return withLines(
        jdbc.sql(
                """
                select * from invoice where workspace_id = :workspace and project_id in (:ids)
                  and state in ('ISSUED', 'PARTIALLY_PAID') and number is not null
                order by created_at, id
                """)
            .param("workspace", workspaceId)
            .param("ids", projectIds)
            .query((rs, i) -> head(rs))
            .list());
  }

  /** One page of a project's invoices, oldest first (the deposit leads). */
  public PageOf<Invoice> ofProject(UUID workspaceId, UUID projectId, Paging paging) {
    long total =
        jdbc.sql("select count(*) from invoice where workspace_id = ? and project_id = ?")
            .params(workspaceId, projectId)
            .query(Long.class)
            .single();
    List<Head> items =
        jdbc.sql(
                "select * from invoice where workspace_id = ? and project_id = ?"
                    + " order by created_at, id limit ? offset ?")
            .params(workspaceId, projectId, paging.size(), paging.offset())
            .query((rs, i) -> head(rs))
            .list();
    return new PageOf<>(withLines(items), paging.page(), paging.size(), total);
  }

  /**
   * One page of a workspace's invoices, overdue first, then newest first; {@code state} (if given)
   * is the state as read on {@code today}, so OVERDUE selects issued or partly paid invoices past
   * their due date, and ISSUED or PARTIALLY_PAID only those not yet due.
   */
  public PageOf<Invoice> ofWorkspace(
      UUID workspaceId, @Nullable InvoiceState state, LocalDate today, Paging paging) {
    String overdue = "(state in ('ISSUED', 'PARTIALLY_PAID') and due_on < ?)";
    List<Object> params = new java.util.ArrayList<>(List.of(workspaceId));
    String where = "";
    if (state == InvoiceState.OVERDUE) {
      where += " and " + overdue;
      params.add(Date.valueOf(today));
    } else if (state != null) {
      where += " and state = ?";
      params.add(state.name());
      if (state == InvoiceState.ISSUED || state == InvoiceState.PARTIALLY_PAID) {
        where += " and not " + overdue;
        params.add(Date.valueOf(today));
      }
    }
    long total =
        jdbc.sql("select count(*) from invoice where workspace_id = ?" + where)
            .params(params)
            .query(Long.class)
            .single();
    List<Object> pageParams = new java.util.ArrayList<>(params);
    pageParams.addAll(List.of(Date.valueOf(today), paging.size(), paging.offset()));
    List<Head> items =
        jdbc.sql(
                "select * from invoice where workspace_id = ?"
                    + where
                    + " order by case when "
                    + overdue
                    + " then 0 else 1 end, created_at desc, id limit ? offset ?")
            .params(pageParams)
            .query((rs, i) -> head(rs))
            .list();
    return new PageOf<>(withLines(items), paging.page(), paging.size(), total);
  }

  public boolean existsForMilestone(UUID workspaceId, UUID milestoneId) {
    return jdbc.sql(
                "select count(*) from invoice where workspace_id = ? and milestone_id = ? and state <> 'VOID'")
            .params(workspaceId, milestoneId)
            .query(Long.class)
            .single()
        > 0;
  }

  public void insertPayment(
      UUID workspaceId,
      UUID clientId,
      PaymentView p,
      @Nullable String providerRef,
      String actor,
      Instant at) {
    jdbc.sql(
            """
            insert into payment (id, workspace_id, invoice_id, client_id, channel, amount_minor, currency,
                                 status, received_on, reference, recorded_by, created_at, provider_ref)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            p.id(),
            workspaceId,
            p.invoiceId(),
            clientId,
            p.channel(),
            p.amount().amountMinor(),
            p.amount().currency(),
            p.status(),
            Date.valueOf(p.receivedOn()),
            p.reference(),
            actor,
            Timestamp.from(at),
            providerRef)
        .update();
  }

  /** Confirms a reported payment; false unless it was REPORTED. */
  public boolean confirm(UUID workspaceId, UUID paymentId) {
    return move(workspaceId, paymentId, PaymentStatus.REPORTED, PaymentStatus.CONFIRMED);
  }

  /**
   * Moves a payment from {@code from} to {@code to}, a move the payment's rules allow (refused
   * otherwise); false unless it was in {@code from}.
   */
  public boolean move(UUID workspaceId, UUID paymentId, PaymentStatus from, PaymentStatus to) {
    from.require(to);
    return jdbc.sql(
                """
                update payment set status = ?, next_check_at = null
                where workspace_id = ? and id = ? and status = ?
                """)
            .params(to.name(), workspaceId, paymentId, from.name())
            .update()
        == 1;
  }

  /** A provider's payment: its id, workspace, invoice and status. */
  public record ProviderPayment(UUID id, UUID workspaceId, UUID invoiceId, String status) {}

  /**
   * A payment by the provider's reference, in whichever workspace it is: a provider's report names
   * its payment, not the workspace, so this lookup is what finds the workspace.
   */
  @CrossWorkspace("a provider's report names its payment, which names the workspace")
  public Optional<ProviderPayment> providerPayment(String channel, String providerRef) {
    return jdbc.sql(
            """
            select id, workspace_id, invoice_id, status from payment
            where channel = ? and provider_ref = ?
            """)
        .params(channel, providerRef)
        .query(
            (rs, i) ->
                new ProviderPayment(
                    rs.getObject(1, UUID.class),
                    rs.getObject(2, UUID.class),
                    rs.getObject(3, UUID.class),
                    rs.getString(4)))
        .optional();
  }

  public void scheduleCheck(UUID workspaceId, UUID paymentId, Instant next, int attempts) {
    jdbc.sql(
            "update payment set next_check_at = ?, check_attempts = ? where workspace_id = ? and id = ?")
        .params(Timestamp.from(next), attempts, workspaceId, paymentId)
        .update();
  }

  @CrossWorkspace("the provider check job looks at every workspace's payments of unknown outcome")
  public List<UnknownPayment> dueChecks(String channel, Instant now, int limit) {
    return jdbc.sql(
            """
            select id, workspace_id, provider_ref, check_attempts from payment
            where channel = ? and status = 'UNKNOWN' and next_check_at <= ? order by next_check_at limit ?
            """)
        .params(channel, Timestamp.from(now), limit)
        .query(
            (rs, i) ->
                new UnknownPayment(
                    rs.getObject(1, UUID.class),
                    rs.getObject(2, UUID.class),
                    rs.getString(3),
                    rs.getInt(4)))
        .list();
  }

  public Optional<UUID> invoiceOfPayment(UUID workspaceId, UUID paymentId) {
    return jdbc.sql("select invoice_id from payment where workspace_id = ? and id = ?")
        .params(workspaceId, paymentId)
        .query((rs, i) -> rs.getObject(1, UUID.class))
        .optional();
  }

  /** Whether a provider's payment was recorded already. */
  @CrossWorkspace("a provider's report names its payment, which names the workspace")
  public boolean hasProviderPayment(String channel, String providerRef) {
    return jdbc.sql("select count(*) from payment where channel = ? and provider_ref = ?")
            .params(channel, providerRef)
            .query(Long.class)
            .single()
        > 0;
  }

  /** A payment's money: its status, amount and what of it was refunded so far. */
  public record PaymentMoney(UUID id, PaymentStatus status, Money amount, Money refunded) {}

  public Optional<PaymentMoney> paymentMoney(UUID workspaceId, UUID paymentId) {
    return jdbc.sql(
            """
            select status, amount_minor, refunded_minor, currency from payment
            where workspace_id = ? and id = ?
            """)
        .params(workspaceId, paymentId)
        .query(
            (rs, i) -> {
              String currency = rs.getString(4).trim();
              return new PaymentMoney(
                  paymentId,
                  PaymentStatus.valueOf(rs.getString(1)),
                  Money.of(rs.getLong(2), currency),
                  Money.of(rs.getLong(3), currency));
            })
        .optional();
  }

  /**
   * Records refunds of a payment totalling {@code refundedTotal}, and the status they lead to;
   * false unless the payment still stands as {@code before} says (status and refunds so far).
   */
  public boolean recordRefunds(
      UUID workspaceId, PaymentMoney before, Money refundedTotal, PaymentStatus next) {
    return jdbc.sql(
                """
                update payment set refunded_minor = ?, status = ?
                where workspace_id = ? and id = ? and status = ? and refunded_minor = ?
                """)
            .params(
                refundedTotal.amountMinor(),
                next.name(),
                workspaceId,
                before.id(),
                before.status().name(),
                before.refunded().amountMinor())
            .update()
        == 1;
  }

  public List<PaymentView> payments(UUID workspaceId, UUID invoiceId) {
    return jdbc.sql(
            "select * from payment where workspace_id = ? and invoice_id = ? order by created_at")
        .params(workspaceId, invoiceId)
        .query(InvoiceRepository::payment)
        .list();
  }

  /** The payments of a project's invoices, by invoice, each invoice's oldest first. */
  public Map<UUID, List<PaymentView>> paymentsOfProject(UUID workspaceId, UUID projectId) {
    Map<UUID, List<PaymentView>> byInvoice = new LinkedHashMap<>();
    jdbc.sql(
            """
            select p.* from payment p join invoice i on i.id = p.invoice_id
            where p.workspace_id = ? and i.workspace_id = ? and i.project_id = ?
            order by p.created_at
            """)
        .params(workspaceId, workspaceId, projectId)
        .query(InvoiceRepository::payment)
        .list()
        .forEach(p -> byInvoice.computeIfAbsent(p.invoiceId(), k -> new ArrayList<>()).add(p));
    return byInvoice;
  }

  private static PaymentView payment(ResultSet rs, int row) throws SQLException {
    return new PaymentView(
        rs.getObject("id", UUID.class),
        rs.getObject("invoice_id", UUID.class),
        rs.getString("channel"),
        new MoneyJson(rs.getLong("amount_minor"), rs.getString("currency").trim()),
        rs.getString("status"),
        rs.getDate("received_on").toLocalDate(),
        rs.getString("reference"),
        new MoneyJson(rs.getLong("refunded_minor"), rs.getString("currency").trim()),
        rs.getString("receipt_number"));
  }

  /**
   * Money received and kept for a project's invoices (confirmed payments less refunds). Payments
   * made from the client's credit are left out: that money was counted where it arrived.
   */
  public long receivedMinor(UUID workspaceId, UUID projectId) {
    return jdbc.sql(
            """
            select coalesce(sum(p.amount_minor - p.refunded_minor), 0)
            from payment p join invoice i on i.id = p.invoice_id
            where p.workspace_id = ? and i.project_id = ? and p.status = 'CONFIRMED'
              and p.channel <> 'credit'
            """)
        .params(workspaceId, projectId)
        .query(Long.class)
        .single();
  }

  /** An invoice row without its lines. */
  private record Head(
      UUID id,
      UUID workspaceId,
      UUID projectId,
      UUID clientId,
      @Nullable UUID milestoneId,
      @Nullable String number,
      String currency,
      InvoiceState state,
      @Nullable LocalDate issuedOn,
      @Nullable LocalDate dueOn,
      long paidMinor,
      long creditedMinor) {}

  private static Head head(ResultSet rs) throws SQLException {
    Date issued = rs.getDate("issued_on");
    Date due = rs.getDate("due_on");
    return new Head(
        rs.getObject("id", UUID.class),
        rs.getObject("workspace_id", UUID.class),
        rs.getObject("project_id", UUID.class),
        rs.getObject("client_id", UUID.class),
        rs.getObject("milestone_id", UUID.class),
        rs.getString("number"),
        rs.getString("currency").trim(),
        InvoiceState.valueOf(rs.getString("state")),
        issued == null ? null : issued.toLocalDate(),
        due == null ? null : due.toLocalDate(),
        rs.getLong("paid_minor"),
        rs.getLong("credited_minor"));
  }

  /** The invoices of {@code heads} with their lines, read in one query (not one per invoice). */
  private List<Invoice> withLines(List<Head> heads) {
    if (heads.isEmpty()) {
      return List.of();
    }
    Map<UUID, List<InvoiceLine>> lines = new java.util.HashMap<>();
    Map<UUID, String> currencies = new java.util.HashMap<>();
    heads.forEach(h -> currencies.put(h.id(), h.currency()));
    String marks = String.join(", ", java.util.Collections.nCopies(heads.size(), "?"));
    jdbc.sql(
            "select * from invoice_line where invoice_id in ("
                + marks
                + ") order by invoice_id, position_no")
        .params(heads.stream().map(h -> (Object) h.id()).toList())
        .query(
            (r, n) -> {
              UUID invoice = r.getObject("invoice_id", UUID.class);
              return lines
                  .computeIfAbsent(invoice, k -> new java.util.ArrayList<>())
                  .add(
                      new InvoiceLine(
                          r.getString("description"),
                          r.getLong("quantity"),
                          Money.of(r.getLong("unit_minor"), currencies.get(invoice)),
                          r.getInt("tax_bp")));
            })
        .list();
    return heads.stream()
        .map(
            h ->
                new Invoice(
                    h.id(),
                    h.workspaceId(),
                    h.projectId(),
                    h.clientId(),
                    h.milestoneId(),
                    h.number(),
                    lines.getOrDefault(h.id(), List.of()),
                    h.state(),
                    h.issuedOn(),
                    h.dueOn(),
                    Money.of(h.paidMinor(), h.currency()),
                    Money.of(h.creditedMinor(), h.currency())))
        .toList();
  }

  private static @Nullable Date date(@Nullable LocalDate d) {
    return d == null ? null : Date.valueOf(d);
  }
}
