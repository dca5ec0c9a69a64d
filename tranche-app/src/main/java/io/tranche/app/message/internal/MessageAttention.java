package io.tranche.app.message.internal;

import io.tranche.app.platform.Actor;
import io.tranche.app.platform.Attention;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Projects whose latest message is the client's: it waits for an answer. */
@Component
class MessageAttention implements Attention.Source {
  private final JdbcClient jdbc;

  MessageAttention(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public List<Attention> attention(Actor member) {
    return jdbc.sql(
            """
            select m.project_id, m.author_email, p.name, m.created_at from message m
            join project p on p.id = m.project_id
            where m.workspace_id = ? and m.author like 'contact:%'
              and not exists (select 1 from message later
                              where later.workspace_id = m.workspace_id
                                and later.project_id = m.project_id
                                and (later.created_at > m.created_at
                                     or later.created_at = m.created_at and later.id > m.id))
            order by m.created_at limit ?
            """)
        .params(member.workspaceId(), Attention.LIMIT)
        .query(
            (rs, i) ->
                new Attention(
                    "message",
                    rs.getString(2)
                        + " wrote about "
                        + rs.getString(3)
                        + " and waits for your answer.",
                    "/console/projects/" + rs.getObject(1, UUID.class) + "/messages",
                    rs.getTimestamp(4).toInstant()))
        .list();
  }
}
