package io.tranche.app.account.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import io.tranche.app.platform.Jobs;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code idempotency_key} table. A claim is its own short transaction (auto-commit), so a key
 * is visible to concurrent requests as soon as the first one claims it; it holds the key for a
 * lease ({@code tranche.idempotency.lease}), after which a retry may claim it again. {@link
 * #finish} runs in the transaction of the request's work, when the filter calls it inside one.
 */
@Component
class IdempotencyStore {
  static final Duration KEEP = Duration.ofHours(96);

  private final JdbcClient jdbc;
  private final Clock clock;
  private final Duration lease;

  IdempotencyStore(
      JdbcClient jdbc, Clock clock, @Value("${tranche.idempotency.lease:60s}") Duration lease) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.lease = lease;
  }

  record Stored(
      String requestHash,
      @Nullable Integer responseCode,
      @Nullable String responseType,
      String responseBody) {}

  /**
   * Claims a key for a request with this hash: a new key, or one whose earlier claim for the same
   * request ran out of lease without a response (its request died). Empty when the key is taken:
   * answered already, still leased, or used for another request.
   */
  Optional<UUID> claim(String scope, String key, String hash) {
    UUID claim = UUID.randomUUID();
    Instant now = clock.instant();
    Timestamp until = Timestamp.from(now.plus(lease));
    boolean fresh =
        jdbc.sql(
                    """
                    insert into idempotency_key
                        (scope, idem_key, request_hash, status, created_at, locked_until, claim_id)
                    values (?, ?, ?, 'IN_PROGRESS', ?, ?, ?) on conflict do nothing
                    """)
                .params(scope, key, hash, Timestamp.from(now), until, claim)
                .update()
            == 1;
    boolean takenOver =
        !fresh
            && jdbc.sql(
                        """
                        update idempotency_key set locked_until = ?, claim_id = ?
                        where scope = ? and idem_key = ? and request_hash = ?
                          and status = 'IN_PROGRESS' and locked_until < ?
                        """)
                    .params(until, claim, scope, key, hash, Timestamp.from(now))
                    .update()
                == 1;
    return fresh || takenOver ? Optional.of(claim) : Optional.empty();
  }

  Optional<Stored> find(String scope, String key) {
    return jdbc.sql("select * from idempotency_key where scope = ? and idem_key = ?")
        .params(scope, key)
        .query(
            (rs, i) ->
                new Stored(
                    rs.getString("request_hash"),
                    (Integer) rs.getObject("response_code", Integer.class),
                    rs.getString("response_type"),
                    rs.getString("response_body") == null ? "" : rs.getString("response_body")))
        .optional();
  }

  /**
   * Stores the response of a claimed key; false when {@code claim} is no longer the key's claim
   * (its lease ran out and a retry took the key over), and nothing is stored.
   */
  boolean finish(
      String scope, String key, UUID claim, int code, @Nullable String type, String body) {
    return jdbc.sql(
                """
                update idempotency_key set status = 'DONE', response_code = ?, response_type = ?,
                       response_body = ?, locked_until = null
                where scope = ? and idem_key = ? and claim_id = ? and status = 'IN_PROGRESS'
                """)
            .params(code, type, body, scope, key, claim)
            .update()
        == 1;
  }

  /** Frees a key this claim still holds without a response, so a retry runs at once. */
  void forget(String scope, String key, UUID claim) {
    jdbc.sql(
            """
            delete from idempotency_key
            where scope = ? and idem_key = ? and claim_id = ? and status = 'IN_PROGRESS'
            """)
        .params(scope, key, claim)
        .update();
  }

  @Bean
  RecurringTask<Void> idempotencyKeyExpiry() {
    return Jobs.cron("idempotency-key-expiry", "0 41 * * * *", this::expire);
  }

  /** Keys are kept at least 72 hours (96 here). */
  void expire() {
    jdbc.sql("delete from idempotency_key where created_at < ?")
        .param(Timestamp.from(clock.instant().minus(KEEP)))
        .update();
  }
}
