package io.tranche.license;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Just enough JSON for licences, with the JDK alone: objects, arrays, strings, whole numbers,
 * booleans and null, read strictly (one value, nothing after it), and written with sorted keys and
 * no white space. Anything else is refused as malformed.
 */
final class Json {
  private final String s;
  private int i;

  private Json(String s) {
    this.s = s;
  }

  /**
   * The JSON object in {@code text}; throws {@link IllegalArgumentException} when it is not one.
   */
  static Map<String, Object> object(String text) {
    Json p = new Json(text);
    p.space();
    Object value = p.value(0);
    p.space();
    if (p.i != p.s.length() || !(value instanceof Map)) {
      throw new IllegalArgumentException("not one JSON object");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> map = (Map<String, Object>) value;
    return map;
  }

  private Object value(int depth) {
    if (depth > 16) {
      throw new IllegalArgumentException("nested too deep");
    }
    if (i >= s.length()) {
      throw new IllegalArgumentException("unexpected end");
    }
    char c = s.charAt(i);
    if (c == '{') {
      i++;
      Map<String, Object> map = new LinkedHashMap<>();
      space();
      if (peek('}')) {
        return map;
      }
      do {
        space();
        String key = string();
        space();
        expect(':');
        space();
        if (map.put(key, value(depth + 1)) != null) {
          throw new IllegalArgumentException("duplicate member " + key);
        }
        space();
      } while (peek(','));
      expect('}');
      return map;
    }
    if (c == '[') {
      i++;
      List<Object> list = new ArrayList<>();
      space();
      if (peek(']')) {
        return list;
      }
      do {
        space();
        list.add(value(depth + 1));
        space();
      } while (peek(','));
      expect(']');
      return list;
    }
    if (c == '"') {
      return string();
    }
    if (s.startsWith("true", i)) {
      i += 4;
      return Boolean.TRUE;
    }
    if (s.startsWith("false", i)) {
      i += 5;
      return Boolean.FALSE;
    }
    if (s.startsWith("null", i)) {
      i += 4;
      return null;
    }
    int start = i;
    if (c == '-') {
      i++;
    }
    while (i < s.length() && Character.isDigit(s.charAt(i))) {
      i++;
    }
    if (i == start || (i == start + 1 && c == '-')) {
      throw new IllegalArgumentException("unexpected " + c);
    }
    return Long.parseLong(s.substring(start, i));
  }

  private String string() {
    expect('"');
    StringBuilder b = new StringBuilder();
    while (true) {
      if (i >= s.length()) {
        throw new IllegalArgumentException("unterminated string");
      }
      char c = s.charAt(i++);
      if (c == '"') {
        return b.toString();
      }
      if (c < 0x20) {
        throw new IllegalArgumentException("control character in string");
      }
      if (c != '\\') {
        b.append(c);
        continue;
      }
      char e = s.charAt(i++);
      switch (e) {
        case '"', '\\', '/' -> b.append(e);
        case 'b' -> b.append('\b');
        case 'f' -> b.append('\f');
        case 'n' -> b.append('\n');
        case 'r' -> b.append('\r');
        case 't' -> b.append('\t');
        case 'u' -> {
          b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
          i += 4;
        }
        default -> throw new IllegalArgumentException("bad escape \\" + e);
      }
    }
  }

  private void space() {
    while (i < s.length() && " \t\r\n".indexOf(s.charAt(i)) >= 0) {
      i++;
    }
  }

  private boolean peek(char c) {
    if (i < s.length() && s.charAt(i) == c) {
      i++;
      return true;
    }
    return false;
  }

  private void expect(char c) {
    if (!peek(c)) {
      throw new IllegalArgumentException("expected " + c + " at " + i);
    }
  }

  /** {@code value} as JSON: object members sorted by key, no white space. */
  static String write(Object value) {
    StringBuilder b = new StringBuilder();
    write(b, value);
    return b.toString();
  }

  private static void write(StringBuilder b, Object value) {
    if (value == null) {
      b.append("null");
    } else if (value instanceof String str) {
      quote(b, str);
    } else if (value instanceof Number || value instanceof Boolean) {
      b.append(value);
    } else if (value instanceof Map<?, ?> map) {
      b.append('{');
      String sep = "";
      for (Object key : new java.util.TreeMap<>(map).keySet()) {
        b.append(sep);
        quote(b, (String) key);
        b.append(':');
        write(b, map.get(key));
        sep = ",";
      }
      b.append('}');
    } else if (value instanceof List<?> list) {
      b.append('[');
      String sep = "";
      for (Object item : list) {
        b.append(sep);
        write(b, item);
        sep = ",";
      }
      b.append(']');
    } else {
      throw new IllegalArgumentException("cannot write " + value.getClass());
    }
  }

  private static void quote(StringBuilder b, String s) {
    b.append('"');
    for (int k = 0; k < s.length(); k++) {
      char c = s.charAt(k);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        case '\b' -> b.append("\\b");
        case '\f' -> b.append("\\f");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    b.append('"');
  }
}
