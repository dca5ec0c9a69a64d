package io.tranche.app.platform.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who the client is when a reverse proxy stands in front: {@code X-Forwarded-For}, {@code
 * X-Forwarded-Proto}, {@code -Host} and {@code -Port} count only when the connection comes from a
 * proxy listed in {@code tranche.trusted-proxies} ({@code TRANCHE_TRUSTED_PROXIES}: addresses or
 * CIDR ranges, comma-separated, empty by default). Otherwise they are ignored, so nobody picks
 * their own address for the rate limits or the evidence log by sending a header.
 *
 * <p>The client address is read from {@code X-Forwarded-For} right to left, skipping trusted
 * proxies: the first address a trusted proxy did not add itself is the client, as Apache's
 * mod_remoteip and Tomcat's RemoteIpValve do (values further left are whatever the client sent).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class TrustedProxies extends OncePerRequestFilter {
  private final List<Range> trusted;

  TrustedProxies(@Value("${tranche.trusted-proxies:}") String trusted) {
    this.trusted = parse(trusted);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (trusted.isEmpty() || !isTrusted(request.getRemoteAddr())) {
      chain.doFilter(request, response);
      return;
    }
    chain.doFilter(new Forwarded(request, client(request)), response);
  }

  /** The client behind the trusted proxies, or the peer itself when the header names none. */
  String client(HttpServletRequest request) {
    String client = request.getRemoteAddr();
    List<String> hops = new ArrayList<>();
    for (var values = request.getHeaders("X-Forwarded-For"); values.hasMoreElements(); ) {
      Arrays.stream(values.nextElement().split(","))
          .map(String::strip)
          .filter(s -> !s.isEmpty())
          .forEach(hops::add);
    }
    for (int i = hops.size() - 1; i >= 0; i--) {
      String hop = hops.get(i);
      if (address(hop) == null) {
        break;
      }
      client = hop;
      if (!isTrusted(hop)) {
        break;
      }
    }
    return client;
  }

  boolean isTrusted(String address) {
    byte[] bytes = address(address);
    return bytes != null && trusted.stream().anyMatch(r -> r.contains(bytes));
  }

  /** The bytes of a literal IPv4 or IPv6 address; never a DNS look-up. */
  static byte @Nullable [] address(String text) {
    String t = text.strip();
    if (t.startsWith("[") && t.endsWith("]")) {
      t = t.substring(1, t.length() - 1);
    }
    boolean v4 = t.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    boolean v6 = t.contains(":") && t.matches("[0-9A-Fa-f:.]+");
    if (!v4 && !v6) {
      return null;
    }
    try {
      return InetAddress.getByName(t).getAddress();
    } catch (UnknownHostException e) {
      return null;
    }
  }

  static List<Range> parse(String list) {
    List<Range> ranges = new ArrayList<>();
    for (String item : list.split(",")) {
      String s = item.strip();
      if (s.isEmpty()) {
        continue;
      }
      String[] parts = s.split("/", 2);
      byte[] base = address(parts[0]);
      if (base == null) {
        throw new IllegalArgumentException(
            "tranche.trusted-proxies: '" + s + "' is not an IP address or CIDR range");
      }
      int bits = base.length * 8;
      int prefix;
      try {
        prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : bits;
      } catch (NumberFormatException e) {
        prefix = -1;
      }
      if (prefix < 0 || prefix > bits) {
        throw new IllegalArgumentException(
            "tranche.trusted-proxies: '" + s + "' has a prefix length outside 0.." + bits);
      }
      ranges.add(new Range(base, prefix));
    }
    return List.copyOf(ranges);
  }

  /** An address range: {@code base/prefix}. */
  record Range(byte[] base, int prefix) {
    boolean contains(byte[] address) {
      if (address.length != base.length) {
        return false;
      }
      int bits = base.length * 8;
      BigInteger mask =
          BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE).shiftRight(prefix).not();
      return new BigInteger(1, address).and(mask).equals(new BigInteger(1, base).and(mask));
    }
  }

  /** The request as the client behind the proxies made it. */
  private static final class Forwarded extends HttpServletRequestWrapper {
    private final String client;
    private final @Nullable String proto;
    private final @Nullable String host;
    private final int port;

    Forwarded(HttpServletRequest request, String client) {
      super(request);
      this.client = client;
      this.proto = last(request.getHeader("X-Forwarded-Proto"));
      String forwardedHost = last(request.getHeader("X-Forwarded-Host"));
      String forwardedPort = last(request.getHeader("X-Forwarded-Port"));
      this.host = forwardedHost == null ? null : forwardedHost.replaceFirst(":\\d+$", "");
      int p = -1;
      if (forwardedPort != null && forwardedPort.matches("\\d{1,5}")) {
        p = Integer.parseInt(forwardedPort);
      } else if (forwardedHost != null && forwardedHost.matches(".*:\\d{1,5}$")) {
        p = Integer.parseInt(forwardedHost.substring(forwardedHost.lastIndexOf(':') + 1));
      } else if (proto != null) {
        p = proto.equalsIgnoreCase("https") ? 443 : 80;
      }
      this.port = p;
    }

    private static @Nullable String last(@Nullable String header) {
      if (header == null || header.isBlank()) {
        return null;
      }
      String[] values = header.split(",");
      return values[values.length - 1].strip();
    }

    @Override
    public String getRemoteAddr() {
      return client;
    }

    @Override
    public String getRemoteHost() {
      return client;
    }

    @Override
    public String getScheme() {
      return proto == null ? super.getScheme() : proto.toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean isSecure() {
      return proto == null ? super.isSecure() : proto.equalsIgnoreCase("https");
    }

    @Override
    public String getServerName() {
      return host == null ? super.getServerName() : host;
    }

    @Override
    public int getServerPort() {
      return port < 0 ? super.getServerPort() : port;
    }

    @Override
    public StringBuffer getRequestURL() {
      StringBuffer url = new StringBuffer(getScheme()).append("://").append(getServerName());
      int p = getServerPort();
      if (!((getScheme().equals("https") && p == 443) || (getScheme().equals("http") && p == 80))) {
        url.append(':').append(p);
      }
      return url.append(getRequestURI());
    }
  }
}
