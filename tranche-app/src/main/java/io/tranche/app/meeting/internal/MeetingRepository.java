package io.tranche.app.meeting.internal;

import io.tranche.app.meeting.MeetingView;
import io.tranche.app.platform.Paging;
import io.tranche.core.meeting.MeetingChannel;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code meeting} table. */
@Repository
public class MeetingRepository {
  private final JdbcClient jdbc;

  MeetingRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A meeting and its workspace. */
  public record Stored(UUID workspaceId, MeetingView meeting) {}

  public void insert(UUID workspaceId, MeetingView m, Instant at) {
    jdbc.sql(
            """
            insert into meeting (id, workspace_id, project_id, held_at, duration_minutes, channel,
                                 attendees, notes, recording_link, logged_by, logged_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            m.id(),
            workspaceId,
            m.projectId(),
            Timestamp.from(m.heldAt()),
            m.durationMinutes(),
            m.channel().name(),
            m.attendees(),
            m.notes(),
            m.recordingLink(),
            m.loggedBy(),
            Timestamp.from(at))
        .update();
  }

  public boolean confirm(UUID workspaceId, UUID id, String actor, Instant at) {
    return jdbc.sql(
                """
                update meeting set confirmed_by = ?, confirmed_at = ?
                where workspace_id = ? and id = ? and confirmed_at is null
                """)
            .params(actor, Timestamp.from(at), workspaceId, id)
            .update()
        == 1;
  }

  public Optional<Stored> stored(UUID workspaceId, UUID id) {
    return jdbc.sql("select * from meeting where workspace_id = ? and id = ?")
        .params(workspaceId, id)
        .query((rs, i) -> new Stored(rs.getObject("workspace_id", UUID.class), meeting(rs)))
        .optional();
  }

  public Optional<MeetingView> find(UUID workspaceId, UUID id) {
    return stored(workspaceId, id).map(Stored::meeting);
  }

  public List<MeetingView> page(UUID workspaceId, UUID projectId, Paging paging) {
    return jdbc.sql(
            """
            select * from meeting where workspace_id = ? and project_id = ?
            order by held_at desc limit ? offset ?
            """)
        .params(workspaceId, projectId, paging.size(), paging.offset())
        .query((rs, i) -> meeting(rs))
        .list();
  }

  public long count(UUID workspaceId, UUID projectId) {
    return jdbc.sql("select count(*) from meeting where workspace_id = ? and project_id = ?")
        .params(workspaceId, projectId)
        .query(Long.class)
        .single();
  }

  private static MeetingView meeting(ResultSet rs) throws SQLException {
    Timestamp confirmed = rs.getTimestamp("confirmed_at");
    return new MeetingView(
        rs.getObject("id", UUID.class),
        rs.getObject("project_id", UUID.class),
        rs.getTimestamp("held_at").toInstant(),
        rs.getInt("duration_minutes"),
        MeetingChannel.valueOf(rs.getString("channel")),
        rs.getString("attendees"),
        rs.getString("notes"),
        rs.getString("recording_link"),
        rs.getString("logged_by"),
        rs.getString("confirmed_by"),
        confirmed == null ? null : confirmed.toInstant());
  }
}
