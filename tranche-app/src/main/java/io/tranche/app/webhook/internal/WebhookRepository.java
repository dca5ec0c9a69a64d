package io.tranche.app.webhook.internal;

import io.tranche.app.platform.CrossWorkspace;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code webhook_endpoint} and {@code webhook_delivery} tables. */
@Repository
public class WebhookRepository {
  private final JdbcClient jdbc;

  WebhookRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** An endpoint, with its secrets (the previous one signs too until {@code previousUntil}). */
  public record Endpoint(
      UUID id,
      UUID workspaceId,
      String url,
      List<String> events,
      String secret,
      @Nullable String previousSecret,
      @Nullable Instant previousUntil,
      Instant createdAt,
      @Nullable Instant disabledAt) {}

  public void insertEndpoint(Endpoint e, String by) {
    jdbc.sql(
            """
            insert into webhook_endpoint (id, workspace_id, url, events, secret, created_at,
                                          created_by)
            values (?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            e.id(),
            e.workspaceId(),
            e.url(),
            String.join(",", e.events()),
            e.secret(),
            Timestamp.from(e.createdAt()),
            by)
        .update();
  }

  public List<Endpoint> endpoints(UUID workspaceId) {
    return jdbc.sql("select * from webhook_endpoint where workspace_id = ? order by created_at")
        .param(workspaceId)
        .query(WebhookRepository::endpoint)
        .list();
  }

  public Optional<Endpoint> endpoint(UUID workspaceId, UUID id) {
    return jdbc.sql("select * from webhook_endpoint where workspace_id = ? and id = ?")
        .params(workspaceId, id)
        .query(WebhookRepository::endpoint)
        .optional();
  }

  /** The workspace's live endpoints that take {@code type}. */
  public List<Endpoint> subscribers(UUID workspaceId, String type) {
    return endpoints(workspaceId).stream()
        .filter(e -> e.disabledAt() == null && e.events().contains(type))
        .toList();
  }

  public void rotate(UUID workspaceId, UUID id, String secret, Instant previousUntil) {
    jdbc.sql(
            """
            update webhook_endpoint
            set previous_secret = secret, previous_until = ?, secret = ?
            where workspace_id = ? and id = ?
            """)
        .params(Timestamp.from(previousUntil), secret, workspaceId, id)
        .update();
  }

  public void disable(UUID workspaceId, UUID id, Instant at) {
    jdbc.sql(
            """
            update webhook_endpoint set disabled_at = ?
            where workspace_id = ? and id = ? and disabled_at is null
            """)
        .params(Timestamp.from(at), workspaceId, id)
        .update();
  }

  private static Endpoint endpoint(ResultSet rs, int n) throws SQLException {
    Timestamp until = rs.getTimestamp("previous_until");
    Timestamp disabled = rs.getTimestamp("disabled_at");
    String events = rs.getString("events");
    return new Endpoint(
        rs.getObject("id", UUID.class),
        rs.getObject("workspace_id", UUID.class),
        rs.getString("url"),
        events.isEmpty() ? List.of() : List.of(events.split(",")),
        rs.getString("secret"),
        rs.getString("previous_secret"),
        until == null ? null : until.toInstant(),
        rs.getTimestamp("created_at").toInstant(),
        disabled == null ? null : disabled.toInstant());
  }

  /** A delivery of one event to one endpoint, and how it went. */
  public record Delivery(
      UUID id,
      UUID workspaceId,
      UUID endpointId,
      UUID eventId,
      String type,
      String payload,
      String status,
      int attempts,
      Instant nextAttemptAt,
      @Nullable Instant deliveredAt,
      @Nullable Integer lastStatus,
      @Nullable String lastError,
      Instant createdAt) {}

  /** Queues an event for an endpoint, once: the event id is the idempotency key. */
  public boolean enqueue(
      UUID workspaceId, UUID endpointId, UUID eventId, String type, String payload, Instant at) {
    return jdbc.sql(
                """
                insert into webhook_delivery (id, workspace_id, endpoint_id, event_id, event_type,
                                              payload, status, attempts, next_attempt_at,
                                              created_at)
                values (?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)
                on conflict do nothing
                """)
            .params(
                UUID.randomUUID(),
                workspaceId,
                endpointId,
                eventId,
                type,
                payload,
                Timestamp.from(at),
                Timestamp.from(at))
            .update()
        == 1;
  }

  @CrossWorkspace("the dispatcher reads every workspace's due deliveries")
  public List<Delivery> due(Instant now, int limit) {
    return jdbc.sql(
            """
            select * from webhook_delivery
            where status = 'PENDING' and next_attempt_at <= ?
            order by next_attempt_at fetch first ? rows only
            """)
        .params(Timestamp.from(now), limit)
        .query(WebhookRepository::delivery)
        .list();
  }

  /** Claims a delivery for one attempt (optimistically: one node wins). */
  @CrossWorkspace("the dispatcher claims a row it read from every workspace's deliveries")
  public boolean claim(UUID id, int attempts, Instant until) {
    return jdbc.sql(
                """
                update webhook_delivery set attempts = ?, next_attempt_at = ?
                where id = ? and status = 'PENDING' and attempts = ?
                """)
            .params(attempts + 1, Timestamp.from(until), id, attempts)
            .update()
        == 1;
  }

  /**
   * Records an attempt's outcome. A delivery another node delivered meanwhile (it took over a claim
   * that ran out) stays delivered: a late failure does not queue it again.
   */
  @CrossWorkspace("the dispatcher records the outcome of a row it claimed")
  public void outcome(
      UUID id,
      String status,
      @Nullable Integer httpStatus,
      @Nullable String error,
      Instant next,
      @Nullable Instant deliveredAt) {
    jdbc.sql(
            """
            update webhook_delivery
            set status = ?, last_status = ?, last_error = ?, next_attempt_at = ?, delivered_at = ?
            where id = ? and status <> 'DELIVERED'
            """)
        .params(
            status,
            httpStatus,
            error,
            Timestamp.from(next),
            deliveredAt == null ? null : Timestamp.from(deliveredAt),
            id)
        .update();
  }

  public List<Delivery> deliveries(UUID workspaceId, int limit) {
    return jdbc.sql(
            """
            select * from webhook_delivery where workspace_id = ?
            order by created_at desc fetch first ? rows only
            """)
        .params(workspaceId, limit)
        .query(WebhookRepository::delivery)
        .list();
  }

  public Optional<Delivery> delivery(UUID workspaceId, UUID id) {
    return jdbc.sql("select * from webhook_delivery where workspace_id = ? and id = ?")
        .params(workspaceId, id)
        .query(WebhookRepository::delivery)
        .optional();
  }

  /** Sends a delivery again from the start (same event id: receivers drop what they have). */
  public void resend(UUID workspaceId, UUID id, Instant at) {
    jdbc.sql(
            """
            update webhook_delivery set status = 'PENDING', attempts = 0, next_attempt_at = ?
            where workspace_id = ? and id = ?
            """)
        .params(Timestamp.from(at), workspaceId, id)
        .update();
  }

  private static Delivery delivery(ResultSet rs, int n) throws SQLException {
    Timestamp delivered = rs.getTimestamp("delivered_at");
    int last = rs.getInt("last_status");
    boolean noStatus = rs.wasNull();
    return new Delivery(
        rs.getObject("id", UUID.class),
        rs.getObject("workspace_id", UUID.class),
        rs.getObject("endpoint_id", UUID.class),
        rs.getObject("event_id", UUID.class),
        rs.getString("event_type"),
        rs.getString("payload"),
        rs.getString("status"),
        rs.getInt("attempts"),
        rs.getTimestamp("next_attempt_at").toInstant(),
        delivered == null ? null : delivered.toInstant(),
        noStatus ? null : last,
        rs.getString("last_error"),
        rs.getTimestamp("created_at").toInstant());
  }
}
