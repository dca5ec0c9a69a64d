package io.tranche.app.platform.internal;

import io.tranche.app.platform.Errors;
import io.tranche.core.error.DomainException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MultipartResolutionDelegate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Caps every request body that is read into memory, before anyone reads it: JSON API bodies, form
 * posts, Stripe webhooks, and what the idempotency filter buffers. A declared {@code
 * Content-Length} above the cap is refused at once with 413 {@code request.too-large}, without
 * reading a byte; a chunked body is counted as it is read and refused when it passes the cap. Form
 * posts are parsed by the servlet container, which counts them against {@code
 * server.tomcat.max-http-form-post-size} (set to the same cap); its refusal becomes the same 413.
 *
 * <p>Two kinds of request are not held to the cap: artifact uploads, which stream gigabytes to
 * storage and have their own limit ({@code tranche.artifacts.max-bytes}), and message posts with
 * attachments ({@code multipart/form-data}), which the container writes to disk up to {@code
 * spring.servlet.multipart.max-request-size}. The settings page's logo upload is treated the same
 * way: held to the cap, a file chosen far too large was answered with a problem document (or a
 * connection reset, when the answer came while the browser was still sending), where the settings
 * page now says next to the field that the logo may be at most 512 KiB. Only signed-in people may
 * send a multipart body at all ({@code SignedInBeforeMultipart}). A multipart body anywhere else is
 * refused (415) before the container would parse it, so an anonymous request cannot make the server
 * store hundreds of megabytes either.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestBodyLimit extends OncePerRequestFilter {
  /**
   * Bodies streamed to storage, never buffered: artifact uploads (API and console) and preview
   * zips, each held to its own limit while it streams.
   */
  private static final Pattern STREAMED =
      Pattern.compile("/(api/v1|console)/milestones/[^/]+/(artifacts|previews)");

  /** Where files are attached (messages): multipart bodies go to disk there. */
  private static final Pattern ATTACHMENTS =
      Pattern.compile("/(api/v1|console|portal)/projects/[^/]+/(messages|modifications)");

  /**
   * The settings page's logo upload: multipart, to disk like attachments; the logo's own limit
   * applies.
   */
  private static final String LOGO = "/console/settings/logo";

  private final long maxBytes;
  private final long multipartMaxBytes;
  private final JsonMapper json;

  RequestBodyLimit(
      @Value("${tranche.http.max-body-bytes}") long maxBytes,
      @Value("${spring.servlet.multipart.max-request-size}") DataSize multipartMax,
      JsonMapper json) {
    this.maxBytes = maxBytes;
    this.multipartMaxBytes = multipartMax.toBytes();
    this.json = json;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    String type = request.getContentType() == null ? "" : request.getContentType();
    // a JSON body there (naming a staging site as a preview) is read into memory: capped
    if (STREAMED.matcher(path).matches()
        && !type.toLowerCase(java.util.Locale.ROOT).contains("json")) {
      chain.doFilter(request, response);
      return;
    }
    boolean multipart = MultipartResolutionDelegate.isMultipartRequest(request);
    boolean attachments = multipart && (ATTACHMENTS.matcher(path).matches() || LOGO.equals(path));
    if (multipart && !attachments) {
      write(
          response,
          ProblemHandler.body(
              HttpStatus.UNSUPPORTED_MEDIA_TYPE,
              "request.unsupported-media-type",
              "multipart bodies are accepted only where files are attached (messages)",
              request),
          HttpStatus.UNSUPPORTED_MEDIA_TYPE);
      return;
    }
    long limit = attachments ? multipartMaxBytes : maxBytes;
    // the container parses a multipart body from the connection itself, past any wrapper: a logo
    // upload must say its length, so the cap holds before a byte is read (browsers always do)
    boolean unmeasured =
        multipart
            && !attachments
            && request.getContentLengthLong() < 0
            && "chunked".equalsIgnoreCase(request.getHeader("Transfer-Encoding"));
    if (request.getContentLengthLong() > limit || unmeasured) {
      write(response, tooLargeBody(limit, request), HttpStatus.CONTENT_TOO_LARGE);
      return;
    }
    try {
      chain.doFilter(multipart ? request : new Capped(request, limit), response);
    } catch (IOException | ServletException | RuntimeException e) {
      if (!tooLarge(e) || response.isCommitted()) {
        throw e;
      }
      write(response, tooLargeBody(limitOf(e, request), request), HttpStatus.CONTENT_TOO_LARGE);
    }
  }

  /**
   * Whether a failure comes from a body past its cap: our count, the container's count of a form
   * post or a multipart body, or Spring's report of the latter.
   */
  static boolean tooLarge(@Nullable Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof TooLarge
          || t instanceof MaxUploadSizeExceededException
          || (t instanceof InvalidParameterException p
              && p.getErrorCode() == HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE)) {
        return true;
      }
    }
    return false;
  }

  /** The cap that a failure {@link #tooLarge} recognised ran into. */
  long limitOf(Throwable e, HttpServletRequest request) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof TooLarge tooLarge) {
        return tooLarge.limit;
      }
    }
    return MultipartResolutionDelegate.isMultipartRequest(request) ? multipartMaxBytes : maxBytes;
  }

  private void write(HttpServletResponse response, Map<String, Object> problem, HttpStatus status)
      throws IOException {
    response.resetBuffer();
    response.setStatus(status.value());
    response.setContentType(ProblemHandler.PROBLEM.toString());
    response.setHeader("Connection", "close");
    byte[] bytes = json.writeValueAsBytes(problem);
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
    // on the wire now, before the container drains or drops what the client is still sending
    response.flushBuffer();
  }

  /** The problem for a body over {@code limit} bytes: {@code request.too-large}, naming it. */
  static Map<String, Object> tooLargeBody(long limit, HttpServletRequest request) {
    DomainException refusal =
        new DomainException(
            Errors.REQUEST_TOO_LARGE, Map.of("limit", describe(limit), "maxBytes", limit));
    Map<String, Object> body =
        ProblemHandler.body(
            ProblemHandler.status(refusal.code().kind()),
            refusal.code().slug(),
            refusal.getMessage(),
            request);
    body.put("maxBytes", limit);
    return body;
  }

  /** A limit for people: 1048576 as "1 MiB", 2048 as "2 KiB", anything else in bytes. */
  static String describe(long bytes) {
    if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
      return bytes / (1024 * 1024) + " MiB";
    }
    if (bytes >= 1024 && bytes % 1024 == 0) {
      return bytes / 1024 + " KiB";
    }
    return bytes + " bytes";
  }

  /** A body read past its cap. */
  static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;
    private final long limit;

    TooLarge(long limit) {
      super("the request body is larger than " + limit + " bytes");
      this.limit = limit;
    }
  }

  /** The request, its body counted as it is read. */
  private static final class Capped extends HttpServletRequestWrapper {
    private final long limit;
    private @Nullable CountingStream in;

    Capped(HttpServletRequest request, long limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (in == null) {
        in = new CountingStream(super.getInputStream(), limit);
      }
      return in;
    }

    @Override
    public BufferedReader getReader() throws IOException {
      String encoding = getCharacterEncoding();
      Charset charset;
      try {
        charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
      } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
        throw new UnsupportedEncodingException(encoding);
      }
      return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }
  }

  /** Counts what is read and fails once more than {@code limit} bytes came. */
  private static final class CountingStream extends ServletInputStream {
    private final ServletInputStream in;
    private final long limit;
    private long count;

    CountingStream(ServletInputStream in, long limit) {
      this.in = in;
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        counted(1);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = in.read(b, off, len);
      if (n > 0) {
        counted(n);
      }
      return n;
    }

    private void counted(int n) throws TooLarge {
      count += n;
      if (count > limit) {
        throw new TooLarge(limit);
      }
    }

    @Override
    public boolean isFinished() {
      return in.isFinished();
    }

    @Override
    public boolean isReady() {
      return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      in.setReadListener(listener);
    }
  }
}
