package io.tranche.app.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RateLimiterTest {

  @Test
  void countsAnIpv6ClientByItsSlash64() {
    assertThat(RateLimiter.addressKey("2001:db8:1:2:aaaa::1"))
        .isEqualTo(RateLimiter.addressKey("2001:db8:1:2:bbbb:cccc:dddd:eeee"))
        .isEqualTo("20010db800010002::/64");
    assertThat(RateLimiter.addressKey("2001:db8:1:3::1"))
        .isNotEqualTo(RateLimiter.addressKey("2001:db8:1:2::1"));
  }

  @Test
  void countsAnIpv4ClientByItsAddress() {
    assertThat(RateLimiter.addressKey("203.0.113.7")).isEqualTo("203.0.113.7");
    assertThat(RateLimiter.addressKey("::ffff:203.0.113.7")).isEqualTo("203.0.113.7");
  }
}
