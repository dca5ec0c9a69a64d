package io.tranche.app.invoice.internal;

import io.tranche.app.platform.Actor;
import io.tranche.app.platform.Attention;
import io.tranche.app.platform.Dates;
import io.tranche.app.platform.MoneyJson;
import io.tranche.app.workspace.WorkspaceService;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Transfers clients reported that wait for confirmation, and invoices past their due date. */
@Component
class MoneyAttention implements Attention.Source {
  private final JdbcClient jdbc;
  private final WorkspaceService workspaces;

  MoneyAttention(JdbcClient jdbc, WorkspaceService workspaces) {
    this.jdbc = jdbc;
    this.workspaces = workspaces;
  }

  @Override
  public List<Attention> attention(Actor member) {
    List<Attention> items = new ArrayList<>();
    items.addAll(
        jdbc.sql(
                """
                select i.project_id, i.number, pay.amount_minor, pay.currency, p.name, pay.created_at
                from payment pay join invoice i on i.id = pay.invoice_id
                join project p on p.id = i.project_id
                where pay.workspace_id = ? and pay.status = 'REPORTED'
                order by pay.created_at limit ?
                """)
            .params(member.workspaceId(), Attention.LIMIT)
            .query(
                (rs, i) ->
                    new Attention(
                        "confirm-payment",
                        "Confirm the transfer of "
                            + new MoneyJson(rs.getLong(3), rs.getString(4).trim()).formatted()
                            + " the client reported for invoice "
                            + rs.getString(2)
                            + " ("
                            + rs.getString(5)
                            + ").",
                        "/console/projects/" + rs.getObject(1, UUID.class) + "/invoices",
                        rs.getTimestamp(6).toInstant()))
            .list());
    items.addAll(
        jdbc.sql(
                """
                select i.project_id, i.number, i.due_on, p.name, i.created_at
                from invoice i join project p on p.id = i.project_id
                where i.workspace_id = ? and i.state in ('ISSUED', 'PARTIALLY_PAID') and i.due_on < ?
                order by i.due_on limit ?
                """)
            .params(
                member.workspaceId(),
                Date.valueOf(workspaces.today(member.workspaceId())),
                Attention.LIMIT)
            .query(
                (rs, i) ->
                    new Attention(
                        "overdue",
                        "Invoice "
                            + rs.getString(2)
                            + " ("
                            + rs.getString(4)
                            + ") is overdue: it was due on "
                            + Dates.day(rs.getDate(3).toLocalDate())
                            + ".",
                        "/console/projects/" + rs.getObject(1, UUID.class) + "/invoices",
                        rs.getTimestamp(5).toInstant()))
            .list());
    // parts whose files stay sealed though the client owes nothing for them: the invoice was
    // cancelled by credit notes, or paid while the vendor's dispute holds the part
    items.addAll(
        jdbc.sql(
                """
                select i.project_id, i.number, m.name, p.name, i.state, i.created_at
                from invoice i join milestone m on m.id = i.milestone_id
                join project p on p.id = i.project_id
                where i.workspace_id = ? and m.state = 'INVOICED'
                  and (i.state = 'CREDITED' or (i.state = 'PAID' and m.disputed))
                  and exists (select 1 from artifact a where a.milestone_id = m.id
                              and a.state = 'SEALED')
                order by i.created_at limit ?
                """)
            .params(member.workspaceId(), Attention.LIMIT)
            .query(
                (rs, i) -> {
                  UUID project = rs.getObject(1, UUID.class);
                  boolean credited = rs.getString(5).strip().equals("CREDITED");
                  return credited
                      ? new Attention(
                          "held-credited",
                          "Invoice "
                              + rs.getString(2)
                              + " ("
                              + rs.getString(4)
                              + ") was cancelled by credit notes: nothing is owed for “"
                              + rs.getString(3)
                              + "”, and its files stay sealed. Release them, or tell the"
                              + " client why not.",
                          "/console/projects/" + project + "/deliverables",
                          rs.getTimestamp(6).toInstant())
                      : new Attention(
                          "held-disputed",
                          "“"
                              + rs.getString(3)
                              + "” ("
                              + rs.getString(4)
                              + ") is paid, and your dispute holds its files: resolve it to hand"
                              + " them over.",
                          "/console/projects/" + project,
                          rs.getTimestamp(6).toInstant());
                })
            .list());
    return items;
  }
}
