package io.tranche.core;

/**
 * Fuzzer bytes read as Java text, so that seed files stay readable UTF-8 and can still hold what
 * UTF-8 cannot: a surrogate encoded on three bytes ({@code ED A0 80} is U+D800) decodes to that
 * lone surrogate, as in WTF-8. Any other malformed byte becomes U+FFFD.
 */
public final class FuzzText {
  private FuzzText() {}

  /** The text of {@code bytes}. */
  public static String decode(byte[] bytes) {
    StringBuilder out = new StringBuilder(bytes.length);
    int i = 0;
    while (i < bytes.length) {
      int b = bytes[i] & 0xff;
      int length = b < 0x80 ? 1 : b >= 0xf0 && b < 0xf5 ? 4 : b >= 0xe0 ? 3 : b >= 0xc2 ? 2 : 0;
      int codePoint = length == 1 ? b : b & (0xff >> (length + 1));
      boolean ok = length > 0 && i + length <= bytes.length;
      for (int k = 1; ok && k < length; k++) {
        int c = bytes[i + k] & 0xff;
        ok = (c & 0xc0) == 0x80;
        codePoint = codePoint << 6 | c & 0x3f;
      }
      ok = ok && (length < 3 || codePoint >= (length == 3 ? 0x800 : 0x10000));
      if (ok && codePoint <= Character.MAX_CODE_POINT) {
        out.appendCodePoint(codePoint);
        i += length;
      } else {
        out.append('\uFFFD');
        i++;
      }
    }
    return out.toString();
  }
}
