package io.tranche.app.modification.internal;

import io.tranche.app.platform.Actor;
import io.tranche.app.platform.Attention;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Modification requests the client filed that nobody has classified yet. */
@Component
class ModificationAttention implements Attention.Source {
  private final JdbcClient jdbc;

  ModificationAttention(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public List<Attention> attention(Actor member) {
    return jdbc.sql(
            """
            select r.project_id, r.number, r.what, p.name, r.filed_at from modification_request r
            join project p on p.id = r.project_id
            where r.workspace_id = ? and r.status = 'OPEN' and r.kind is null
            order by r.filed_at limit ?
            """)
        .params(member.workspaceId(), Attention.LIMIT)
        .query(
            (rs, i) ->
                new Attention(
                    "modification",
                    "Look at modification request #"
                        + rs.getInt(2)
                        + " ("
                        + rs.getString(4)
                        + "): “"
                        + abbreviate(rs.getString(3))
                        + "”. Is it minor or a change order?",
                    "/console/projects/" + rs.getObject(1, UUID.class) + "/modifications",
                    rs.getTimestamp(5).toInstant()))
        .list();
  }

  /** The request's first words, without its own full stop (the sentence around it has one). */
  static String abbreviate(String text) {
    String shown = text.strip().replaceAll("[.!?]+$", "");
    return shown.length() <= 80 ? shown : shown.substring(0, 79) + "…";
  }
}
