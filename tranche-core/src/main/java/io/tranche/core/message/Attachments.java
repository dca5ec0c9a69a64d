package io.tranche.core.message;

import io.tranche.core.error.DomainException;
import io.tranche.core.error.ErrorCode;
import io.tranche.core.error.ErrorKind;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/** Rules for uploaded files: safe names, and the content type read from the bytes themselves. */
public final class Attachments {
  public static final ErrorCode BAD_NAME =
      new ErrorCode(
          "attachment.bad-name",
          ErrorKind.INVALID,
          "the file name '{name}' {problem}; send a plain name such as report.pdf");
  public static final ErrorCode TOO_LARGE =
      new ErrorCode(
          "attachment.too-large",
          ErrorKind.INVALID,
          "the file '{name}' is larger than the limit of {limit} bytes");

  /** The longest file name accepted, in UTF-16 code units (most file systems allow 255). */
  public static final int NAME_MAX = 255;

  private Attachments() {}

  /**
   * The file name to keep: Unicode-normalised (NFC) and trimmed. Refuses (rather than silently
   * changes) a name with a path, a parent reference, no name at all, or an invisible or control
   * character; see {@link #nameProblem}.
   */
  public static String safeName(String name) {
    String n = normalName(name);
    Optional<String> problem = nameProblem(n);
    if (problem.isPresent()) {
      throw refused(printable(n), problem.get());
    }
    return n;
  }

  /** A file name as {@link #safeName} judges it: trimmed and in Unicode NFC. */
  public static String normalName(String name) {
    return name == null ? "" : Normalizer.normalize(name.strip(), Normalizer.Form.NFC);
  }

  /**
   * What is wrong with a (normalised) file name, or empty when it is acceptable. The one rule for
   * every file name a person supplies — attachments and artifacts alike: not empty, at most {@value
   * #NAME_MAX} characters, no path separator ({@code / \ :}), not {@code .} or starting with {@code
   * ..}, and none of: control characters ({@code \p{Cc}}, which include NUL and U+0085), format
   * characters ({@code \p{Cf}}: bidirectional overrides such as U+202E and U+2067, zero-width
   * characters such as U+200B), line and paragraph separators ({@code \p{Zl}}, {@code \p{Zp}}), or
   * a lone surrogate. Such characters let a name read differently from what it is (U+202E turns
   * "invoice[U+202E]fdp.exe" into what reads as "invoiceexe.pdf").
   */
  public static Optional<String> nameProblem(String n) {
    if (n.isEmpty()) {
      return Optional.of("is empty");
    }
    if (n.length() > NAME_MAX) {
      return Optional.of("is longer than " + NAME_MAX + " characters");
    }
    if (n.contains("/") || n.contains("\\") || n.contains(":")) {
      return Optional.of("contains a path");
    }
    if (n.equals(".") || n.startsWith("..")) {
      return Optional.of("points at a directory");
    }
    for (int i = 0; i < n.length(); ) {
      int c = n.codePointAt(i);
      int type = Character.getType(c);
      if (type == Character.CONTROL) {
        return Optional.of("contains control characters");
      }
      if (type == Character.FORMAT
          || type == Character.LINE_SEPARATOR
          || type == Character.PARAGRAPH_SEPARATOR) {
        return Optional.of("contains invisible or direction-changing characters");
      }
      if (type == Character.SURROGATE) {
        return Optional.of("contains a broken character (a lone surrogate)");
      }
      i += Character.charCount(c);
    }
    return Optional.empty();
  }

  /** The name as it may appear in an error message: offending characters shown as U+XXXX. */
  private static String printable(String n) {
    StringBuilder out = new StringBuilder();
    n.codePoints()
        .limit(60)
        .forEach(
            c -> {
              int type = Character.getType(c);
              if (type == Character.CONTROL
                  || type == Character.FORMAT
                  || type == Character.LINE_SEPARATOR
                  || type == Character.PARAGRAPH_SEPARATOR
                  || type == Character.SURROGATE) {
                out.append(String.format("U+%04X", c));
              } else {
                out.appendCodePoint(c);
              }
            });
    return n.codePointCount(0, n.length()) > 60 ? out + "…" : out.toString();
  }

  /**
   * The content type of a file judged from its first bytes — not from what the uploader claimed:
   * PDF, PNG, JPEG, GIF, WebP, ZIP (also docx/xlsx), UTF-8 text; anything else is
   * application/octet-stream.
   */
  public static String sniff(byte[] head) {
    if (startsWith(head, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
      return "application/pdf";
    }
    if (startsWith(head, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a})) {
      return "image/png";
    }
    if (startsWith(head, new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff})) {
      return "image/jpeg";
    }
    if (startsWith(head, "GIF87a".getBytes(StandardCharsets.US_ASCII))
        || startsWith(head, "GIF89a".getBytes(StandardCharsets.US_ASCII))) {
      return "image/gif";
    }
    if (head.length >= 12
        && startsWith(head, "RIFF".getBytes(StandardCharsets.US_ASCII))
        && new String(head, 8, 4, StandardCharsets.US_ASCII).equals("WEBP")) {
      return "image/webp";
    }
    if (startsWith(head, new byte[] {'P', 'K', 3, 4})) {
      return "application/zip";
    }
    if (isText(head)) {
      return "text/plain";
    }
    return "application/octet-stream";
  }

  private static boolean isText(byte[] head) {
    if (head.length == 0) {
      return true;
    }
    for (byte b : head) {
      if (b == 0) {
        return false;
      }
    }
    // The sample may end inside a multi-byte character: ignore up to 3 trailing bytes.
    for (int cut = 0; cut <= Math.min(3, head.length - 1); cut++) {
      try {
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(head, 0, head.length - cut));
        return true;
      } catch (CharacterCodingException e) {
        // try a shorter sample
      }
    }
    return false;
  }

  private static boolean startsWith(byte[] data, byte[] prefix) {
    return data.length >= prefix.length
        && Arrays.equals(Arrays.copyOf(data, prefix.length), prefix);
  }

  private static DomainException refused(String name, String problem) {
    return DomainException.field(BAD_NAME, "files", Map.of("name", name, "problem", problem));
  }
}
