package io.tranche.app.invoice.internal;

import io.tranche.core.invoice.CreditNote;
import io.tranche.core.money.Money;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code credit_note}, {@code credit_note_share} and {@code credit_note_counter} tables. */
@Repository
public class CreditNoteRepository {
  private final JdbcClient jdbc;

  private final YearSequence numbers;

  CreditNoteRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
    this.numbers = new YearSequence(jdbc, "credit_note_counter", "note_year");
  }

  /** The next number of the workspace's credit notes in a year, locked like invoice numbers. */
  public long nextSequence(UUID workspaceId, int year) {
    return numbers.next(workspaceId, year);
  }

  public void insert(UUID workspaceId, CreditNote note, Instant at) {
    jdbc.sql(
            """
            insert into credit_note (id, workspace_id, invoice_id, number, issued_on, reason,
                                     currency, created_at)
            values (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            note.id(),
            workspaceId,
            note.invoiceId(),
            note.number(),
            Date.valueOf(note.issuedOn()),
            note.reason(),
            note.total().currency().getCurrencyCode(),
            Timestamp.from(at))
        .update();
    for (CreditNote.Share s : note.shares()) {
      jdbc.sql(
              "insert into credit_note_share (credit_note_id, workspace_id, tax_bp, net_minor,"
                  + " tax_minor) values (?, ?, ?, ?, ?)")
          .params(
              note.id(),
              workspaceId,
              s.taxRateBasisPoints(),
              s.net().amountMinor(),
              s.tax().amountMinor())
          .update();
    }
  }

  public Optional<CreditNote> find(UUID workspaceId, UUID id) {
    return notes(
            "select n.*, s.tax_bp, s.net_minor, s.tax_minor from credit_note n"
                + " join credit_note_share s on s.credit_note_id = n.id"
                + " where n.workspace_id = ? and s.workspace_id = ? and n.id = ?"
                + " order by s.tax_bp",
            workspaceId,
            workspaceId,
            id)
        .stream()
        .findFirst();
  }

  /** An invoice's credit notes, oldest first. */
  public List<CreditNote> ofInvoice(UUID workspaceId, UUID invoiceId) {
    return notes(
        "select n.*, s.tax_bp, s.net_minor, s.tax_minor from credit_note n"
            + " join credit_note_share s on s.credit_note_id = n.id"
            + " where n.workspace_id = ? and s.workspace_id = ? and n.invoice_id = ?"
            + " order by n.created_at, n.number, s.tax_bp",
        workspaceId,
        workspaceId,
        invoiceId);
  }

  /** The credit notes of several invoices (one statement for a page of invoices). */
  public Map<UUID, List<CreditNote>> ofInvoices(UUID workspaceId, List<UUID> invoiceIds) {
    Map<UUID, List<CreditNote>> byInvoice = new LinkedHashMap<>();
    if (invoiceIds.isEmpty()) {
      return byInvoice;
    }
    String in = String.join(",", java.util.Collections.nCopies(invoiceIds.size(), "?"));
    List<Object> params = new ArrayList<>(List.of(workspaceId, workspaceId));
    params.addAll(invoiceIds);
    for (CreditNote n :
        notes(
            "select n.*, s.tax_bp, s.net_minor, s.tax_minor from credit_note n"
                + " join credit_note_share s on s.credit_note_id = n.id"
                + " where n.workspace_id = ? and s.workspace_id = ? and n.invoice_id in ("
                + in
                + ") order by n.created_at, n.number, s.tax_bp",
            params.toArray())) {
      byInvoice.computeIfAbsent(n.invoiceId(), k -> new ArrayList<>()).add(n);
    }
    return byInvoice;
  }

  /** Rows of notes joined with their shares, one row per share, folded into notes in order. */
  private List<CreditNote> notes(String sql, Object... params) {
    record Row(
        UUID id,
        UUID invoiceId,
        String number,
        java.time.LocalDate issuedOn,
        String reason,
        CreditNote.Share share) {}
    List<Row> rows =
        jdbc.sql(sql)
            .params(params)
            .query(
                (rs, i) -> {
                  String currency = rs.getString("currency").trim();
                  return new Row(
                      rs.getObject("id", UUID.class),
                      rs.getObject("invoice_id", UUID.class),
                      rs.getString("number"),
                      rs.getDate("issued_on").toLocalDate(),
                      rs.getString("reason"),
                      new CreditNote.Share(
                          rs.getInt("tax_bp"),
                          Money.of(rs.getLong("net_minor"), currency),
                          Money.of(rs.getLong("tax_minor"), currency)));
                })
            .list();
    Map<UUID, List<Row>> byNote = new LinkedHashMap<>();
    for (Row r : rows) {
      byNote.computeIfAbsent(r.id(), k -> new ArrayList<>()).add(r);
    }
    List<CreditNote> notes = new ArrayList<>();
    for (List<Row> shares : byNote.values()) {
      Row first = shares.get(0);
      notes.add(
          new CreditNote(
              first.id(),
              first.invoiceId(),
              first.number(),
              first.issuedOn(),
              first.reason(),
              shares.stream().map(Row::share).toList()));
    }
    return notes;
  }
}
