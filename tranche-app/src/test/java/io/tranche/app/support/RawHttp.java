package io.tranche.app.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One HTTP/1.1 exchange over a bare socket, for tests that must see what a client library hides:
 * the body is written on a thread of its own while the answer is read, so a test learns how much of
 * the body had been sent when the answer came, and whether the server cut the connection before the
 * body was sent in full.
 */
public final class RawHttp {
  private static final int CHUNK = 64 * 1024;

  private RawHttp() {}

  /** How the body is framed. */
  public enum Framing {
    /** {@code Content-Length: declared}, then {@code sent} bytes (which may be fewer). */
    CONTENT_LENGTH,
    /** {@code Transfer-Encoding: chunked}, 64 KiB chunks up to {@code sent} bytes. */
    CHUNKED
  }

  /**
   * What came back.
   *
   * @param sentWhenAnswered body bytes written when the status line arrived
   * @param sent body bytes written in all
   * @param cut whether writing failed (the server closed the connection) before all was sent
   */
  public record Answer(
      int status,
      Map<String, String> headers,
      String body,
      long sentWhenAnswered,
      long sent,
      boolean cut) {}

  /**
   * Sends {@code method path} with the given headers and a body of {@code sent} bytes produced by
   * repeating {@code pattern}, and reads the answer.
   */
  public static Answer exchange(
      int port,
      String method,
      String path,
      Map<String, String> headers,
      Framing framing,
      long declared,
      long sent,
      byte[] prefix,
      byte pattern)
      throws Exception {
    return exchangeFrom(
        null, port, method, path, headers, framing, declared, sent, prefix, pattern);
  }

  /**
   * As {@link #exchange}, from the loopback address {@code local} (e.g. 127.0.0.2), so a test can
   * be a client of its own as far as per-address limits go.
   */
  public static Answer exchangeFrom(
      String local,
      int port,
      String method,
      String path,
      Map<String, String> headers,
      Framing framing,
      long declared,
      long sent,
      byte[] prefix,
      byte pattern)
      throws Exception {
    try (Socket socket = new Socket()) {
      if (local != null) {
        socket.bind(new java.net.InetSocketAddress(local, 0));
      }
      socket.connect(new java.net.InetSocketAddress("127.0.0.1", port));
      socket.setSoTimeout(30_000);
      StringBuilder head = new StringBuilder();
      head.append(method).append(' ').append(path).append(" HTTP/1.1\r\n");
      head.append("Host: 127.0.0.1:").append(port).append("\r\n");
      headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
      head.append(
          framing == Framing.CHUNKED
              ? "Transfer-Encoding: chunked\r\n"
              : "Content-Length: " + declared + "\r\n");
      head.append("Connection: close\r\n\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.flush();

      AtomicLong written = new AtomicLong();
      AtomicBoolean cut = new AtomicBoolean();
      Thread writer =
          new Thread(
              () -> {
                try {
                  writeBody(out, framing, sent, prefix, pattern, written);
                } catch (IOException e) {
                  cut.set(true);
                }
              },
              "raw-http-writer");
      writer.setDaemon(true);
      writer.start();

      InputStream in = socket.getInputStream();
      String statusLine = line(in);
      long sentWhenAnswered = written.get();
      Map<String, String> answerHeaders = new LinkedHashMap<>();
      for (String line = line(in); !line.isEmpty(); line = line(in)) {
        int colon = line.indexOf(':');
        answerHeaders.put(
            line.substring(0, colon).strip().toLowerCase(Locale.ROOT),
            line.substring(colon + 1).strip());
      }
      String body = new String(body(in, answerHeaders), StandardCharsets.UTF_8);
      writer.join(60_000);
      int status = Integer.parseInt(statusLine.split(" ")[1]);
      return new Answer(status, answerHeaders, body, sentWhenAnswered, written.get(), cut.get());
    }
  }

  private static void writeBody(
      OutputStream out,
      Framing framing,
      long total,
      byte[] prefix,
      byte pattern,
      AtomicLong written)
      throws IOException {
    byte[] filler = new byte[CHUNK];
    Arrays.fill(filler, pattern);
    long left = total;
    boolean first = true;
    while (left > 0) {
      byte[] data = filler;
      int length = (int) Math.min(CHUNK, left);
      if (first && prefix.length > 0) {
        data = Arrays.copyOf(prefix, Math.max(prefix.length, length));
        Arrays.fill(data, prefix.length, data.length, pattern);
        length = (int) Math.min(data.length, left);
      }
      first = false;
      if (framing == Framing.CHUNKED) {
        out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
      }
      out.write(data, 0, length);
      if (framing == Framing.CHUNKED) {
        out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
      }
      written.addAndGet(length);
      left -= length;
    }
    if (framing == Framing.CHUNKED) {
      out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
    }
    out.flush();
  }

  private static byte[] body(InputStream in, Map<String, String> headers) throws IOException {
    if (headers.containsKey("content-length")) {
      return in.readNBytes(Integer.parseInt(headers.get("content-length")));
    }
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      for (int size = Integer.parseInt(line(in).split(";")[0].strip(), 16);
          size > 0;
          size = Integer.parseInt(line(in).split(";")[0].strip(), 16)) {
        out.write(in.readNBytes(size));
        line(in);
      }
      return out.toByteArray();
    }
    return in.readAllBytes();
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new IOException("the connection closed in the middle of a line: " + line);
      }
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(StandardCharsets.ISO_8859_1);
  }
}
