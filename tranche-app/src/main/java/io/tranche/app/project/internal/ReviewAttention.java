package io.tranche.app.project.internal;

import io.tranche.app.platform.Actor;
import io.tranche.app.platform.Attention;
import io.tranche.app.platform.Dates;
import io.tranche.app.workspace.WorkspaceService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Parts the client asked changes to, and delivered parts whose review period ends within two days
 * (the client's silence will accept them).
 */
@Component
class ReviewAttention implements Attention.Source {
  static final Duration SOON = Duration.ofDays(2);

  private final JdbcClient jdbc;
  private final WorkspaceService workspaces;
  private final Clock clock;

  ReviewAttention(JdbcClient jdbc, WorkspaceService workspaces, Clock clock) {
    this.jdbc = jdbc;
    this.workspaces = workspaces;
    this.clock = clock;
  }

  @Override
  public List<Attention> attention(Actor member) {
    List<Attention> items = new ArrayList<>();
    items.addAll(
        jdbc.sql(
                """
                select m.project_id, m.name, p.name, m.updated_at from milestone m
                join project p on p.id = m.project_id
                where m.workspace_id = ? and m.state = 'CHANGES_REQUESTED'
                order by m.updated_at limit ?
                """)
            .params(member.workspaceId(), Attention.LIMIT)
            .query(
                (rs, i) ->
                    new Attention(
                        "changes",
                        "The client asked for changes to "
                            + rs.getString(2)
                            + " ("
                            + rs.getString(3)
                            + ").",
                        "/console/projects/" + rs.getObject(1, UUID.class),
                        rs.getTimestamp(4).toInstant()))
            .list());
    Instant now = clock.instant();
    var zone = workspaces.zone(member.workspaceId());
    jdbc.sql(
            """
            select m.project_id, m.name, p.name, m.review_started_at, p.review_days from milestone m
            join project p on p.id = m.project_id
            where m.workspace_id = ? and m.state = 'SUBMITTED' and m.review_started_at is not null
            order by m.review_started_at limit ?
            """)
        .params(member.workspaceId(), Attention.LIMIT)
        .query(
            rs -> {
              Instant started = rs.getTimestamp(4).toInstant();
              Instant ends = started.plus(Duration.ofDays(rs.getInt(5)));
              if (!ends.isAfter(now.plus(SOON))) {
                items.add(
                    new Attention(
                        "deemed-soon",
                        rs.getString(2)
                            + " ("
                            + rs.getString(3)
                            + ") will count as accepted on "
                            + Dates.moment(ends, zone)
                            + " unless the client answers.",
                        "/console/projects/" + rs.getObject(1, UUID.class),
                        started));
              }
            });
    return items;
  }
}
