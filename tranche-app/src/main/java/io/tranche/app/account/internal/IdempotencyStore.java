package io.tranche.app.account.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import io.tranche.app.platform.Jobs;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code idempotency_key} table. Each call is its own short transaction (auto-commit), so a key
 * is visible to concurrent requests as soon as the first one claims it.
 */
@Component
class IdempotencyStore {
  static final Duration KEEP = Duration.ofHours(96);

  private final JdbcClient jdbc;
  private final Clock clock;

  IdempotencyStore(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  record Stored(
      String requestHash,
      @Nullable Integer responseCode,
      @Nullable String responseType,
      String responseBody) {}

  /** Claims a key; false when it exists already. */
  boolean start(String scope, String key, String hash) {
    return jdbc.sql(
                """
                insert into idempotency_key (scope, idem_key, request_hash, status, created_at)
                values (?, ?, ?, 'IN_PROGRESS', ?) on conflict do nothing
                """)
            .params(scope, key, hash, Timestamp.from(clock.instant()))
            .update()
        == 1;
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

  void finish(String scope, String key, int code, @Nullable String type, String body) {
    jdbc.sql(
            """
            update idempotency_key set status = 'DONE', response_code = ?, response_type = ?,
                   response_body = ? where scope = ? and idem_key = ?
            """)
        .params(code, type, body, scope, key)
        .update();
  }

  void forget(String scope, String key) {
    jdbc.sql("delete from idempotency_key where scope = ? and idem_key = ?")
        .params(scope, key)
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
