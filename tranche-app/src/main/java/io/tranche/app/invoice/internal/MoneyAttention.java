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
    return items;
  }
}
