package io.tranche.core.evidence;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes the canonical JSON form of evidence payloads: object keys sorted by UTF-16 code units (as
 * JCS sorts them; not code points), no insignificant white space, strings escaped as RFC 8785 (JCS)
 * does. Only the value kinds evidence uses are allowed — strings, whole numbers, booleans, null,
 * lists and string-keyed maps — so the output is the JCS form of the same value and any JCS
 * implementation reproduces its bytes. One exception: a lone surrogate (a string that is not
 * well-formed UTF-16, which JCS refuses) is written as a {@code \\uXXXX} escape, so that it has a
 * UTF-8 form and two payloads never hash alike.
 */
public final class CanonicalJson {
  // Not Math.abs(n) > 2^53: Math.abs(Long.MIN_VALUE) is negative.
  private static final long MAX_EXACT = 1L << 53;

  private CanonicalJson() {}

  /** The canonical JSON text of {@code value}. */
  public static String write(Object value) {
    StringBuilder out = new StringBuilder();
    append(out, value);
    return out.toString();
  }

  private static void append(StringBuilder out, Object value) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof String s) {
      string(out, s);
    } else if (value instanceof Boolean b) {
      out.append(b);
    } else if (value instanceof Long || value instanceof Integer || value instanceof Short) {
      long n = ((Number) value).longValue();
      if (n > MAX_EXACT || n < -MAX_EXACT) {
        // JCS numbers are IEEE doubles: larger integers must travel as strings.
        throw new IllegalArgumentException("integer too large for canonical JSON: " + n);
      }
      out.append(n);
    } else if (value instanceof Map<?, ?> map) {
      TreeMap<String, Object> sorted = new TreeMap<>();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!(e.getKey() instanceof String key)) {
          throw new IllegalArgumentException("canonical JSON keys must be strings: " + e.getKey());
        }
        sorted.put(key, e.getValue());
      }
      out.append('{');
      boolean first = true;
      for (Map.Entry<String, Object> e : sorted.entrySet()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        string(out, e.getKey());
        out.append(':');
        append(out, e.getValue());
      }
      out.append('}');
    } else if (value instanceof List<?> list) {
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        append(out, list.get(i));
      }
      out.append(']');
    } else {
      throw new IllegalArgumentException(
          "canonical JSON takes strings, whole numbers, booleans, lists and maps, not "
              + value.getClass().getName());
    }
  }

  private static void string(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (Character.isHighSurrogate(c)
              && i + 1 < s.length()
              && Character.isLowSurrogate(s.charAt(i + 1))) {
            out.append(c).append(s.charAt(++i));
          } else if (c < 0x20 || Character.isSurrogate(c)) {
            // A lone surrogate has no UTF-8 form: written raw it would become '?' and two
            // payloads could hash alike (and PostgreSQL refuses it). Escaped, it stays distinct.
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
