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
   * The key a client address is counted under: an IPv4 address as it is, an IPv6 address by its /64
   * prefix, the block one subscriber gets (and can pick any address of, one per attempt).
   */
  public static String addressKey(String address) {
    if (!address.contains(":")) {
      return address;
    }
    try {
      byte[] bytes = java.net.InetAddress.getByName(address).getAddress();
      if (bytes.length != 16) {
        return java.net.InetAddress.getByAddress(bytes).getHostAddress();
      }
      return java.util.HexFormat.of().formatHex(bytes, 0, 8) + "::/64";
    } catch (java.net.UnknownHostException e) {
      return address;
    }
  }

  /**
   * Gives back the attempt {@link #acquire} took, when it succeeded: a successful sign-in does not
   * count against the limit, only failures do.
   */
  public void release(String key, int capacity) {
    Bucket bucket = buckets.getIfPresent(key + "#" + capacity);
    if (bucket != null) {
      bucket.addTokens(1);
    }
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
