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
  public static final int NAME_MAX = 200;

  private Attachments() {}

  /**
   * The file name to keep: Unicode-normalised and trimmed. Refuses (rather than silently changes) a
   * name with a path, a parent reference, control characters, or no name at all.
   */
  public static String safeName(String name) {
    String n = name == null ? "" : Normalizer.normalize(name.strip(), Normalizer.Form.NFC);
    if (n.isEmpty()) {
      throw refused(n, "is empty");
    }
    if (n.contains("/") || n.contains("\\") || n.contains(":")) {
      throw refused(n, "contains a path");
    }
    if (n.equals(".") || n.equals("..") || n.startsWith("..")) {
      throw refused(n, "points at a directory");
    }
    if (n.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      throw refused(n.replaceAll("\\p{Cntrl}", "?"), "contains control characters");
    }
    if (n.length() > NAME_MAX) {
      throw refused(n.substring(0, 40) + "…", "is longer than " + NAME_MAX + " characters");
    }
    return n;
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
