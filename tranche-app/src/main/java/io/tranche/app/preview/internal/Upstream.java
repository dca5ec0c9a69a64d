package io.tranche.app.preview.internal;

import io.tranche.app.preview.PreviewErrors;
import io.tranche.core.error.DomainException;
import io.tranche.core.error.Validation;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A staging site the vendor runs, shown as a preview: Tranche fetches each file on the viewer's
 * behalf (GET only, no cookies or credentials either way), so the viewer's browser only ever talks
 * to Tranche. The upstream's address is rewritten out of what text comes back (HTML, CSS, scripts,
 * JSON) and out of redirects; a redirect elsewhere is not followed. Addresses on this machine or
 * its private networks are refused unless {@code tranche.preview.upstream-private-allowed} says
 * otherwise (a member must not reach the server's own neighbours through it).
 */
@Component
public class Upstream {
  /** The largest text file rewritten in memory, and the largest file passed on. */
  static final int MAX_TEXT_BYTES = 5 * 1024 * 1024;

  static final long MAX_FILE_BYTES = 50L * 1024 * 1024;

  private static final Pattern ROOT_RELATIVE =
      Pattern.compile("((?:href|src|action|poster)\\s*=\\s*[\"']|url\\(\\s*[\"']?)/(?![/\\\\])");

  private final HttpClient http;
  private final boolean privateAllowed;

  Upstream(@Value("${tranche.preview.upstream-private-allowed:false}") boolean privateAllowed) {
    this.privateAllowed = privateAllowed;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** The staging address a member names, checked: http(s), a host, no credentials or fragment. */
  public URI address(String field, String url) {
    String text = Validation.text(field, url, 2000).strip();
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw refused(field, "is not a web address (https://…)");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
      throw refused(field, "must be an http:// or https:// address with a host");
    }
    if (uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
      throw refused(field, "must not hold a user name, password or #fragment");
    }
    if (!reachable(uri.getHost())) {
      throw refused(
          field, "points to this server or a private network, which previews may not reach");
    }
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    return URI.create(scheme + "://" + uri.getRawAuthority() + path);
  }

  /** What the upstream answered, ready to pass on (its address already rewritten out of text). */
  public record Answer(
      int status,
      String mediaType,
      @Nullable String location,
      @Nullable String text,
      @Nullable InputStream body) {}

  /**
   * Fetches {@code rawPath} (below the upstream's origin) for a viewer whose preview lives under
   * {@code prefix} (e.g. {@code /portal/previews/<id>}).
   */
  public Answer fetch(URI upstream, String rawPath, @Nullable String rawQuery, String prefix)
      throws IOException {
    String origin = upstream.getScheme() + "://" + upstream.getRawAuthority();
    if (!reachable(upstream.getHost())) {
      throw new IOException("the preview's address now resolves to a private network");
    }
    URI target = URI.create(origin + "/" + rawPath + (rawQuery == null ? "" : "?" + rawQuery));
    HttpRequest request =
        HttpRequest.newBuilder(target)
            .timeout(Duration.ofSeconds(20))
            .header("Accept", "*/*")
            .header("User-Agent", "Tranche-Preview")
            .GET()
            .build();
    HttpResponse<InputStream> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    int status = response.statusCode();
    String type = response.headers().firstValue("Content-Type").orElse("application/octet-stream");
    InputStream body = response.body();
    if (status >= 300 && status < 400) {
      body.close();
      String location = response.headers().firstValue("Location").orElse(null);
      return new Answer(status, "text/plain", location(location, origin, prefix), null, null);
    }
    if (isText(type)) {
      byte[] bytes;
      try (body) {
        bytes = body.readNBytes(MAX_TEXT_BYTES + 1);
      }
      if (bytes.length > MAX_TEXT_BYTES) {
        throw new IOException("a text file of the preview is larger than 5 MiB");
      }
      String text = rewrite(new String(bytes, charset(type)), origin, prefix);
      return new Answer(status, type, null, text, null);
    }
    return new Answer(status, type, null, null, capped(body));
  }

  /**
   * Text with the upstream's origin and its root-relative links (in attributes and CSS {@code
   * url(...)}) pointed at the preview's own path.
   */
  static String rewrite(String text, String origin, String prefix) {
    String host = origin.substring(origin.indexOf("//"));
    String out =
        ROOT_RELATIVE
            .matcher(text)
            .replaceAll(m -> Matcher.quoteReplacement(m.group(1) + prefix + "/"));
    return out.replace(origin, prefix)
        .replace(origin.replace("/", "\\/"), prefix.replace("/", "\\/"))
        .replace(host, prefix);
  }

  /** A redirect's target inside the preview, or null when it leads elsewhere. */
  static @Nullable String location(@Nullable String location, String origin, String prefix) {
    if (location == null) {
      return null;
    }
    if (location.startsWith(origin + "/") || location.equals(origin)) {
      return prefix + "/" + location.substring(Math.min(location.length(), origin.length() + 1));
    }
    if (location.startsWith("/") && !location.startsWith("//")) {
      return prefix + location;
    }
    if (!location.contains("://") && !location.startsWith("//")) {
      return location;
    }
    return null;
  }

  private boolean reachable(String host) {
    try {
      return privateAllowed || io.tranche.app.platform.PublicAddresses.isPublic(host);
    } catch (UnknownHostException e) {
      throw refused("upstreamUrl", "names a host that does not resolve");
    }
  }

  private static boolean isText(String type) {
    String t = type.toLowerCase(Locale.ROOT);
    return t.startsWith("text/")
        || t.contains("javascript")
        || t.contains("json")
        || t.contains("xml");
  }

  private static java.nio.charset.Charset charset(String type) {
    Matcher m = Pattern.compile("charset=\"?([\\w.-]+)").matcher(type);
    try {
      return m.find() ? java.nio.charset.Charset.forName(m.group(1)) : StandardCharsets.UTF_8;
    } catch (RuntimeException e) {
      return StandardCharsets.UTF_8;
    }
  }

  private static InputStream capped(InputStream in) {
    return new FilterInputStream(in) {
      private long total;

      @Override
      public int read() throws IOException {
        int b = super.read();
        count(b < 0 ? 0 : 1);
        return b;
      }

      @Override
      public int read(byte[] buffer, int off, int len) throws IOException {
        int n = super.read(buffer, off, len);
        count(Math.max(n, 0));
        return n;
      }

      private void count(int n) throws IOException {
        total += n;
        if (total > MAX_FILE_BYTES) {
          throw new IOException("a file of the preview is larger than 50 MiB");
        }
      }
    };
  }

  private static DomainException refused(String field, String problem) {
    return DomainException.field(
        PreviewErrors.BAD_UPSTREAM, field, java.util.Map.of("field", field, "problem", problem));
  }
}
