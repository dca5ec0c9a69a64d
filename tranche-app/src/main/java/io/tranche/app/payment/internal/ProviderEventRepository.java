package io.tranche.app.payment.internal;

import java.sql.Timestamp;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code provider_event} table: which provider events were seen, and what became of them. */
@Repository
public class ProviderEventRepository {
  private final JdbcClient jdbc;

  ProviderEventRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Records an event id as being processed; false when it was seen before. Concurrent deliveries of
   * one id wait for the first to commit, then see it.
   */
  public boolean claim(String eventId, String provider, String type, Instant at) {
    return jdbc.sql(
                """
                insert into provider_event (event_id, provider, type, status, received_at)
                values (?, ?, ?, 'RECEIVED', ?) on conflict do nothing
                """)
            .params(
                eventId,
                provider,
                type.length() > 80 ? type.substring(0, 80) : type,
                Timestamp.from(at))
            .update()
        == 1;
  }

  public void finish(String eventId, String status, @Nullable String reason) {
    jdbc.sql("update provider_event set status = ?, reason = ? where event_id = ?")
        .params(
            status,
            reason == null ? null : reason.length() > 500 ? reason.substring(0, 500) : reason,
            eventId)
        .update();
  }

  /** Forgets event ids older than {@code before} (kept at least 30 days). */
  public int forgetBefore(Instant before) {
    return jdbc.sql("delete from provider_event where received_at < ? and status <> 'PARKED'")
        .param(Timestamp.from(before))
        .update();
  }
}
