package io.tranche.app.platform;

import java.util.Locale;

/** File sizes as people read them. */
public final class Sizes {
  private Sizes() {}

  /** {@code 512 bytes}, {@code 1.5 KiB}, {@code 50.0 MiB}. */
  public static String label(long bytes) {
    if (bytes < 1024) {
      return bytes + " bytes";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    double value = bytes;
    int unit = -1;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
  }
}
