package io.tranche.app.contract.internal;

import io.tranche.app.platform.Actor;
import io.tranche.app.platform.Attention;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Contracts the client signed that wait for the vendor's countersignature. */
@Component
class ContractAttention implements Attention.Source {
  private final JdbcClient jdbc;

  ContractAttention(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public List<Attention> attention(Actor member) {
    return jdbc.sql(
            """
            select c.id, p.name, c.created_at from contract c join project p on p.id = c.project_id
            where c.workspace_id = ? and c.status = 'AWAITING_VENDOR'
            order by c.created_at limit ?
            """)
        .params(member.workspaceId(), Attention.LIMIT)
        .query(
            (rs, i) ->
                new Attention(
                    "countersign",
                    "Countersign the contract for " + rs.getString(2) + ": the client has signed.",
                    "/console/contracts/" + rs.getObject(1, java.util.UUID.class),
                    rs.getTimestamp(3).toInstant()))
        .list();
  }
}
