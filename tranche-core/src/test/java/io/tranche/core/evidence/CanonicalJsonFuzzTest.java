package io.tranche.core.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fuzzes {@link CanonicalJson#write} with value trees built from the fuzzer's data: strings (with
 * any UTF-16 code unit, lone surrogates included), whole numbers of every size, booleans, null,
 * lists and maps, and now and then a value it must refuse (a number beyond 2^53, a float, a
 * non-string key). What it writes must read back, with an independent parser, as the same value,
 * with keys in JCS order (UTF-16 code units) and JCS string escaping. Corpus:
 * src/test/resources/io/tranche/core/evidence/CanonicalJsonFuzzTestInputs/.
 */
class CanonicalJsonFuzzTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final long EXACT = 1L << 53;
  private static final int MAX_DEPTH = 24;

  @FuzzTest
  void writesJsonThatReadsBackAsTheSameValue(FuzzedDataProvider data) {
    Tree tree = new Tree();
    Object value = tree.value(data, 0);
    String json;
    try {
      json = CanonicalJson.write(value);
    } catch (IllegalArgumentException e) {
      assertThat(tree.refuse).as("refused %s: %s", value, e.getMessage()).isNotNull();
      return;
    }
    assertThat(tree.refuse).as("wrote %s", json).isNull();
    checkJcsText(json);
    JsonNode node = JSON.readTree(json);
    checkKeyOrder(node);
    Object back = java(node);
    assertThat(back).isEqualTo(tree.normal(value));
    assertThat(CanonicalJson.write(back)).isEqualTo(json);
    // the bytes that get hashed and signed are UTF-8, lone surrogates included (escaped)
    assertThat(java(JSON.readTree(json.getBytes(StandardCharsets.UTF_8)))).isEqualTo(back);
  }

  /** Builds a value from the fuzzer's data and notes why CanonicalJson must refuse it, if so. */
  private static final class Tree {
    String refuse;
    boolean loneSurrogate;

    Object value(FuzzedDataProvider data, int depth) {
      int kind = data.consumeInt(0, depth >= MAX_DEPTH ? 5 : 8);
      switch (kind) {
        case 0:
          return null;
        case 1:
          return data.consumeBoolean();
        case 2:
          long n = data.consumeLong();
          if (n > EXACT || n < -EXACT) {
            refuse = "integer beyond 2^53: " + n;
          }
          return n;
        case 3:
          return data.consumeInt();
        case 4:
          return data.consumeShort();
        case 5:
          return string(data);
        case 6:
          List<Object> list = new ArrayList<>();
          for (int i = data.consumeInt(0, 6); i > 0; i--) {
            list.add(value(data, depth + 1));
          }
          return list;
        case 7:
          Map<Object, Object> map = new LinkedHashMap<>();
          for (int i = data.consumeInt(0, 6); i > 0; i--) {
            Object key;
            if (data.consumeInt(0, 31) == 0) {
              key = data.consumeInt();
              refuse = "non-string key";
            } else {
              key = string(data);
            }
            if (!map.containsKey(key)) {
              map.put(key, value(data, depth + 1));
            }
          }
          return map;
        default:
          refuse = "unsupported kind";
          return data.consumeBoolean()
              ? (Object) data.consumeDouble()
              : BigInteger.valueOf(data.consumeLong());
      }
    }

    String string(FuzzedDataProvider data) {
      String s;
      if (data.consumeBoolean()) {
        s = data.consumeString(40);
      } else {
        // any code unit, lone surrogates included
        StringBuilder b = new StringBuilder();
        for (int i = data.consumeInt(0, 12); i > 0; i--) {
          b.append(data.consumeChar());
        }
        s = b.toString();
      }
      loneSurrogate |= hasLoneSurrogate(s);
      return s;
    }

    /** The value as a JSON parser gives it back: every whole number a Long. */
    Object normal(Object v) {
      if (v instanceof Integer || v instanceof Short) {
        return ((Number) v).longValue();
      }
      if (v instanceof List<?> l) {
        List<Object> out = new ArrayList<>();
        l.forEach(e -> out.add(normal(e)));
        return out;
      }
      if (v instanceof Map<?, ?> m) {
        Map<Object, Object> out = new LinkedHashMap<>();
        m.forEach((k, e) -> out.put(k, normal(e)));
        return out;
      }
      return v;
    }
  }

  private static boolean hasLoneSurrogate(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return true;
      }
    }
    return false;
  }

  private static Object java(JsonNode node) {
    if (node.isNull()) {
      return null;
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isIntegralNumber() && node.canConvertToLong()) {
      return node.longValue();
    }
    if (node.isString()) {
      return node.stringValue();
    }
    if (node.isArray()) {
      List<Object> out = new ArrayList<>();
      node.values().forEach(e -> out.add(java(e)));
      return out;
    }
    if (node.isObject()) {
      Map<Object, Object> out = new LinkedHashMap<>();
      node.properties().forEach(e -> out.put(e.getKey(), java(e.getValue())));
      return out;
    }
    throw new AssertionError("not a canonical JSON value: " + node);
  }

  /** Object keys strictly ascending by UTF-16 code units (RFC 8785, 3.2.3). */
  private static void checkKeyOrder(JsonNode node) {
    if (node.isObject()) {
      String previous = null;
      for (Iterator<String> names = node.propertyNames().iterator(); names.hasNext(); ) {
        String name = names.next();
        if (previous != null && previous.compareTo(name) >= 0) {
          fail("key '%s' after '%s'", name, previous);
        }
        previous = name;
      }
    }
    node.values().forEach(CanonicalJsonFuzzTest::checkKeyOrder);
  }

  /**
   * No white space between tokens; in strings only the escapes JCS writes (RFC 8785, 3.2.2.2): the
   * two-character ones for " \ b f n r t, a lower-case six-character {@code u00xx} escape for other
   * control characters, and every other character as itself.
   */
  private static void checkJcsText(String json) {
    boolean inString = false;
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (!inString) {
        assertThat(Character.isWhitespace(c)).as("white space at %d in %s", i, json).isFalse();
        inString = c == '"';
      } else if (c == '"') {
        inString = false;
      } else if (c == '\\') {
        char e = json.charAt(++i);
        if (e == 'u') {
          String hex = json.substring(i + 1, i + 5);
          int unit = Integer.parseInt(hex, 16);
          assertThat(hex).as("escape in %s", json).isLowerCase();
          // JCS escapes only control characters; we also escape lone surrogates (no UTF-8 form).
          assertThat(unit < 0x20 || Character.isSurrogate((char) unit))
              .as("\\u%s in %s", hex, json)
              .isTrue();
          assertThat(unit).as("\\u%s in %s", hex, json).isNotIn(8, 9, 10, 12, 13);
          i += 4;
        } else {
          assertThat("\"\\bfnrt".indexOf(e)).as("escape \\%c in %s", e, json).isNotNegative();
        }
      } else {
        assertThat((int) c).as("raw control character in %s", json).isGreaterThanOrEqualTo(0x20);
      }
    }
  }
}
