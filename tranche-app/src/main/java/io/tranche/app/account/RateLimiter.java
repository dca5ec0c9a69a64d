package io.tranche.app.account;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.tranche.core.error.DomainException;
import java.time.Duration;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Token buckets per key (an account or a client address), kept in memory on each node with a
 * bounded cache. A refused attempt says how long to wait.
 */
@Component
public class RateLimiter {
  private final Cache<String, Bucket> buckets;
  private final Duration window;

  RateLimiter(RateLimitProperties properties) {
    this.window = properties.window();
    this.buckets =
        Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterAccess(window.multipliedBy(2))
            .build();
  }

  /**
   * Takes one attempt from the bucket of {@code key}, which holds {@code capacity} attempts per
   * window; refuses with {@code auth.rate-limited} when it is empty.
   */
  public void acquire(String key, int capacity, String field) {
    Bucket bucket =
        buckets.get(
            key + "#" + capacity,
            k ->
                Bucket.builder()
                    .addLimit(
                        Bandwidth.builder()
                            .capacity(capacity)
                            .refillGreedy(capacity, window)
                            .build())
                    .build());
    ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
    if (!probe.isConsumed()) {
      long seconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds());
      throw DomainException.field(AccountErrors.RATE_LIMITED, field, Map.of("seconds", seconds));
    }
  }
}
