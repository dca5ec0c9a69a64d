package io.tranche.app.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.http.HttpServletRequest;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class TrustedProxiesTest {

  private static HttpServletRequest seen(TrustedProxies filter, MockHttpServletRequest request)
      throws Exception {
    AtomicReference<HttpServletRequest> seen = new AtomicReference<>();
    filter.doFilter(
        request, new MockHttpServletResponse(), (req, res) -> seen.set((HttpServletRequest) req));
    return seen.get();
  }

  private static MockHttpServletRequest from(String peer, String... forwardedFor) {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/login");
    request.setRemoteAddr(peer);
    for (String value : forwardedFor) {
      request.addHeader("X-Forwarded-For", value);
    }
    return request;
  }

  @Test
  void ignoresForwardedHeadersWhenNoProxyIsTrusted() throws Exception {
    TrustedProxies none = new TrustedProxies("");
    MockHttpServletRequest request = from("127.0.0.1", "203.0.113.9");
    request.addHeader("X-Forwarded-Proto", "https");
    HttpServletRequest seen = seen(none, request);
    assertThat(seen.getRemoteAddr()).isEqualTo("127.0.0.1");
    assertThat(seen.isSecure()).isFalse();
  }

  @Test
  void ignoresForwardedHeadersFromAPeerOutsideTheTrustedRanges() throws Exception {
    TrustedProxies trusted = new TrustedProxies("10.0.0.0/8");
    assertThat(seen(trusted, from("192.168.1.5", "203.0.113.9")).getRemoteAddr())
        .isEqualTo("192.168.1.5");
  }

  @Test
  void takesTheClientFromTheRightSkippingTrustedProxiesOnly() throws Exception {
    TrustedProxies trusted = new TrustedProxies("10.0.0.0/8, 192.0.2.1");
    // The client forged the leftmost value; the proxies appended what they saw.
    assertThat(seen(trusted, from("10.0.0.2", "6.6.6.6, 198.51.100.7, 192.0.2.1")).getRemoteAddr())
        .isEqualTo("198.51.100.7");
    assertThat(seen(trusted, from("10.0.0.2", "6.6.6.6", "198.51.100.7")).getRemoteAddr())
        .isEqualTo("198.51.100.7");
    assertThat(seen(trusted, from("10.0.0.2", "garbage, 198.51.100.7")).getRemoteAddr())
        .isEqualTo("198.51.100.7");
    assertThat(seen(trusted, from("10.0.0.2")).getRemoteAddr()).isEqualTo("10.0.0.2");
  }

  @Test
  void takesSchemeAndHostFromATrustedProxy() throws Exception {
    TrustedProxies trusted = new TrustedProxies("::1, 127.0.0.1");
    MockHttpServletRequest request = from("::1", "203.0.113.9");
    request.addHeader("X-Forwarded-Proto", "https");
    request.addHeader("X-Forwarded-Host", "tranche.example.com");
    HttpServletRequest seen = seen(trusted, request);
    assertThat(seen.getRemoteAddr()).isEqualTo("203.0.113.9");
    assertThat(seen.isSecure()).isTrue();
    assertThat(seen.getRequestURL().toString()).isEqualTo("https://tranche.example.com/login");
  }

  @Test
  void refusesAConfigurationThatIsNotAnAddressOrRange() {
    assertThatThrownBy(() -> new TrustedProxies("proxy.internal"))
        .hasMessageContaining("not an IP address or CIDR range");
    assertThatThrownBy(() -> new TrustedProxies("10.0.0.0/33"))
        .hasMessageContaining("prefix length");
  }
}
